package io.parkpulse.common.health;

import io.parkpulse.common.consumer.EventConsumer;
import io.parkpulse.common.outbox.OutboxRelay;
import io.parkpulse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The messaging state an operator reads during an outage, in every service: what waits in the
 * outbox and for how long, what the consumer processed, ignored as a duplicate or dead-lettered. It
 * needs a token because counters and the relay's last error describe the inside of the platform.
 */
@Path("/api/v1/operations/messaging")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class MessagingStatusResource {

    @Inject
    OutboxRelay relay;

    @Inject
    EventConsumer consumer;

    /** {@code outboxPending} is -1 while the outbox cannot be read. */
    public record MessagingStatus(
            boolean outboxRelayAlive,
            boolean eventConsumerAlive,
            long outboxPending,
            long outboxOldestPendingSeconds,
            long outboxSent,
            long eventsProcessed,
            long duplicatesIgnored,
            long deadLettered,
            String relayLastError) {}

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SERVICE})
    @Operation(
            summary = "The service's outbox and consumer counters",
            description =
                    "Outbox backlog and the age of its oldest event, events sent, processed, ignored as duplicates and dead-lettered since start.")
    public MessagingStatus messaging() {
        var backlog = relay.backlog();
        return new MessagingStatus(
                relay.isAlive(),
                consumer.isAlive(),
                backlog.count(),
                backlog.oldestAgeSeconds(),
                relay.sentTotal(),
                consumer.processedCount(),
                consumer.duplicateCount(),
                consumer.deadLetteredCount(),
                relay.lastError());
    }
}
