package io.parkpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml must start: once it set only what the services did not read, and every service exited on
 * the local-only key. The variables it sets are checked against those the services read, derived from their code
 * and configuration as {@link ConfigurationReferenceTest} derives them, so the file cannot drift from the code.
 */
class ComposeFileTest {

    static final Map<String, String> SERVICES = Map.of(
            "indicators-service", "indicators",
            "projects-service", "projects",
            "investment-service", "investment",
            "reporting-service", "reporting");

    static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    static final Pattern GET_VALUE = Pattern.compile("get(?:Optional)?Values?\\(\\s*\"([^\"]+)\"");
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)");
    static final Pattern TABLE_VARIABLE =
            Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)`(?:, `([A-Z][A-Z0-9_]+)`)?", Pattern.MULTILINE);
    /** An exact version: a digest, or a tag with a digit in it that is not a moving name. */
    static final Pattern PINNED = Pattern.compile(".+(@sha256:[0-9a-f]{64}|:[^:/@]*\\d[^:/@]*)$");

    final Map<String, Object> compose;
    final Map<String, Map<String, Object>> services;

    @SuppressWarnings("unchecked")
    ComposeFileTest() throws IOException {
        compose = new Yaml().load(Files.readString(Sources.root().resolve("deploy/compose.yaml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void everyVariableSetOnAServiceIsOneThatServiceReads() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            Set<String> known = knownVariables(service);
            for (String name : environment(service).keySet()) {
                if (!known.contains(name)) {
                    unknown.add(service + ": " + name);
                }
            }
        }
        assertEquals(List.of(), unknown, "set in deploy/compose.yaml, read by no code or configuration");
    }

    @Test
    void everyServiceHasWhatItNeedsToStartAndTrustsKeycloakOnly() throws IOException {
        JsonNode realm = new ObjectMapper()
                .readTree(Sources.root()
                        .resolve("deploy/keycloak/parkpulse-realm.json")
                        .toFile());
        Map<String, String> keycloak = environment("keycloak");
        String issuer =
                keycloak.get("KC_HOSTNAME") + "/realms/" + realm.path("realm").asText();
        Set<String> audiences = new TreeSet<>();
        realm.path("clients")
                .forEach(c -> c.path("protocolMappers").forEach(m -> {
                    if (m.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                        audiences.add(m.path("config")
                                .path("included.custom.audience")
                                .asText());
                    }
                }));
        assertEquals(Set.of("parkpulse"), audiences, "the realm's audience");
        URI hostname = URI.create(keycloak.get("KC_HOSTNAME"));
        assertEquals(
                List.of(hostname.getPort() + ":8080"),
                services.get("keycloak").get("ports"),
                "the issuer's address is where Keycloak is published");
        assertEquals(
                "true",
                keycloak.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"),
                "services ask Keycloak inside the network, so its back-channel answers follow their address");

        for (String service : SERVICES.keySet()) {
            Map<String, String> env = environment(service);
            assertTrue(
                    env.getOrDefault("PARKPULSE_POSTGRES_URL", "").matches("jdbc:postgresql://postgres:5432/"),
                    service + ": the database server, ending in / (the service appends its database)");
            assertFalse(env.getOrDefault("PARKPULSE_POSTGRES_USER", "").isBlank(), service + ": database user");
            assertFalse(env.getOrDefault("PARKPULSE_POSTGRES_PASSWORD", "").isBlank(), service + ": password");
            assertEquals("kafka:9092", env.get("PARKPULSE_KAFKA_BOOTSTRAP"), service + ": the broker");

            URI auth = URI.create(env.getOrDefault("QUARKUS_OIDC_AUTH_SERVER_URL", ""));
            assertEquals("keycloak", auth.getHost(), service + ": Keycloak as reached inside the network");
            assertEquals(8080, auth.getPort(), service + ": Keycloak's port inside the network");
            assertEquals("/realms/" + realm.path("realm").asText(), auth.getPath(), service + ": the realm");
            assertEquals("", env.get("QUARKUS_OIDC_PUBLIC_KEY"), service + ": the local-only key must be unset");
            assertEquals(issuer, env.get("PARKPULSE_OIDC_ISSUER"), service + ": the issuer Keycloak writes");
            assertTrue(
                    audiences.contains(env.getOrDefault("PARKPULSE_OIDC_AUDIENCE", "parkpulse")),
                    service + ": the audience the realm's clients put in tokens");

            Map<?, ?> depends = (Map<?, ?>) services.get(service).get("depends_on");
            for (String needed : List.of("postgres", "kafka", "keycloak")) {
                assertEquals(
                        Map.of("condition", "service_healthy"),
                        depends == null ? null : depends.get(needed),
                        service + " waits until " + needed + " is healthy");
            }
        }
        Map<String, String> reporting = environment("reporting-service");
        assertEquals("parkpulse-web", reporting.get("PARKPULSE_CONSOLE_OIDC_CLIENT_ID"), "the console's sign-in");
        for (String other : List.of("indicators", "projects", "investment")) {
            String url = reporting.get("PARKPULSE_CONSOLE_" + other.toUpperCase() + "_URL");
            assertEquals(
                    "http://" + other + "-service:" + port(other + "-service"),
                    url,
                    "the console reaches " + other + "-service inside the network");
        }
    }

    @Test
    void noContainerAcceptsTheLocalOnlyKeys() {
        for (String name : services.keySet()) {
            Map<String, String> env = environment(name);
            assertFalse(env.containsKey("PARKPULSE_SECURITY_ACCEPT_LOCAL_KEYS"), name + " accepts local keys");
            assertFalse(env.containsKey("PARKPULSE_CONSOLE_LOCAL_SIGNING_KEY"), name + " signs with the local key");
        }
    }

    @Test
    void everyImageIsPinnedAndTheServicesAreBuiltFromTheirDockerfiles() throws IOException {
        String version = projectVersion();
        for (var e : services.entrySet()) {
            String image = String.valueOf(e.getValue().get("image"));
            assertTrue(PINNED.matcher(image).matches(), e.getKey() + ": image not pinned to a version: " + image);
            assertFalse(image.endsWith(":latest"), e.getKey() + ": " + image);
            assertTrue(e.getValue().containsKey("restart"), e.getKey() + ": no restart policy");
            assertTrue(e.getValue().containsKey("healthcheck"), e.getKey() + ": no healthcheck");
        }
        for (String service : SERVICES.keySet()) {
            Map<?, ?> s = services.get(service);
            assertEquals("parkpulse/" + service + ":" + version, s.get("image"), service + ": the image built here");
            Map<?, ?> build = (Map<?, ?>) s.get("build");
            Path context = Sources.root()
                    .resolve("deploy")
                    .resolve(String.valueOf(build.get("context")))
                    .normalize();
            assertEquals(Sources.root().resolve(service), context, service + ": build context");
            assertEquals("src/main/docker/Dockerfile.jvm", build.get("dockerfile"), service + ": Dockerfile");
            assertTrue(Files.isRegularFile(context.resolve("src/main/docker/Dockerfile.jvm")), service);

            int port = port(service);
            assertEquals(List.of(port + ":" + port), s.get("ports"), service + ": published at its own port");
            String probe = String.join(" ", strings(((Map<?, ?>) s.get("healthcheck")).get("test")));
            assertTrue(
                    probe.contains("/dev/tcp/127.0.0.1/" + port + " ") && probe.contains("GET /q/health/ready "),
                    service + ": the healthcheck asks the service's readiness at its port: " + probe);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        for (String data : List.of("postgres", "kafka")) {
            List<String> mounts = strings(services.get(data).get("volumes"));
            assertTrue(
                    mounts.stream().anyMatch(m -> volumes.containsKey(m.split(":")[0])),
                    data + " keeps its data in a named volume: " + mounts);
        }
    }

    /** A container's environment, with YAML merges resolved and the list form read too. */
    Map<String, String> environment(String service) {
        Object env = services.get(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> l) {
            l.forEach(x -> {
                String[] kv = String.valueOf(x).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return out;
    }

    /**
     * The environment variables a service reads: every property of its own and parkpulse-common's configuration
     * (mappings, injected properties, the properties files and the variables their values refer to), and those
     * docs/configuration.md lists as what a deployment must set.
     */
    static Set<String> knownVariables(String service) throws IOException {
        Set<String> properties = new TreeSet<>();
        ServiceSettings.mappedProperties().forEach((property, where) -> {
            if (where.startsWith("parkpulse-common") || where.startsWith(service)) {
                properties.add(property);
            }
        });
        for (String module : List.of("parkpulse-common", service)) {
            for (Path file : Sources.main()) {
                if (Sources.root().relativize(file).startsWith(module)) {
                    String code = Sources.withoutComments(Files.readString(file));
                    for (Pattern p : List.of(CONFIG_PROPERTY, GET_VALUE)) {
                        Matcher m = p.matcher(code);
                        while (m.find()) {
                            properties.add(m.group(1));
                        }
                    }
                }
            }
            Path resources = Sources.root().resolve(module).resolve("src/main/resources");
            for (Path file : List.of(
                    resources.resolve("application.properties"),
                    resources.resolve("META-INF/microprofile-config.properties"))) {
                if (Files.isRegularFile(file)) {
                    Properties p = new Properties();
                    p.load(new StringReader(Files.readString(file)));
                    for (String key : p.stringPropertyNames()) {
                        if (!key.startsWith("%")) {
                            properties.add(key);
                        }
                        Matcher m = EXPRESSION.matcher(p.getProperty(key));
                        while (m.find()) {
                            properties.add(m.group(1));
                        }
                    }
                }
            }
        }
        Set<String> variables = new TreeSet<>();
        properties.forEach(p -> variables.add(ConfigurationReferenceTest.env(p)));
        String doc = Files.readString(Sources.root().resolve("docs/configuration.md"));
        String required = doc.substring(doc.indexOf("## What a deployment must set"));
        required = required.substring(0, required.indexOf("\n## ", 1));
        Matcher m = TABLE_VARIABLE.matcher(required);
        while (m.find()) {
            variables.add(m.group(1));
            if (m.group(2) != null) {
                variables.add(m.group(2));
            }
        }
        return variables;
    }

    @Test
    void theKnownVariablesComeFromCodeConfigurationAndTheReference() throws IOException {
        Set<String> reporting = knownVariables("reporting-service");
        for (String v : List.of(
                "PARKPULSE_POSTGRES_URL", // a variable a property's value refers to
                "PARKPULSE_OIDC_ISSUER", // a property a value refers to
                "QUARKUS_OIDC_PUBLIC_KEY", // parkpulse-common's configuration
                "QUARKUS_OIDC_AUTH_SERVER_URL", // injected, and in the reference's first table
                "PARKPULSE_CONSOLE_OIDC_CLIENT_ID", // the service's own mapping
                "PARKPULSE_OUTBOX_BATCH_SIZE")) { // parkpulse-common's mapping
            assertTrue(reporting.contains(v), v);
        }
        Set<String> indicators = knownVariables("indicators-service");
        assertFalse(indicators.contains("PARKPULSE_CONSOLE_OIDC_CLIENT_ID"), "another service's setting");
        assertTrue(indicators.contains("QUARKUS_OIDC_AUTH_SERVER_URL"), "from the reference's first table");
    }

    static int port(String service) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(
                    Sources.root().resolve(service).resolve("src/main/resources/application.properties"))));
            return Integer.parseInt(p.getProperty("quarkus.http.port"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String projectVersion() throws IOException {
        String pom = Files.readString(Sources.root().resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>parkpulse-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "the parent pom's version");
        return m.group(1);
    }

    static List<String> strings(Object yaml) {
        List<String> out = new ArrayList<>();
        if (yaml instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else if (yaml != null) {
            out.add(String.valueOf(yaml));
        }
        return out;
    }
}
