package io.parkpulse.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Optional;

/** The statements on {@code idempotency_key}, in the caller's transaction. */
@ApplicationScoped
public class IdempotencyRepository {

    /** What was answered the first time a key was used, and for which request. */
    public record StoredAnswer(String requestHash, int status, String response) {}

    @Inject
    EntityManager em;

    public Optional<StoredAnswer> find(String scope, String key) {
        List<Tuple> rows = em.createNativeQuery(
                        "select request_hash, status, response from idempotency_key where scope = ?1 and idem_key = ?2",
                        Tuple.class)
                .setParameter(1, scope)
                .setParameter(2, key)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new StoredAnswer(
                        r.get("request_hash", String.class),
                        r.get("status", Number.class).intValue(),
                        r.get("response", String.class)));
    }

    /** A concurrent first use of the same key keeps the answer that committed first. */
    public void insert(String scope, String key, String requestHash, int status, String response) {
        em.createNativeQuery("insert into idempotency_key (scope, idem_key, request_hash, status, response) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, requestHash)
                .setParameter(4, status)
                .setParameter(5, response)
                .executeUpdate();
    }
}
