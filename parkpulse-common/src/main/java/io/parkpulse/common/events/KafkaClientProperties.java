package io.parkpulse.common.events;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Kafka client properties an operator gives as {@code kafka.<client property>} (environment:
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, …), for every client the platform creates.
 *
 * <p>The names are found by enumerating the configuration, because a client property is known to no mapping
 * interface: an environment variable is reachable under its dotted name only once someone asks for that name.
 * The enumeration returns environment variables as they are spelt, so {@code KAFKA_SASL_JAAS_CONFIG} is turned
 * back into {@code sasl.jaas.config} and its value then read under the dotted name, which gives the usual order
 * of sources (environment over {@code application.properties}). Kafka's client property names contain only
 * lower-case letters, digits and dots, so the conversion loses nothing.
 */
public final class KafkaClientProperties {

    static final String PREFIX = "kafka.";
    static final String ENV_PREFIX = "KAFKA_";
    private static final Pattern ENV_NAME = Pattern.compile("KAFKA_[A-Z0-9_]+");

    /** Names whose values are safe to show in a log; every other value is a secret or may be one. */
    private static final Pattern SHOWN = Pattern.compile(
            "bootstrap\\.servers|security\\.protocol|sasl\\.mechanism|.*\\.(location|type|algorithm|protocols?)");

    private static final Set<String> KNOWN;

    static {
        Set<String> known = new TreeSet<>();
        known.addAll(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        KNOWN = Set.copyOf(known);
    }

    /** What an operator set, split into what a Kafka client knows and what it does not. */
    public record Collected(Map<String, String> properties, Set<String> unknown) {

        /** The properties for one kind of client (producer, consumer or admin), by that client's names. */
        public Map<String, String> forClient(Set<String> clientNames) {
            return properties.entrySet().stream()
                    .filter(e -> clientNames.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        }

        /** The same as {@link #describe()}: a record's own toString would print the secrets. */
        @Override
        public String toString() {
            return describe();
        }

        /** For the log: names and safe values; a password or a JAAS configuration shows as {@code [hidden]}. */
        public String describe() {
            String shown = properties.entrySet().stream()
                    .map(e -> e.getKey() + "=" + shown(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            return unknown.isEmpty()
                    ? shown
                    : shown + " (ignored, not Kafka client properties: "
                            + unknown.stream().map(n -> PREFIX + n).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** What the running application's configuration sets. */
    public static Collected fromConfig() {
        Config config = ConfigProvider.getConfig();
        return collect(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }

    /**
     * The client properties among {@code names} (as a configuration enumerates them: dotted or environment
     * style), each read by {@code lookup} under its dotted name {@code kafka.<property>}.
     */
    public static Collected collect(Iterable<String> names, Function<String, Optional<String>> lookup) {
        Map<String, String> properties = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            String property = clientProperty(name);
            if (property == null || properties.containsKey(property) || unknown.contains(property)) {
                continue;
            }
            Optional<String> value = lookup.apply(PREFIX + property);
            if (value.isEmpty() && !name.equals(PREFIX + property)) {
                // A source that answers only under the name it enumerated.
                value = lookup.apply(name);
            }
            if (value.isEmpty()) {
                continue;
            }
            if (KNOWN.contains(property)) {
                properties.put(property, value.get());
            } else {
                unknown.add(property);
            }
        }
        return new Collected(properties, unknown);
    }

    /** {@code kafka.sasl.jaas.config} or {@code KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}; else null. */
    static String clientProperty(String name) {
        if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
            return name.substring(PREFIX.length());
        }
        if (ENV_NAME.matcher(name).matches()) {
            return name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }

    static String shown(String property, String value) {
        return SHOWN.matcher(property).matches() && !property.contains("password") ? value : "[hidden]";
    }

    private KafkaClientProperties() {}
}
