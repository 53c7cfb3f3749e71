package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What can be checked of the images without Docker or a registry (neither exists where the build runs): each
 * service's Dockerfile.jvm against the application `package` left in target/quarkus-app, against the service's
 * configuration, and against the Jib settings in the parent pom, which must give the same runtime. An integration
 * test because it needs the packaged services: Maven packages all four before this module's integration tests.
 */
class ContainerImageIT {

    static final Path ROOT =
            Path.of(System.getProperty("parkpulse.root", "..")).toAbsolutePath().normalize();

    /** An exact version: a digest, or a tag with a digit in it that is not a moving name. */
    static final Pattern PINNED = Pattern.compile("[^:@]+(:[^:/@]*\\d[^:/@]*)?(@sha256:[0-9a-f]{64})?");

    record Instruction(String keyword, String arguments) {}

    @ParameterizedTest
    @ValueSource(strings = {"indicators-service", "projects-service", "investment-service", "reporting-service"})
    void theDockerfileFitsThePackagedServiceAndItsConfiguration(String service) throws IOException {
        Path module = ROOT.resolve(service);
        List<Instruction> file = parse(Files.readString(module.resolve("src/main/docker/Dockerfile.jvm")));
        Map<String, String> pom = parentPomProperties();

        List<String> from = arguments(file, "FROM");
        assertEquals(1, from.size(), "one stage: " + from);
        String base = from.get(0);
        assertTrue(PINNED.matcher(base).matches() && (base.contains(":") || base.contains("@")), "unpinned " + base);
        assertFalse(base.matches(".*:(latest|[a-z-]*latest[a-z-]*)(@.*)?"), base);
        assertTrue(base.matches(".*:\\d+(\\.\\d+)+.*") || base.contains("@sha256:"), "an exact version: " + base);
        assertEquals(pom.get("quarkus.jib.base-jvm-image"), base, "Jib and the Dockerfile share one base");

        List<String> users = arguments(file, "USER");
        assertFalse(users.isEmpty(), "no USER: the container would run as root");
        String user = users.get(users.size() - 1);
        assertFalse(user.matches("(root|0)(:.*)?"), "the last USER is root: " + user);
        assertEquals(pom.get("quarkus.jib.user"), user, "Jib and the Dockerfile run as one user");

        int port = Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
        assertEquals(List.of(String.valueOf(port)), arguments(file, "EXPOSE"), "EXPOSE is quarkus.http.port");

        assertEquals(List.of(), arguments(file, "HEALTHCHECK"), "compose and Kubernetes probe; the image does not");
        String env = String.join(" ", arguments(file, "ENV"));
        assertTrue(env.contains("-XX:MaxRAMPercentage="), "the heap follows the container's memory: " + env);
        assertTrue(
                pom.get("quarkus.jib.jvm-additional-arguments").contains("-XX:MaxRAMPercentage="),
                "Jib's image sizes its heap the same way");
        assertTrue(env.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), env);
        String labels = String.join(" ", arguments(file, "LABEL"));
        for (String label : List.of("org.opencontainers.image.version", "org.opencontainers.image.revision")) {
            assertTrue(labels.contains(label + "="), "label " + label);
            assertTrue(pom.containsKey("quarkus.container-image.labels." + label), "Jib's label " + label);
        }

        Path app = module.resolve("target/quarkus-app");
        assertTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")), "not packaged: " + app);
        Set<String> copied = new TreeSet<>();
        Map<String, String> destinations = new LinkedHashMap<>();
        for (String copy : arguments(file, "COPY")) {
            List<String> words = new ArrayList<>(List.of(copy.trim().split("\\s+")));
            words.removeIf(w -> w.startsWith("--chown=") || w.startsWith("--chmod="));
            assertFalse(words.stream().anyMatch(w -> w.startsWith("--")), "an unexpected COPY option: " + copy);
            String destination = words.remove(words.size() - 1);
            for (String source : words) {
                List<Path> matches = glob(module, source);
                assertFalse(matches.isEmpty(), service + ": COPY " + source + " matches nothing after package");
                for (Path m : matches) {
                    assertTrue(m.startsWith(app), "copies from outside target/quarkus-app: " + source);
                    if (Files.isDirectory(m)) {
                        try (Stream<Path> s = Files.list(m)) {
                            assertTrue(s.findAny().isPresent(), "an empty directory: " + source);
                        }
                    }
                    copied.add(app.relativize(m).toString());
                    destinations.put(app.relativize(m).toString(), destination);
                }
            }
        }
        Set<String> needed = new TreeSet<>();
        try (Stream<Path> s = Files.list(app)) {
            s.map(p -> app.relativize(p).toString())
                    .filter(n -> !n.endsWith(".txt"))
                    .forEach(needed::add);
        }
        assertEquals(needed, copied, "everything quarkus-run.jar needs is copied, and nothing else");
        assertEquals("/deployments/", destinations.get("quarkus-run.jar"), "JAVA_APP_JAR's directory");
        for (String dir : List.of("lib", "app", "quarkus")) {
            assertEquals("/deployments/" + dir + "/", destinations.get(dir), dir + " keeps its place beside the jar");
        }

