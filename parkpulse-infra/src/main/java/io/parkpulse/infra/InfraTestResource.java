package io.parkpulse.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a service's {@code @QuarkusTest}s the build's shared PostgreSQL server (a fresh database
 * named after the service) and Kafka broker. Declare it once per module with
 * {@code @QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false,
 * initArgs = @ResourceArg(name = "database", value = "indicators"))}. With {@code parkpulse.tokens=keycloak} it also
 * points the service's token verification at the build's Keycloak ({@link SharedKeycloak}).
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    /** A JVM recreates a database once: a second Quarkus start (another test profile) keeps its data. */
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "parkpulse");
    }

    @Override
    public Map<String, String> start() {
        try {
            return configure();
        } catch (RuntimeException e) {
            // Quarkus reports a failed test resource as an InvocationTargetException without its cause;
            // the cause goes to the build log, which is all a CI run leaves behind.
            System.err.println("ParkPulse: the test infrastructure for database " + database + " failed:");
            e.printStackTrace();
            throw e;
        }
    }

    private Map<String, String> configure() {
        Endpoints e = SharedInfra.endpoints();
        try {
            if (CREATED.add(database)) {
                PostgresServer.recreateDatabase(e, database);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot create database " + database, ex);
        }
        Map<String, String> config = new HashMap<>(Map.of(
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
                    + UUID.randomUUID().toString().substring(0, 6) + ".";
            System.setProperty(TestEvents.PREFIX_PROPERTY, p);
        }
        return p;
    }

    @Override
    public void stop() {
        // The daemon outlives this module's tests; the build's end stops it.
    }
}
