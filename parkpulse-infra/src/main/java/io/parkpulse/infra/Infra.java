package io.parkpulse.infra;

import java.io.IOException;
import java.nio.file.Path;

/**
 * PostgreSQL and Kafka for a test run or a local run. Each is started here unless an environment
 * variable points at an external one:
 * <ul>
 * <li>{@code PARKPULSE_POSTGRES_URL} (e.g. {@code jdbc:postgresql://db:5432/}, ending in a slash),
 * with {@code PARKPULSE_POSTGRES_USER} and {@code PARKPULSE_POSTGRES_PASSWORD};</li>
 * <li>{@code PARKPULSE_KAFKA_BOOTSTRAP} (e.g. {@code kafka:9092}).</li>
 * </ul>
 */
public final class Infra implements AutoCloseable {

    public static final String ENV_POSTGRES_URL = "PARKPULSE_POSTGRES_URL";
    public static final String ENV_POSTGRES_USER = "PARKPULSE_POSTGRES_USER";
    public static final String ENV_POSTGRES_PASSWORD = "PARKPULSE_POSTGRES_PASSWORD";
    public static final String ENV_KAFKA_BOOTSTRAP = "PARKPULSE_KAFKA_BOOTSTRAP";

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final Endpoints endpoints;

    private Infra(PostgresServer postgres, KafkaBroker kafka, Endpoints endpoints) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.endpoints = endpoints;
    }

    public static Infra start(Path workDir) throws IOException, InterruptedException {
        String pgUrl = System.getenv(ENV_POSTGRES_URL);
        String kafkaBootstrap = System.getenv(ENV_KAFKA_BOOTSTRAP);
        PostgresServer pg = null;
        KafkaBroker kafka = null;
        try {
            if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
                kafka = KafkaBroker.start(workDir.resolve("kafka"));
                kafkaBootstrap = kafka.bootstrap();
            }
            Endpoints e;
            if (pgUrl == null || pgUrl.isBlank()) {
                pg = PostgresServer.start(workDir.resolve("postgres"));
                e = pg.endpoints(kafkaBootstrap);
            } else {
                e = new Endpoints(
                        pgUrl.endsWith("/") ? pgUrl : pgUrl + "/",
                        envOr(ENV_POSTGRES_USER, "postgres"),
                        envOr(ENV_POSTGRES_PASSWORD, "postgres"),
                        kafkaBootstrap);
            }
            return new Infra(pg, kafka, e);
        } catch (IOException | InterruptedException | RuntimeException ex) {
            if (kafka != null) {
                kafka.close();
            }
            if (pg != null) {
                pg.close();
            }
            throw ex;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The broker this run started, or null when Kafka is external. */
    public KafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL failed: " + e);
            }
        }
    }
}