        String ignore = Files.readString(module.resolve(".dockerignore"));
        assertTrue(ignore.lines().anyMatch(l -> l.equals("!target/quarkus-app/*")), "the build context admits the app");
    }

    @Test
    void everyHealthPathTheDeploymentsProbeIsOneTheServicesServe() throws IOException {
        Set<String> served =
                new TreeSet<>(Set.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started"));
        Pattern group = Pattern.compile("@HealthGroup\\(\"([^\"]+)\"\\)");
        try (Stream<Path> sources = Files.walk(ROOT.resolve("parkpulse-common/src/main/java"))) {
            for (Path f : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher groups = group.matcher(Files.readString(f));
                while (groups.find()) {
                    served.add("/q/health/group/" + groups.group(1));
                }
            }
        }
        for (String service :
                List.of("indicators-service", "projects-service", "investment-service", "reporting-service")) {
            try (Stream<Path> lib = Files.list(ROOT.resolve(service).resolve("target/quarkus-app/lib/main"))) {
                assertTrue(
                        lib.anyMatch(p -> p.getFileName().toString().startsWith("io.quarkus.quarkus-smallrye-health-")),
                        service + " is packaged with SmallRye Health");
            }
            Properties p = applicationProperties(service);
            p.putAll(properties(
                    ROOT.resolve("parkpulse-common/src/main/resources/META-INF/microprofile-config.properties")));
            for (String moved : List.of(
                    "quarkus.http.root-path",
                    "quarkus.http.non-application-root-path",
                    "quarkus.smallrye-health.root-path",
                    "quarkus.smallrye-health.liveness-path",
                    "quarkus.smallrye-health.readiness-path",
                    "quarkus.smallrye-health.group-path")) {
                assertEquals(null, p.getProperty(moved), service + " moves its health paths with " + moved);
            }
        }
        Pattern path = Pattern.compile("/q/health[\\w/-]*");
        List<String> probed = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ROOT.resolve("deploy"))) {
            for (Path f : s.filter(f -> f.toString().matches(".*\\.ya?ml$")).toList()) {
                Matcher m = path.matcher(Files.readString(f));
                while (m.find()) {
                    probed.add(ROOT.relativize(f) + " " + m.group());
                    assertTrue(
                            served.contains(m.group()),
                            ROOT.relativize(f) + " probes " + m.group() + ", not in " + served);
                }
            }
        }
        assertTrue(probed.stream().anyMatch(p -> p.endsWith("/q/health/ready")), "some deployment probes readiness");
        assertNotEquals(List.of(), probed);
    }

    /** Instructions with their continuation lines joined; comments dropped; ARG defaults substituted. */
    static List<Instruction> parse(String dockerfile) {
        List<Instruction> out = new ArrayList<>();
        Map<String, String> args = new HashMap<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            if (line.trim().startsWith("#") || (current.isEmpty() && line.isBlank())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String text = current.toString().trim();
            current.setLength(0);
            String[] kw = text.split("\\s+", 2);
            String rest = kw.length > 1 ? kw[1].trim() : "";
            if (kw[0].equalsIgnoreCase("ARG")) {
                String[] a = rest.split("=", 2);
                args.put(a[0], a.length > 1 ? a[1] : "");
            } else if (!kw[0].equalsIgnoreCase("LABEL")) {
                for (var a : args.entrySet()) {
                    rest = rest.replace("${" + a.getKey() + "}", a.getValue());
                }
            }
            out.add(new Instruction(kw[0].toUpperCase(), rest));
        }
        return out;
    }

    static List<String> arguments(List<Instruction> file, String keyword) {
        return file.stream()
                .filter(i -> i.keyword().equals(keyword))
                .map(Instruction::arguments)
                .toList();
    }

    static List<Path> glob(Path context, String source) throws IOException {
        String clean = source.replaceFirst("/$", "");
        if (!clean.contains("*")) {
            Path p = context.resolve(clean).normalize();
            return Files.exists(p) ? List.of(p) : List.of();
        }
        Path dir = context.resolve(clean).getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + context.resolve(clean));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(m::matches).sorted().toList();
        }
    }

    static Properties applicationProperties(String service) throws IOException {
        return properties(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
    }

    static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return p;
    }

    /** The parent pom's properties, where the Jib image is configured for every service. */
    static Map<String, String> parentPomProperties() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String block = pom.substring(pom.indexOf("<properties>"), pom.indexOf("</properties>"));
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("<([\\w.-]+)>([^<]*)</\\1>").matcher(block);
        while (m.find()) {
            out.put(m.group(1), m.group(2).trim());
        }
        return out;
    }
}
