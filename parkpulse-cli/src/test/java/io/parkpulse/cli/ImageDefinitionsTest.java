package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What can be checked of the services' images without Docker or a registry (there are none here): each
 * Dockerfile copies only what `package` made (this module's tests run after the services are packaged), runs as
 * a non-root user, starts from a pinned base, exposes the port the service listens on, and agrees with the Jib
 * configuration that builds the same image without a daemon.
 */
class ImageDefinitionsTest {

    static final Path ROOT =
            Path.of(System.getProperty("parkpulse.root", "..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"indicators-service", "projects-service", "investment-service", "reporting-service"})
    void theDockerfileFitsWhatPackageMadeAndTheServiceItRuns(String module) throws Exception {
        Path dir = ROOT.resolve(module);
        List<String> lines = Files.readAllLines(dir.resolve("src/main/docker/Dockerfile.jvm"));
        Properties app = properties(dir.resolve("src/main/resources/application.properties"));
        Properties shared =
                properties(ROOT.resolve("parkpulse-common/src/main/resources/META-INF/microprofile-config.properties"));

        String from = only(lines, "FROM ");
        assertTrue(from.matches("[\\w./-]+:\\d[\\w.-]*(@sha256:[0-9a-f]{64})?"), "a pinned base: " + from);
        assertFalse(from.endsWith(":latest"), from);
        assertEquals(shared.getProperty("quarkus.jib.base-jvm-image"), from, "Jib builds on the same base");

        String user = only(lines, "USER ");
        assertTrue(user.matches("\\d+") && !user.equals("0"), "a non-root user: " + user);
        assertEquals(shared.getProperty("quarkus.jib.user"), user, "Jib runs as the same user");

        assertEquals(app.getProperty("quarkus.http.port"), only(lines, "EXPOSE "), "the port the service listens on");

        Pattern copy = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$");
        List<String> sources = new ArrayList<>();
        for (String line : lines) {
            Matcher m = copy.matcher(line.trim());
            if (m.matches()) {
                sources.add(m.group(1));
            }
        }
        assertEquals(4, sources.size(), "the fast-jar layout's four parts: " + sources);
        for (String source : sources) {
            assertTrue(exists(dir, source), module + ": " + source + " does not exist after package");
        }
        assertTrue(Files.exists(dir.resolve("target/quarkus-app/quarkus-run.jar")), "the run script starts it");
        assertTrue(String.join("\n", lines).contains("/deployments/quarkus-run.jar"));
    }

    private static boolean exists(Path dir, String source) throws Exception {
        String path = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        if (!path.contains("*")) {
            return Files.exists(dir.resolve(path));
        }
        Path parent = dir.resolve(path.substring(0, path.lastIndexOf('/')));
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path.substring(path.lastIndexOf('/') + 1));
        try (Stream<Path> files = Files.list(parent)) {
            return files.anyMatch(f -> glob.matches(f.getFileName()));
        }
    }

    private static String only(List<String> lines, String instruction) {
        List<String> found = lines.stream()
                .filter(l -> l.startsWith(instruction))
                .map(l -> l.substring(instruction.length()).trim())
                .toList();
        assertEquals(1, found.size(), instruction + found);
        return found.get(0);
    }

    private static Properties properties(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
