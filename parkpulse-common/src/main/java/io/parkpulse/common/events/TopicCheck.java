package io.parkpulse.common.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure the topics a service uses exist with the configuration the design depends on: a missing topic is
 * created with it; an existing one that would silently break the design (history deleted after a week, so a
 * rebuild by replay misses events; a compacted history; an uncompacted park registry; fewer partitions than
 * configured) makes the service refuse to start, with the topic, the setting and the fix in the message.
 *
 * <p>The decision ({@link #problems}) is apart from the broker calls ({@link #ensure}) so that it can be tested
 * without a broker.
 */
public final class TopicCheck {

    static final String RETENTION_MS = "retention.ms";
    static final String RETENTION_BYTES = "retention.bytes";
    static final String CLEANUP_POLICY = "cleanup.policy";

    /** What a topic holds, which decides the configuration it needs. */
    public enum Kind {
        /** Every event of a service, kept forever: reporting-service rebuilds from it by replay. */
        HISTORY,
        /** The park registry: the latest state of each park, compacted. */
        COMPACTED,
        /** Records no consumer could process; kept for inspection, never replayed. */
        DEAD_LETTER
    }

    /** A topic as the design wants it; {@code topic} is the plain name, without the deployment's prefix. */
    public record Spec(String topic, Kind kind, int partitions) {

        /** The topic configuration a created topic gets. */
        public Map<String, String> configs() {
            return switch (kind) {
                case HISTORY -> Map.of(CLEANUP_POLICY, "delete", RETENTION_MS, "-1", RETENTION_BYTES, "-1");
                case COMPACTED -> Map.of(CLEANUP_POLICY, "compact");
                case DEAD_LETTER -> Map.of(RETENTION_MS, "-1", RETENTION_BYTES, "-1");
            };
        }
    }

    /** The spec of a platform topic (or its dead-letter topic) with {@code partitions} partitions. */
    public static Spec specOf(String topic, int partitions) {
        if (topic.endsWith(".dlq")) {
            return new Spec(topic, Kind.DEAD_LETTER, 1);
        }
        return new Spec(topic, topic.equals(Topics.PARKS) ? Kind.COMPACTED : Kind.HISTORY, partitions);
    }

    /** What {@link #ensure} did: the topics it created, and what deserves a warning but no refusal. */
    public record Result(List<String> created, List<String> warnings) {}

    /**
     * The ways an existing topic breaks the design, each a sentence naming the topic, the setting and the fix;
     * empty when it is fine. {@code config} holds the topic's effective configuration (broker defaults
     * included), {@code partitions} its partition count.
     */
    public static List<String> problems(Spec spec, String onBroker, int partitions, Map<String, String> config) {
        List<String> out = new ArrayList<>();
        if (spec.kind() == Kind.DEAD_LETTER) {
            return out;
        }
        if (partitions < spec.partitions()) {
            out.add(String.format(
                    Locale.ROOT,
                    "topic %s has %d partitions, fewer than parkpulse.kafka.partitions=%d, so fewer instances"
                            + " can share its work than configured. Fix: add partitions (kafka-topics.sh"
                            + " --bootstrap-server <broker> --alter --topic %s --partitions %d; Strimzi: spec.partitions"
                            + " in its KafkaTopic) while no relay writes to it and every consumer has caught up, since"
                            + " a park's later events then land in another partition; or set"
                            + " PARKPULSE_KAFKA_PARTITIONS=%d if %d is meant. / 主题分区数少于配置。",
                    onBroker,
                    partitions,
                    spec.partitions(),
                    onBroker,
                    spec.partitions(),
                    partitions,
                    partitions));
        }
        List<String> policy = policy(config.get(CLEANUP_POLICY));
        boolean deletes = policy.contains("delete");
        boolean compacts = policy.contains("compact");
        if (spec.kind() == Kind.HISTORY && compacts) {
            out.add(String.format(
                    Locale.ROOT,
                    "topic %s has cleanup.policy=%s: compaction keeps only the latest event of each park, so"
                            + " reporting-service's rebuild by replay would miss the others. Fix: %s"
                            + " (Strimzi: cleanup.policy: delete, retention.ms: -1 in spec.config of its KafkaTopic);"
                            + " events compacted away already are lost to a rebuild. / 历史主题不可压缩。",
                    onBroker,
                    config.get(CLEANUP_POLICY),
                    alter(onBroker, "cleanup.policy=delete,retention.ms=-1,retention.bytes=-1")));
        }
        if (spec.kind() == Kind.COMPACTED && !compacts) {
            out.add(String.format(
                    Locale.ROOT,
                    "topic %s has cleanup.policy=%s, but the park registry must be compacted (the latest state of"
                            + " each park, kept however old). Fix: %s (Strimzi: cleanup.policy: compact in"
                            + " spec.config of its KafkaTopic). / 园区主题必须为压缩（compact）。",
                    onBroker,
                    config.get(CLEANUP_POLICY),
                    alter(onBroker, "cleanup.policy=compact")));
        }
        // Retention applies only where old segments are deleted; a compact-only topic keeps every latest state.
        if (deletes || (spec.kind() == Kind.HISTORY && !compacts)) {
            for (String setting : List.of(RETENTION_MS, RETENTION_BYTES)) {
                String value = config.get(setting);
                if (value != null && !value.trim().equals("-1")) {
                    out.add(String.format(
                            Locale.ROOT,
                            "topic %s has %s=%s: its events would be deleted%s, and a rebuild by replay needs"
                                    + " them all. Fix: %s (Strimzi: %s: -1 in spec.config of its KafkaTopic);"
                                    + " events deleted already are lost to a rebuild. / 主题保留期必须为永久（-1）。",
                            onBroker,
                            setting,
                            value,
                            setting.equals(RETENTION_MS) ? " after " + readable(value) : " beyond that size",
                            alter(onBroker, setting + "=-1"),
                            setting));
                }
            }
        }
        return out;
    }

    /**
     * Creates the missing topics of {@code specs} and checks the others; throws {@link
     * TopicConfigurationException} naming every problem found. Any other exception (broker unreachable, a
     * topic created by someone else a moment ago not yet visible) is worth trying again.
     */
    public static Result ensure(Admin admin, String prefix, List<Spec> specs, short replicationFactor, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Spec> byName = new LinkedHashMap<>();
        for (Spec s : specs) {
            byName.put(prefix + s.topic(), s);
        }
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> created = new ArrayList<>();
        Map<String, TopicDescription> existing = describe(admin, byName.keySet(), timeout);

        List<NewTopic> missing = new ArrayList<>();
        for (var e : byName.entrySet()) {
            if (!existing.containsKey(e.getKey())) {
                Spec s = e.getValue();
                missing.add(new NewTopic(
                                e.getKey(),
                                Optional.of(s.partitions()),
                                replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor))
                        .configs(s.configs()));
            }
        }
        List<String> raced = new ArrayList<>();
        if (!missing.isEmpty()) {
            var result = admin.createTopics(missing).values();
            for (NewTopic t : missing) {
                try {
                    result.get(t.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(t.name());
                } catch (ExecutionException ex) {
                    Throwable cause = ex.getCause();
                    if (cause instanceof TopicExistsException) {
                        raced.add(t.name());
                    } else if (cause instanceof AuthorizationException) {
                        problems.add(cannotCreate(t, byName.get(t.name()), replicationFactor, cause));
                    } else if (cause instanceof InvalidReplicationFactorException
                            || cause instanceof InvalidPartitionsException
                            || cause instanceof PolicyViolationException) {
                        problems.add(String.format(
                                Locale.ROOT,
                                "topic %s is missing and the broker refused to create it with %d partitions and"
                                        + " replication factor %s: %s. Fix: set PARKPULSE_KAFKA_PARTITIONS and"
                                        + " PARKPULSE_KAFKA_REPLICATION_FACTOR to what the cluster allows (the"
                                        + " replication factor at most its number of brokers), or create the topic"
                                        + " beforehand. / 无法创建主题。",
                                t.name(),
                                t.numPartitions(),
                                replicationFactor < 0 ? "(broker default)" : Short.toString(replicationFactor),
                                cause.getMessage()));
                    } else {
                        throw ex;
                    }
                }
            }
        }
        if (!raced.isEmpty()) {
            Map<String, TopicDescription> late = describe(admin, raced, timeout);
            if (late.size() < raced.size()) {
                throw new ExecutionException(
                        new UnknownTopicOrPartitionException("topics created by another client are not visible yet"));
            }
            existing.putAll(late);
        }

        if (!existing.isEmpty()) {
            List<ConfigResource> resources = existing.keySet().stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                    .toList();
            var configs = admin.describeConfigs(resources).values();
            for (var e : existing.entrySet()) {
                String name = e.getKey();
                Spec spec = byName.get(name);
                Config config;
                try {
                    config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof AuthorizationException) {
                        problems.add(String.format(
                                Locale.ROOT,
                                "this service may not read the configuration of topic %s (%s). Fix: allow its"
                                        + " Kafka user DescribeConfigs on the topic (Strimzi: an ACL with operations"
                                        + " Describe, DescribeConfigs in its KafkaUser). / 无权读取主题配置。",
                                name,
                                ex.getCause().getMessage()));
                        continue;
                    }
                    throw ex;
                }
                Map<String, String> values = new HashMap<>();
                for (ConfigEntry entry : config.entries()) {
                    if (entry.value() != null) {
                        values.put(entry.name(), entry.value());
                    }
                }
                TopicDescription d = e.getValue();
                problems.addAll(problems(spec, name, d.partitions().size(), values));
                int replicas = d.partitions().isEmpty()
                        ? 0
                        : d.partitions().get(0).replicas().size();
                if (replicationFactor > 0 && replicas < replicationFactor) {
                    warnings.add(String.format(
                            Locale.ROOT,
                            "topic %s has %d replicas, fewer than parkpulse.kafka.replication-factor=%d: a broker"
                                    + " lost can lose its events (kafka-reassign-partitions.sh, or Strimzi's"
                                    + " spec.replicas, adds replicas)",
                            name,
                            replicas,
                            replicationFactor));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TopicConfigurationException(problems);
        }
        return new Result(created, warnings);
    }

    /** The topics that exist among {@code names}, described. */
    private static Map<String, TopicDescription> describe(
            Admin admin, java.util.Collection<String> names, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> out = new LinkedHashMap<>();
        var futures = admin.describeTopics(names).topicNameValues();
        for (String n : names) {
            try {
                out.put(n, futures.get(n).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw ex;
                }
            }
        }
        return out;
    }

    private static String cannotCreate(NewTopic t, Spec spec, short replicationFactor, Throwable cause) {
        StringBuilder config = new StringBuilder();
        spec.configs().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(c -> config.append(config.isEmpty() ? "" : ", ")
                        .append(c.getKey())
                        .append('=')
                        .append(c.getValue()));
        return String.format(
                Locale.ROOT,
                "topic %s is missing and this service may not create it (%s). Fix: create it with %d partitions,"
                        + " replication factor %s and %s (Strimzi: a KafkaTopic), or allow the service's Kafka user"
                        + " Create on it. / 主题不存在且无权创建。",
                t.name(),
                cause.getMessage(),
                t.numPartitions(),
                replicationFactor < 0 ? "as the cluster's default" : Short.toString(replicationFactor),
                config);
    }

    private static String alter(String topic, String settings) {
        return "kafka-configs.sh --bootstrap-server <broker> --alter --entity-type topics --entity-name " + topic
                + " --add-config " + settings;
    }

    private static List<String> policy(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.replaceAll("[\\[\\]\\s]", "").split(","))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** 604800000 → "7 days", for the operator reading the refusal. */
    static String readable(String ms) {
        try {
            Duration d = Duration.ofMillis(Long.parseLong(ms.trim()));
            if (d.toHours() >= 48 && d.toHours() % 24 == 0) {
                return d.toDays() + " days";
            }
            if (d.toMinutes() >= 120 && d.toMinutes() % 60 == 0) {
                return d.toHours() + " hours";
            }
            return ms.trim() + " ms";
        } catch (NumberFormatException e) {
            return ms;
        }
    }

    private TopicCheck() {}
}
