package io.parkpulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The infrastructure of the current build, started at most once per build. Maven runs each module's
 * tests in a JVM of its own; the first one that asks starts an {@link InfraDaemon} owned by the Maven
 * JVM, and every later one finds it through a state file keyed by that JVM's pid.
 */
public final class SharedInfra {

    private static Endpoints cached;

    public static synchronized Endpoints endpoints() {
        if (cached == null) {
            cached = locateOrStart();
        }
        return cached;
    }

    private static Endpoints locateOrStart() {
        long owner = buildOwner().pid();
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "parkpulse-infra");
        Path dir = root.resolve("owner-" + owner);
        try {
            Files.createDirectories(dir);
            cleanStale(root, owner);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                Path state = dir.resolve("state.properties");
                Optional<Endpoints> running = running(state);
                if (running.isPresent()) {
                    return running.get();
                }
                Files.deleteIfExists(state);
                Process daemon = new ProcessBuilder(ChildProcesses.javaCommand(List.of("-Xmx256m"),
                        InfraDaemon.class.getName(), List.of(Long.toString(owner), dir.toString())))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("daemon.log").toFile())
                        .start();
                Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
                while (Instant.now().isBefore(deadline)) {
                    running = running(state);
                    if (running.isPresent()) {
                        return running.get();
                    }
                    if (!daemon.isAlive()) {
                        break;
                    }
                    Thread.sleep(200);
                }
                ChildProcesses.stop(daemon, 10_000);
                throw new IllegalStateException("the PostgreSQL/Kafka daemon did not start:\n"
                        + Files.readString(dir.resolve("daemon.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Endpoints> running(Path state) throws IOException {
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        Properties p = Endpoints.read(state);
        long pid = Long.parseLong(p.getProperty("daemonPid", "-1"));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(Endpoints.of(p));
        }
        return Optional.empty();
    }

    /**
     * The Maven JVM that runs this build: the nearest ancestor running Maven's launcher. Outside Maven
     * (an IDE), the parent process.
     */
    static ProcessHandle buildOwner() {
        Optional<ProcessHandle> p = ProcessHandle.current().parent();
        while (p.isPresent()) {
            String cmd = p.get().info().commandLine().orElse("");
            if (cmd.contains("plexus-classworlds") || cmd.contains("org.codehaus.plexus.classworlds")) {
                return p.get();
            }
            p = p.get().parent();
        }
        return ProcessHandle.current().parent().orElse(ProcessHandle.current());
    }

    /** Removes directories of earlier builds whose Maven JVM is gone (their daemons stopped with it). */
    private static void cleanStale(Path root, long owner) {
        try (var dirs = Files.list(root)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("owner-"))
                    .filter(d -> !d.getFileName().toString().equals("owner-" + owner))
                    .filter(d -> {
                        String pid = d.getFileName().toString().substring("owner-".length());
                        return pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isEmpty();
                    })
                    .forEach(InfraDaemon::deleteTree);
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private SharedInfra() {
    }
}
