package io.parkpulse.common.health;

import io.parkpulse.common.consumer.EventConsumer;
import io.parkpulse.common.outbox.OutboxRelay;
import io.smallrye.health.api.HealthGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Liveness: the relay and consumer threads are running. The broker's state is the health group
 * {@code messaging} ({@code /q/health/group/messaging}), not readiness: a service whose broker is gone still
 * takes every write into its outbox, and a readiness that followed the broker would take every pod out of
 * its Service during an outage, refusing exactly the writes the outbox exists to keep. Readiness is the
 * database ({@link DatabaseHealth}), which every request needs.
 *
 * <p>The health endpoints are open to anyone who can reach the port, so they say UP or DOWN and
 * nothing else: no addresses, counters or error texts. What an operator needs during an outage
 * (backlog, dead letters, the relay's last error) is at {@link MessagingStatusResource}, behind a token.
 */
@ApplicationScoped
public class MessagingHealth {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private Admin admin;

    @Inject
    OutboxRelay relay;

    @Inject
    EventConsumer consumer;

    @Liveness
    @ApplicationScoped
    public HealthCheck threads() {
        return () -> HealthCheckResponse.named("messaging-threads")
                .status(relay.isAlive() && consumer.isAlive())
                .build();
    }

    /**
     * Answers within about three seconds whatever the broker does (the built-in check can block for
     * a minute while the broker is gone, longer than any probe waits).
     */
    @HealthGroup("messaging")
    @ApplicationScoped
    public HealthCheck kafka() {
        return () -> {
            try {
                int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                        .nodes()
                        .get(4, TimeUnit.SECONDS)
                        .size();
                return HealthCheckResponse.named("kafka").status(nodes > 0).build();
            } catch (Exception e) {
                return HealthCheckResponse.named("kafka").down().build();
            }
        };
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // The operator's security settings too (KafkaSettings): a TLS or SASL cluster must answer this check.
            admin = Admin.create(io.parkpulse.common.events.KafkaSettings.admin(
                    bootstrap,
                    Map.of(
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            3000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            3000,
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                            2000)));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    @Readiness
    @ApplicationScoped
    public HealthCheck backlog() {
        return () -> HealthCheckResponse.named("messaging")
                .status(relay.backlog().count() >= 0)
                .build();
    }
}
