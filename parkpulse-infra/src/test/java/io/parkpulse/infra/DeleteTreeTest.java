package io.parkpulse.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test JVMs of modules built in parallel clean a finished build's folders at the same moment; one of them
 * failing on a file the other removed failed a whole module's tests.
 */
class DeleteTreeTest {

    @TempDir
    Path tmp;

    @Test
    void twoCleanersOfOneTreeBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Path root = tmp.resolve("owner-" + round);
                for (int d = 0; d < 20; d++) {
                    Path dir = Files.createDirectories(root.resolve("lib/lib/main/d" + d));
                    for (int f = 0; f < 20; f++) {
                        Files.writeString(dir.resolve("f" + f + ".jar"), "x");
                    }
                }
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<?>> cleaners = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    cleaners.add(pool.submit(() -> {
                        start.await();
                        InfraDaemon.deleteTree(root);
                        return null;
                    }));
                }
                for (Future<?> c : cleaners) {
                    c.get();
                }
                assertFalse(Files.exists(root), "round " + round + " left " + root);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
