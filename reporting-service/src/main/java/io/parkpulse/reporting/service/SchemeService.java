package io.parkpulse.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.reporting.domain.Scheme;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/** Assessment schemes as versioned data: a change is a new version, a version never changes. */
@ApplicationScoped
public class SchemeService {

    public static final String DEFAULT = "default";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    FigureValues figures;

    public record Stored(String code, int version, Scheme scheme, OffsetDateTime createdAt, String createdBy) {}

    /** Ships the default scheme (src/main/resources/schemes/default.json) as version 1 on first start. */
    @Transactional
    void seed(@Observes StartupEvent start) {
        try (InputStream in = getClass().getResourceAsStream("/schemes/default.json")) {
            Scheme scheme = json.readValue(in, Scheme.class);
            List<Problem.FieldError> errors = scheme.check(figures::knownIndicator);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the shipped default scheme does not add up: " + errors);
            }
            em.createNativeQuery("""
                    insert into assessment_scheme (code, version, name, definition, created_at, created_by)
                    values (?1, 1, ?2, ?3, now(), 'reporting-service') on conflict do nothing
                    """)
                    .setParameter(1, DEFAULT)
                    .setParameter(2, scheme.name())
                    .setParameter(3, json.writeValueAsString(scheme))
                    .executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public Stored create(String code, Scheme scheme, String user) {
        if (code == null || !code.matches("[a-z][a-z0-9-]{1,63}")) {
            throw ProblemException.badRequest(
                    "code", "invalid_code", "2 to 64 lower-case letters, digits or '-', starting with a letter");
        }
        List<Problem.FieldError> errors = scheme.check(figures::knownIndicator);
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    422,
                    "invalid_scheme",
                    "the scheme does not add up: " + errors.get(0).message()
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors,
                    null);
        }
        // Serialises versions of one code: two admins saving at once get versions n and n + 1, never a clash.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "scheme:" + code)
                .getSingleResult();
        int version = ((Number) em.createNativeQuery(
                                "select coalesce(max(version), 0) + 1 from assessment_scheme where code = ?1")
                        .setParameter(1, code)
                        .getSingleResult())
                .intValue();
        try {
            em.createNativeQuery("""
                    insert into assessment_scheme (code, version, name, definition, created_at, created_by)
                    values (?1, ?2, ?3, ?4, now(), ?5)
                    """)
                    .setParameter(1, code)
                    .setParameter(2, version)
                    .setParameter(3, scheme.name())
                    .setParameter(4, json.writeValueAsString(scheme))
                    .setParameter(5, user)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return get(code, version);
    }

    public Stored latest(String code) {
        List<?> v = em.createNativeQuery("select max(version) from assessment_scheme where code = ?1")
                .setParameter(1, code)
                .getResultList();
        if (v.isEmpty() || v.get(0) == null) {
            throw ProblemException.notFound("assessment scheme", code);
        }
        return get(code, ((Number) v.get(0)).intValue());
    }

    @SuppressWarnings("unchecked")
    public Stored get(String code, int version) {
        List<Object[]> rows = em.createNativeQuery("""
                select definition, created_at, created_by from assessment_scheme where code = ?1 and version = ?2
                """)
                .setParameter(1, code)
                .setParameter(2, version)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("assessment scheme", code + " version " + version);
        }
        Object[] r = rows.get(0);
        return new Stored(code, version, read((String) r[0]), toOffset(r[1]), (String) r[2]);
    }

    @SuppressWarnings("unchecked")
    public List<Stored> all() {
        List<Object[]> rows = em.createNativeQuery("""
                select code, version, definition, created_at, created_by from assessment_scheme order by code, version
                """).getResultList();
        return rows.stream()
                .map(r -> new Stored(
                        (String) r[0], ((Number) r[1]).intValue(), read((String) r[2]), toOffset(r[3]), (String) r[4]))
                .toList();
    }

    private Scheme read(String definition) {
        try {
            return json.readValue(definition, Scheme.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scheme no longer reads", e);
        }
    }

    static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
