package io.parkpulse.infra;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

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

    /**
     * Best effort, and safe while another JVM deletes the same tree: test JVMs of modules built in parallel
     * each clean the folders a finished build left behind, so a file listed a moment ago may be gone.
     */
    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    file.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    dir.toFile().delete();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // the OS cleans temporary directories eventually
        }
    }

    private InfraDaemon() {}
}
