package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Assessment schemes, one row per code and version; a stored version is never updated. */
@ApplicationScoped
public class SchemeRepository {

    /** One stored version; {@code definition} is the scheme as JSON. */
    public record SchemeRow(String code, int version, String definition, OffsetDateTime createdAt, String createdBy) {}

    @Inject
    EntityManager em;

    /** Version 1 of a scheme shipped with the service, unless it is there already. */
    public void insertShipped(String code, String name, String definition) {
        em.createNativeQuery("""
                insert into assessment_scheme (code, version, name, definition, created_at, created_by)
                values (?1, 1, ?2, ?3, now(), 'reporting-service') on conflict do nothing
                """)
                .setParameter(1, code)
                .setParameter(2, name)
                .setParameter(3, definition)
                .executeUpdate();
    }

    /**
     * Stores the next version of a code and returns its number. Versions of one code are serialised by a lock
     * held to the end of the transaction: two admins saving at once get versions n and n + 1, never a clash.
     */
    public int insertNextVersion(String code, String name, String definition, String user) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "scheme:" + code)
                .getSingleResult();
        int version = ((Number) em.createNativeQuery(
                                "select coalesce(max(version), 0) + 1 from assessment_scheme where code = ?1")
                        .setParameter(1, code)
                        .getSingleResult())
                .intValue();
        em.createNativeQuery("""
                insert into assessment_scheme (code, version, name, definition, created_at, created_by)
                values (?1, ?2, ?3, ?4, now(), ?5)
                """)
                .setParameter(1, code)
                .setParameter(2, version)
                .setParameter(3, name)
                .setParameter(4, definition)
                .setParameter(5, user)
                .executeUpdate();
        return version;
    }

    public Optional<Integer> latestVersion(String code) {
        List<?> v = em.createNativeQuery("select max(version) from assessment_scheme where code = ?1")
                .setParameter(1, code)
                .getResultList();
        return v.isEmpty() || v.get(0) == null ? Optional.empty() : Optional.of(((Number) v.get(0)).intValue());
    }

    public Optional<SchemeRow> find(String code, int version) {
        return em.createNativeQuery("""
                        select code, version, definition, created_at, created_by
                          from assessment_scheme where code = ?1 and version = ?2
                        """, Tuple.class)
                .setParameter(1, code)
                .setParameter(2, version)
                .getResultStream()
                .findFirst()
                .map(t -> row((Tuple) t));
    }

    public List<SchemeRow> all() {
        return em.createNativeQuery("""
                        select code, version, definition, created_at, created_by from assessment_scheme order by code, version
                        """, Tuple.class)
                .getResultStream()
                .map(t -> row((Tuple) t))
                .toList();
    }

    private static SchemeRow row(Tuple t) {
        return new SchemeRow(
                t.get("code", String.class),
                t.get("version", Number.class).intValue(),
                t.get("definition", String.class),
                toOffset(t.get("created_at")),
                t.get("created_by", String.class));
    }

    /** A timestamp column as the driver hands it over, in UTC when it comes without an offset. */
    public static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
