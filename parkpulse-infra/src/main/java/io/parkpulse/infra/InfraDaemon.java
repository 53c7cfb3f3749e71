package io.parkpulse.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code InfraDaemon <owner-pid> <dir>}: starts PostgreSQL and Kafka once for a whole Maven build,
 * writes where they are to {@code <dir>/state.properties}, and stops them when the owner (the Maven
 * JVM) exits — after the last module, on failure or on Ctrl-C alike.
 */
public final class InfraDaemon {

    public static void main(String[] args) throws Exception {
        long owner = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Infra infra = Infra.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "infra-stop"));
        infra.endpoints()
                .write(dir.resolve("state.properties"), ProcessHandle.current().pid());
        System.out.println("ParkPulse infrastructure ready: " + infra.endpoints());
        while (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(500);
        }
        System.out.println("owner " + owner + " is gone; stopping");
        System.exit(0);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the OS cleans temporary directories eventually
        }
    }

    private InfraDaemon() {}
}
