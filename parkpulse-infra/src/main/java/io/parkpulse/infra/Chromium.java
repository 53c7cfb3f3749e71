package io.parkpulse.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser the console's tests drive: Debian's chromium package, never a download of a test tool's
 * own build. Missing, it is installed with apt-get where this user may install packages (as
 * Playwright's {@code install --with-deps} would); otherwise the test stops with one line saying what
 * to install.
 */
public final class Chromium {

    static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    /** The flags a headless run on a closed network needs: no sandbox as root, no calls home. */
    public static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private Chromium() {}

    /** A Chinese font, without which every label of a screenshot is a row of boxes. */
    static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    public static synchronized Path executable() {
        if (!Files.exists(CJK_FONT)) {
            try {
                install("fonts-wqy-microhei");
            } catch (IllegalStateException e) {
                // The pages still work without it; only the screenshots lose their characters.
                System.err.println(
                        "no Chinese font for the browser tests' screenshots: apt-get install fonts-wqy-microhei");
            }
        }
        for (Path p : CANDIDATES) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        install("chromium");
        for (Path p : CANDIDATES) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the console's browser tests need Debian's chromium: apt-get install chromium");
    }

    private static void install(String debianPackage) {
        List<String> prefix = "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
        try {
            run(prefix, List.of("apt-get", "update", "-q"));
            run(prefix, List.of("apt-get", "install", "-y", "-q", debianPackage));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the console's browser tests need Debian's " + debianPackage
                    + ", and it could not be installed here (" + e.getMessage() + "): sudo apt-get install "
                    + debianPackage);
        }
    }

    private static void run(List<String> prefix, List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(prefix);
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).inheritIO();
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed");
        }
    }
}
