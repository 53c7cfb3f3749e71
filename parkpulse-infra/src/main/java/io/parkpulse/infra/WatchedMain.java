package io.parkpulse.infra;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * {@code WatchedMain <parent-pid> <main-class> [args...]}: runs the main class and exits (running its
 * shutdown hooks) when the parent process disappears, however the parent ended.
 */
public final class WatchedMain {

    public static void main(String[] args) throws Exception {
        long parent = Long.parseLong(args[0]);
        Thread watcher = new Thread(
                () -> {
                    while (true) {
                        if (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                            try {
                                Thread.sleep(500);
                            } catch (InterruptedException e) {
                                return;
                            }
                        } else {
                            System.exit(0);
                        }
                    }
                },
                "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }

    private WatchedMain() {}
}
