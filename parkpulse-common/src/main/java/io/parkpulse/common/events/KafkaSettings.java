package io.parkpulse.common.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The properties of every Kafka client the platform creates, built here and nowhere else so that what an
 * operator sets as {@code kafka.<client property>} (TLS, SASL; {@link KafkaClientProperties}) reaches all of
 * them. Three layers: our defaults, then the operator's properties, then what the design depends on
 * (acknowledgement by all replicas, idempotence, manual commits, committed reads), which no setting overrides.
 */
public final class KafkaSettings {

    /** The producer every relay uses: nothing is sent twice by a retry, nothing is reordered. */
    public static Properties producer(String bootstrap, String clientId) {
        return producer(bootstrap, clientId, KafkaClientProperties.fromConfig());
    }

    static Properties producer(String bootstrap, String clientId, KafkaClientProperties.Collected operator) {
        Properties p = new Properties();
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Bounded waits: while the broker is down the relay gives up quickly and retries later.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "8000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.putAll(operator.forClient(ProducerConfig.configNames()));
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /** The consumer of {@link io.parkpulse.common.consumer.EventConsumer}: commits only what it applied. */
    public static Properties consumer(String bootstrap, String groupId, String clientId) {
        return consumer(bootstrap, groupId, clientId, KafkaClientProperties.fromConfig());
    }

    static Properties consumer(
            String bootstrap, String groupId, String clientId, KafkaClientProperties.Collected operator) {
        Properties p = new Properties();
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        p.putAll(operator.forClient(ConsumerConfig.configNames()));
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Topics are created by TopicCheck with their documented configuration, never by a subscription
        // with the broker's defaults (7 days' retention).
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /**
     * An admin client; {@code fixed} (a caller's own timeouts, say) wins over the operator's properties, which
     * win over the defaults.
     */
    public static Map<String, Object> admin(String bootstrap, Map<String, Object> fixed) {
        return admin(bootstrap, fixed, KafkaClientProperties.fromConfig());
    }

    static Map<String, Object> admin(
            String bootstrap, Map<String, Object> fixed, KafkaClientProperties.Collected operator) {
        Map<String, Object> conf = new HashMap<>();
        conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        conf.putAll(operator.forClient(AdminClientConfig.configNames()));
        conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        conf.putAll(fixed);
        return conf;
    }

    private KafkaSettings() {}
}
