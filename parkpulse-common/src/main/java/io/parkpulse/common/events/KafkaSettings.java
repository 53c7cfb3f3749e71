package io.parkpulse.common.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka client settings and topic layout, the same for every service. */
public final class KafkaSettings {

    /** Enough partitions to spread parks over a few consumer instances; a park always lands on one. */
    public static final int PARTITIONS = 3;

    /** The producer every relay uses: nothing is sent twice by a retry, nothing is reordered. */
    public static Properties producer(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Bounded waits: while the broker is down the relay gives up quickly and retries later.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "8000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /**
     * Creates the platform's topics if they are missing. History is kept forever so that
     * reporting-service can rebuild from the start; the park registry is compacted to the latest state.
     */
    public static void ensureTopics(String bootstrap, String prefix) throws InterruptedException, ExecutionException {
        Map<String, Object> conf = new HashMap<>();
        conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        try (Admin admin = Admin.create(conf)) {
            List<NewTopic> topics = new java.util.ArrayList<>();
            for (String t : Topics.ALL) {
                Map<String, String> cfg = new HashMap<>();
                if (t.equals(Topics.PARKS)) {
                    cfg.put("cleanup.policy", "compact");
                } else {
                    cfg.put("retention.ms", "-1");
                }
                topics.add(new NewTopic(prefix + t, PARTITIONS, (short) -1).configs(cfg));
                topics.add(new NewTopic(prefix + Topics.deadLetter(t), 1, (short) -1)
                        .configs(Map.of("retention.ms", "-1")));
            }
            var result = admin.createTopics(topics);
            for (var f : result.values().values()) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new ExecutionException(e);
                }
            }
        }
    }

    private KafkaSettings() {}
}
