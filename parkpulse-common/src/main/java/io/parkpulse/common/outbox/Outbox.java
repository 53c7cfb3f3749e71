package io.parkpulse.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The only way a service publishes an event: the row is written in the caller's transaction, so
 * the event exists if and only if the change committed. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

    /** Rows per statement (6 parameters each; PostgreSQL allows 32,767). */
    static final int CHUNK = 1000;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

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

    /** An event to publish with {@link #publishAll}. */
    public record Message(String topic, String type, String key, Object payload) {
    }

    /**
     * Writes many events in the caller's transaction with multi-row statements on its connection
     * (a batch of changes publishes hundreds at once; an entity per event costs far more).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> payloads = new ArrayList<>(messages.size());
        for (Message m : messages) {
            try {
                payloads.add(json.writeValueAsString(m.payload()));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("event payload cannot be serialised: " + m.type(), ex);
            }
        }
        em.unwrap(Session.class).doWork(c -> {
            for (int from = 0; from < messages.size(); from += CHUNK) {
                int to = Math.min(from + CHUNK, messages.size());
                String row = "(nextval('outbox_event_seq_seq'), ?, ?, ?, ?, ?, ?)";
                try (PreparedStatement s = c.prepareStatement("insert into outbox_event (seq, id, topic, event_key, type, "
                        + "occurred_at, payload) values " + String.join(", ", Collections.nCopies(to - from, row)))) {
                    int i = 1;
                    for (int k = from; k < to; k++) {
                        Message m = messages.get(k);
                        s.setObject(i++, UUID.randomUUID());
                        s.setString(i++, m.topic());
                        s.setString(i++, m.key());
                        s.setString(i++, m.type());
                        s.setObject(i++, now);
                        s.setString(i++, payloads.get(k));
                    }
                    s.executeUpdate();
                }
            }
        });
    }
}
