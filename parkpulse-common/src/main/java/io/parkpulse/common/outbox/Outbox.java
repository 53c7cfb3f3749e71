package io.parkpulse.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.sql.MultiRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The only way a service publishes an event: the row is written in the caller's transaction, so
 * the event exists if and only if the change committed. {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

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
        e.payload = serialise(type, payload);
        e.persist();
        return e.id;
    }

    /** An event to publish with {@link #publishAll}. */
    public record Message(String topic, String type, String key, Object payload) {}

    /**
     * Writes many events in the caller's transaction with multi-row statements on its connection
     * (a batch of changes publishes hundreds at once; an entity per event costs far more). Their
     * {@code seq} comes from the column's default, one sequence value per row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Message> messages) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> payloads =
                messages.stream().map(m -> serialise(m.type(), m.payload())).toList();
        em.unwrap(Session.class).doWork(c -> {
            int offset = 0;
            for (List<Message> part : MultiRow.chunks(messages)) {
                try (PreparedStatement s = c.prepareStatement("insert into outbox_event (id, topic, event_key, type, "
                        + "occurred_at, payload) values " + MultiRow.placeholders(part.size(), 6))) {
                    int i = 1;
                    for (Message m : part) {
                        s.setObject(i++, UUID.randomUUID());
                        s.setString(i++, m.topic());
                        s.setString(i++, m.key());
                        s.setString(i++, m.type());
                        s.setObject(i++, now);
                        s.setString(i++, payloads.get(offset++));
                    }
                    s.executeUpdate();
                }
            }
        });
    }

    private String serialise(String type, Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event payload cannot be serialised: " + type, ex);
        }
    }
}
