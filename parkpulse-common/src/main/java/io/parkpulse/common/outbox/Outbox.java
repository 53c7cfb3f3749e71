package io.parkpulse.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The only way a service publishes an event: the row is written in the caller's transaction, so
 * the event exists if and only if the change committed. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String parkCode, Object payload) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.topic = topic;
        e.key = parkCode;
        e.type = type;
        e.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            e.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event payload cannot be serialised: " + type, ex);
        }
        e.persist();
        return e.id;
    }
}
