package io.parkpulse.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The only way a service publishes an event: the row is written in the caller's transaction, so
 * the event exists if and only if the change committed. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRepository repository;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String parkCode, Object payload) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.topic = topic;
        e.key = parkCode;
        e.type = type;
        e.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.payload = serialise(type, payload);
        EventTracing.TraceContext trace = EventTracing.current();
        e.traceparent = trace.traceparent();
        e.tracestate = trace.tracestate();
        repository.insert(e);
        wakeRelayAfterCommit();
        return e.id;
    }

    /** An event to publish with {@link #publishAll}. */
    public record Message(String topic, String type, String key, Object payload) {}

    /** Writes many events in the caller's transaction, in the list's order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Message> messages) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        EventTracing.TraceContext trace = EventTracing.current();
        repository.insertAll(messages.stream()
                .map(m -> new OutboxRepository.PendingEvent(
                        0,
                        UUID.randomUUID(),
                        m.topic(),
                        m.key(),
                        m.type(),
                        now,
                        serialise(m.type(), m.payload()),
                        trace.traceparent(),
                        trace.tracestate()))
                .toList());
        wakeRelayAfterCommit();
    }

    /**
     * The relay sends at once what this transaction adds, instead of at its next look (up to
     * {@code parkpulse.outbox.interval} later): submission to consumer was the larger part of a value's way into
     * the city's rankings. Only this instance's relay is woken; one on another instance still looks by interval.
     */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE) != null) {
            return;
        }
        transactions.putResource(WAKE, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private static final Object WAKE = new Object();

    private String serialise(String type, Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event payload cannot be serialised: " + type, ex);
        }
    }
}
