package io.parkpulse.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An operator's {@code kafka.*} settings reach every client, whether given as environment variables or as
 * properties, and the secrets among them never reach the log.
 */
class KafkaClientPropertiesTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"indicators-service\" password=\"s3cret-scram\";";

    /** Built as Quarkus builds it: environment variables at ordinal 300 over application.properties at 250. */
    static SmallRyeConfig config(Map<String, String> env, Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
    }

    static KafkaClientProperties.Collected collect(SmallRyeConfig config) {
        return KafkaClientProperties.collect(
                config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }

    @Test
    void environmentVariablesAndDottedPropertiesBecomeClientProperties() {
        var collected = collect(config(
                Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_JAAS_CONFIG", JAAS,
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
                        "KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw",
                        "PARKPULSE_KAFKA_PARTITIONS", "6",
                        "KAFKAESQUE", "not ours"),
                Map.of(
                        "kafka.bootstrap.servers", "kafka:9093",
                        "kafka.ssl.truststore.type", "PKCS12",
                        "quarkus.kafka.snappy.enabled", "false")));

        assertEquals(
                Map.of(
                        "bootstrap.servers", "kafka:9093",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", JAAS,
                        "ssl.truststore.location", "/etc/kafka/ca.p12",
                        "ssl.truststore.password", "trust-pw",
                        "ssl.truststore.type", "PKCS12"),
                collected.properties());
        assertEquals(Set.of(), collected.unknown());
    }

    @Test
    void theEnvironmentWinsOverApplicationProperties() {
        var collected = collect(config(
                Map.of("KAFKA_SECURITY_PROTOCOL", "SSL"),
                Map.of("kafka.security.protocol", "PLAINTEXT", "kafka.sasl.mechanism", "PLAIN")));
        assertEquals("SSL", collected.properties().get("security.protocol"));
        assertEquals("PLAIN", collected.properties().get("sasl.mechanism"));
    }

    @Test
    void variablesThatAreNoClientPropertyAreIgnoredByName() {
        // Kubernetes gives every pod variables for each Service in its namespace: a Service named kafka
        // yields KAFKA_PORT and KAFKA_SERVICE_HOST, which no client must be handed.
        var collected = collect(
                config(Map.of("KAFKA_PORT", "tcp://10.0.0.7:9092", "KAFKA_SERVICE_HOST", "10.0.0.7"), Map.of()));
        assertEquals(Map.of(), collected.properties());
        assertEquals(Set.of("port", "service.host"), collected.unknown());
    }

    @Test
    void namesConvert() {
        assertEquals("sasl.jaas.config", KafkaClientProperties.clientProperty("KAFKA_SASL_JAAS_CONFIG"));
        assertEquals("sasl.jaas.config", KafkaClientProperties.clientProperty("kafka.sasl.jaas.config"));
        assertEquals("ssl.keystore.location", KafkaClientProperties.clientProperty("KAFKA_SSL_KEYSTORE_LOCATION"));
        assertNull(KafkaClientProperties.clientProperty("kafka-streams.application.id"));
        assertNull(KafkaClientProperties.clientProperty("quarkus.kafka.health.enabled"));
        assertNull(KafkaClientProperties.clientProperty("kafka_sasl_mechanism"));
        assertNull(KafkaClientProperties.clientProperty("KAFKA_"));
    }

    @Test
    void secretsAreNeverShown() {
        var collected = collect(config(
                Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SSL",
                        "KAFKA_SASL_JAAS_CONFIG", JAAS,
                        "KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw",
                        "KAFKA_SSL_KEYSTORE_PASSWORD", "key-store-pw",
                        "KAFKA_SSL_KEY_PASSWORD", "key-pw",
                        "KAFKA_SSL_KEYSTORE_KEY", "-----BEGIN PRIVATE KEY-----MIIE",
                        "KAFKA_SSL_KEYSTORE_LOCATION", "/etc/kafka/user.p12",
                        "KAFKA_SSL_KEYSTORE_TYPE", "PKCS12"),
                Map.of()));
        for (String shown : List.of(collected.describe(), collected.toString())) {
            for (String secret :
                    List.of("s3cret-scram", "ScramLoginModule", "trust-pw", "key-store-pw", "key-pw", "MIIE")) {
                assertFalse(shown.contains(secret), secret + " shown in: " + shown);
            }
            assertTrue(shown.contains("sasl.jaas.config=[hidden]"), shown);
            assertTrue(shown.contains("ssl.truststore.password=[hidden]"), shown);
            assertTrue(shown.contains("security.protocol=SSL"), shown);
            assertTrue(shown.contains("ssl.keystore.location=/etc/kafka/user.p12"), shown);
            assertTrue(shown.contains("ssl.keystore.type=PKCS12"), shown);
        }
    }

    @Test
    void everyClientGetsTheOperatorsPropertiesButKeepsWhatTheDesignNeeds() {
        var collected = collect(config(
                Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_JAAS_CONFIG", JAAS,
                        "KAFKA_ACKS", "1",
                        "KAFKA_ENABLE_AUTO_COMMIT", "true",
                        "KAFKA_REQUEST_TIMEOUT_MS", "20000",
                        "KAFKA_GROUP_ID", "someone-elses"),
                Map.of()));

        Properties producer = KafkaSettings.producer("b:9093", "svc-outbox", collected);
        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals(JAAS, producer.get("sasl.jaas.config"));
        assertEquals("20000", producer.get("request.timeout.ms"));
        assertEquals("all", producer.get("acks"));
        assertEquals("true", producer.get("enable.idempotence"));
        assertEquals("b:9093", producer.get("bootstrap.servers"));
        assertFalse(producer.containsKey("enable.auto.commit"), "a consumer's property given to the producer");

        Properties consumer = KafkaSettings.consumer("b:9093", "t.svc", "svc-consumer", collected);
        assertEquals("SASL_SSL", consumer.get("security.protocol"));
        assertEquals(JAAS, consumer.get("sasl.jaas.config"));
        assertEquals("false", consumer.get("enable.auto.commit"));
        assertEquals("t.svc", consumer.get("group.id"));
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertFalse(consumer.containsKey("acks"), "a producer's property given to the consumer");

        Map<String, Object> admin = KafkaSettings.admin("b:9093", Map.of("request.timeout.ms", 3000), collected);
        assertEquals("SASL_SSL", admin.get("security.protocol"));
        assertEquals(JAAS, admin.get("sasl.jaas.config"));
        assertEquals(3000, admin.get("request.timeout.ms"));
        assertFalse(admin.containsKey("acks"));
    }
}
