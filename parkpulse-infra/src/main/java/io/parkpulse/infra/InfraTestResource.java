package io.parkpulse.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s the build's shared PostgreSQL server (a fresh database
 * named after the service) and Kafka broker. Declare it once per module with
 * {@code @QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false,
 * initArgs = @ResourceArg(name = "database", value = "indicators"))}. With {@code parkpulse.tokens=keycloak} it also
 * points the service's token verification at the build's Keycloak ({@link SharedKeycloak}).
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    /** A JVM recreates a database once: a second Quarkus start (another test profile) keeps its data. */
    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "parkpulse");
    }

    @Override
    public Map<String, String> start() {
        Endpoints e = SharedInfra.endpoints();
        try {
            if (CREATED.add(database)) {
                PostgresServer.recreateDatabase(e, database);
            }
        } catch (java.sql.SQLException ex) {
            throw new IllegalStateException("cannot create database " + database, ex);
        }
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url",
                e.jdbcUrl(database),
                "quarkus.datasource.username",
                e.user(),
                "quarkus.datasource.password",
                e.password(),
                "kafka.bootstrap.servers",
                e.kafkaBootstrap(),
                TestEvents.PREFIX_PROPERTY,
                topicPrefix()));
        if (SharedKeycloak.tokensFromKeycloak()) {
            // Configured as in production: the issuer's discovery document and keys, no local key at all.
            String issuer = SharedKeycloak.server().issuer();
            config.put("quarkus.oidc.auth-server-url", issuer);
            config.put("quarkus.oidc.public-key", "");
            config.put("parkpulse.oidc.issuer", issuer);
        }
        return config;
    }

    /**
     * The broker lives for the whole build, so each test JVM gets topics (and consumer groups) of its
     * own: reporting-service's tests read every topic from its start and must not see the events of
     * the modules tested before it. A second Quarkus start in the same JVM keeps the prefix, as it
     * keeps the database.
     */
    static synchronized String topicPrefix() {
        String p = System.getProperty(TestEvents.PREFIX_PROPERTY);
        if (p == null) {
            p = "t" + ProcessHandle.current().pid() + "-"
                    + java.util.UUID.randomUUID().toString().substring(0, 6) + ".";
            System.setProperty(TestEvents.PREFIX_PROPERTY, p);
        }
        return p;
    }

    @Override
    public void stop() {
        // The daemon outlives this module's tests; the build's end stops it.
    }
}
