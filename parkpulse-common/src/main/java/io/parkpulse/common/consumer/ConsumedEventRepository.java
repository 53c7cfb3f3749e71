package io.parkpulse.common.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** What the consumer remembers of the events it has applied (dead letters: {@code DeadLetterRepository}). */
@ApplicationScoped
public class ConsumedEventRepository {

    @Inject
    EntityManager em;

    /**
     * Marks the event as processed in the current transaction; false when it already was, so the caller skips
     * it. Marking before applying makes a concurrent duplicate wait on the row lock instead of applying twice.
     */
    public boolean markProcessed(UUID eventId, String topic, String type) {
        return em.createNativeQuery(
                                "insert into processed_event (event_id, topic, type) values (?1, ?2, ?3) on conflict do nothing")
                        .setParameter(1, eventId)
                        .setParameter(2, topic)
                        .setParameter(3, type)
                        .executeUpdate()
                > 0;
    }

    /** Before a replay from the start of every topic: every event is new again. */
    public void forgetProcessed() {
        em.createNativeQuery("delete from processed_event").executeUpdate();
    }
}
