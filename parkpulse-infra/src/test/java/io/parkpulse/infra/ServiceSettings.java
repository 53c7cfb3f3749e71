package io.parkpulse.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The environment variables a service reads, from its sources, for tests that check a deployment file (Kubernetes,
 * Compose) sets nothing a service would ignore. Reuses ConfigurationReferenceTest's reading of the mappings.
 */
final class ServiceSettings {

    static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");

    /** Every {@code @ConfigMapping} property of parkpulse-common and the services, with the file declaring it. */
    static Map<String, String> mappedProperties() throws IOException {
        Map<String, String> properties = new TreeMap<>();
        for (Path file : Sources.main()) {
            String code = Sources.withoutComments(Files.readString(file));
            Matcher m = ConfigurationReferenceTest.MAPPING.matcher(code);
            while (m.find()) {
                String body = ConfigurationReferenceTest.block(code, m.end() - 1);
                ConfigurationReferenceTest.collect(
                        m.group(1),
                        body,
                        properties,
                        Sources.root().relativize(file).toString());
            }
        }
        return properties;
    }

    /**
     * What {@code module} (a service) reads from the environment: its and parkpulse-common's mapped properties and
     * {@code @ConfigProperty} names, the properties its configuration files set (an environment variable overrides
     * them) or name in a placeholder, those docs/configuration.md lists for every deployment, and Kafka client settings ({@code KAFKA_*} passed to every client).
     */
    static Set<String> environmentVariables(String module) throws IOException {
        Set<String> out = new TreeSet<>();
        for (var p : mappedProperties().entrySet()) {
            if (p.getValue().startsWith(module + "/") || p.getValue().startsWith("parkpulse-common/")) {
                out.add(ConfigurationReferenceTest.env(p.getKey()));
            }
        }
        for (Path file : Sources.main()) {
            String where = Sources.root().relativize(file).toString();
            if (where.startsWith(module + "/") || where.startsWith("parkpulse-common/")) {
                Matcher m = CONFIG_PROPERTY.matcher(Sources.withoutComments(Files.readString(file)));
                while (m.find()) {
                    out.add(ConfigurationReferenceTest.env(m.group(1)));
                }
            }
        }
        for (Path file : List.of(
                Sources.root().resolve("parkpulse-common/src/main/resources/META-INF/microprofile-config.properties"),
                Sources.root().resolve(module).resolve("src/main/resources/application.properties"))) {
            Properties props = properties(file);
            for (String key : props.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    out.add(ConfigurationReferenceTest.env(key));
                }
                Matcher m = PLACEHOLDER.matcher(props.getProperty(key));
                while (m.find()) {
                    out.add(ConfigurationReferenceTest.env(m.group(1)));
                }
            }
        }
        // Quarkus's own settings that every deployment sets (quarkus-oidc reads quarkus.oidc.auth-server-url, no
        // code of ours does): the table "What a deployment must set" of docs/configuration.md.
        String doc = Files.readString(Sources.root().resolve("docs/configuration.md"));
        int from = doc.indexOf("## What a deployment must set");
        Matcher row =
                Pattern.compile("(?m)^\\| `([A-Z0-9_]+)`").matcher(doc.substring(from, doc.indexOf("\n## ", from + 1)));
        while (row.find()) {
            out.add(row.group(1));
        }
        for (Set<String> names :
                List.of(ProducerConfig.configNames(), ConsumerConfig.configNames(), AdminClientConfig.configNames())) {
            names.forEach(n -> out.add(ConfigurationReferenceTest.env("kafka." + n)));
        }
        return out;
    }

    static Properties properties(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        }
        return props;
    }

    private ServiceSettings() {}
}
