package io.parkpulse.common.health;

import io.parkpulse.common.consumer.EventConsumer;
import io.parkpulse.common.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Liveness: the relay and consumer threads are running. Readiness adds what an operator needs to
 * see during a broker outage: how many events wait in the outbox and for how long, and how many
 * records went to a dead-letter topic. The broker itself is checked by quarkus-kafka-client's
 * readiness check, the database by Agroal's.
 */
public class MessagingHealth {

    @Inject
    OutboxRelay relay;

    @Inject
    EventConsumer consumer;

    @Liveness
    @ApplicationScoped
    public HealthCheck threads() {
        return () -> HealthCheckResponse.named("messaging-threads")
                .status(relay.isAlive() && consumer.isAlive())
                .withData("outboxRelay", relay.isAlive())
                .withData("eventConsumer", consumer.isAlive())
                .build();
    }

    @Readiness
    @ApplicationScoped
    public HealthCheck backlog() {
        return () -> {
            long[] backlog = relay.backlog();
            HealthCheckResponseBuilder b = HealthCheckResponse.named("messaging")
                    .status(backlog[0] >= 0)
                    .withData("outboxPending", backlog[0])
                    .withData("outboxOldestPendingSeconds", backlog[1])
                    .withData("outboxSent", relay.sentTotal())
                    .withData("eventsProcessed", consumer.processedCount())
                    .withData("duplicatesIgnored", consumer.duplicateCount())
                    .withData("deadLettered", consumer.deadLetteredCount());
            if (relay.lastError() != null) {
                b.withData("relayLastError", relay.lastError());
            }
            return b.build();
        };
    }
}
