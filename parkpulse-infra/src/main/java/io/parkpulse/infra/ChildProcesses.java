package io.parkpulse.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts JVM child processes that die with their parent: each runs under {@link WatchedMain}, which
 * exits as soon as the process that started it is gone, so a killed build or demo leaves nothing behind.
 */
public final class ChildProcesses {

    /** This module's classes plus every runtime dependency, Kafka's broker included. */
    public static String infraClasspath() {
        try (InputStream in = ChildProcesses.class.getResourceAsStream("/parkpulse-infra.classpath")) {
            if (in == null) {
                throw new IllegalStateException("parkpulse-infra.classpath missing: build parkpulse-infra with Maven");
            }
            String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return selfLocation() + java.io.File.pathSeparator + deps;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where this module's classes are (a jar or a classes folder): enough for {@link WatchedMain} in a child. */
    public static String selfLocation() {
        try {
            return Path.of(ChildProcesses.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A command line that runs {@code mainClass} with the infra classpath, watched by this process. */
    public static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
        return javaCommand(ProcessHandle.current().pid(), jvmOptions, mainClass, args);
    }

    /** The same, ending when the process {@code watcher} ends rather than this one. */
    public static List<String> javaCommand(long watcher, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(infraClasspath());
        cmd.add(WatchedMain.class.getName());
        cmd.add(Long.toString(watcher));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Stops a process and its descendants: politely first, then by force. */
    public static void stop(Process p, long graceMillis) {
        if (p == null || !p.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private ChildProcesses() {}
}
