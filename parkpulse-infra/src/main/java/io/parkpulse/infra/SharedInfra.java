package io.parkpulse.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The infrastructure of a build's tests, shared by all of them. The first test JVM that asks starts an
 * {@link InfraDaemon}, which lives as long as the Maven build; later JVMs find it through a state file keyed
 * by the Maven JVM's pid. Modules do not see each other's data: each service's tests recreate their own
 * database, and each test JVM uses topics and consumer groups of its own ({@link InfraTestResource#topicPrefix}),
 * so reporting-service's tests, which read every topic from the start, see only their own events.
 */
public final class SharedInfra {

    private static final int START_ATTEMPTS = 3;
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
            try (FileChannel ch = FileChannel.open(
                            dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                Path state = dir.resolve("state.properties");
                Optional<Endpoints> running = running(state);
                if (running.isPresent()) {
                    return running.get();
                }
                StringBuilder failures = new StringBuilder();
                for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                    Files.deleteIfExists(state);
                    InfraDaemon.deleteTree(dir.resolve("kafka"));
                    InfraDaemon.deleteTree(dir.resolve("postgres"));
                    Optional<Endpoints> started = startDaemon(owner, dir, state);
                    if (started.isPresent()) {
                        return started.get();
                    }
                    String log = Files.readString(dir.resolve("daemon.log"));
                    Files.writeString(dir.resolve("daemon-failed-" + attempt + ".log"), log);
                    // Printed here because Quarkus reports a test resource's failure only as an
                    // InvocationTargetException, and the build log is all a CI run leaves behind.
                    System.err.println("ParkPulse: the PostgreSQL/Kafka daemon did not start (attempt " + attempt
                            + " of " + START_ATTEMPTS + "):\n" + log);
                    failures.append("--- attempt ")
                            .append(attempt)
                            .append(" ---\n")
                            .append(log);
                }
                throw new IllegalStateException("the PostgreSQL/Kafka daemon did not start:\n" + failures);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One start of the daemon, empty when it ended or did not answer in time. A start can fail for reasons
     * another try does not share: its ports are chosen free and then bound by the servers, and test JVMs of
     * modules built in parallel open connections (on ephemeral ports) in between.
     */
    private static Optional<Endpoints> startDaemon(long owner, Path dir, Path state)
            throws IOException, InterruptedException {
        // Watched by the Maven JVM, not by this test JVM: one server and broker serve the whole build.
        Process daemon = new ProcessBuilder(ChildProcesses.javaCommand(
                        owner,
                        List.of("-Xmx256m"),
                        InfraDaemon.class.getName(),
                        List.of(Long.toString(owner), dir.toString())))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            Optional<Endpoints> running = running(state);
            if (running.isPresent()) {
                return running;
            }
            if (!daemon.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        ChildProcesses.stop(daemon, 10_000);
        return Optional.empty();
    }

    /**
     * The daemon named in the state file, if it is alive and its PostgreSQL and Kafka answer. A daemon that is
     * alive but no longer answers is stopping (the JVM that started it has ended; see docs/architecture.md):
     * wait until it is gone, as the next one reuses its folders.
     */
    private static Optional<Endpoints> running(Path state) throws IOException, InterruptedException {
        if (!Files.exists(state)) {
            return Optional.empty();
        }
        Properties p = Endpoints.read(state);
        long pid = Long.parseLong(p.getProperty("daemonPid", "-1"));
        Optional<ProcessHandle> daemon = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (daemon.isEmpty()) {
            return Optional.empty();
        }
        Endpoints e = Endpoints.of(p);
        URI pg = URI.create(e.jdbcBase().substring("jdbc:".length()));
        String[] kafka = e.kafkaBootstrap().split(",")[0].split(":");
        if (answers(pg.getHost(), pg.getPort()) && answers(kafka[0], Integer.parseInt(kafka[1]))) {
            return Optional.of(e);
        }
        try {
            daemon.get().onExit().get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the stopping PostgreSQL/Kafka daemon " + pid + " did not end", ex);
        }
        return Optional.empty();
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2_000);
            return true;
        } catch (IOException ex) {
            return false;
        }
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
                        return pid.matches("\\d+")
                                && ProcessHandle.of(Long.parseLong(pid)).isEmpty();
                    })
                    .forEach(InfraDaemon::deleteTree);
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private SharedInfra() {}
}
