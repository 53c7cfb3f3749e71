package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/** The written sections of summaries: one row per save, never updated. */
@ApplicationScoped
public class SummaryNoteRepository {

    public record NoteRow(
            String scope,
            String period,
            String section,
            int version,
            String text,
            String writtenBy,
            OffsetDateTime writtenAt) {}

    @Inject
    EntityManager em;

    /**
     * Holds saves of one section to the end of the transaction, so two people saving at once cannot both
     * write version n + 1.
     */
    public void lock(String scope, String period, String section) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "summary_note|" + scope + "|" + period + "|" + section)
                .getSingleResult();
    }

    public int latestVersion(String scope, String period, String section) {
        Number n = (Number) em.createNativeQuery("select coalesce(max(version), 0) from summary_note"
                        + " where scope = ?1 and period = ?2 and section = ?3")
                .setParameter(1, scope)
                .setParameter(2, period)
                .setParameter(3, section)
                .getSingleResult();
        return n.intValue();
    }

    public void insert(NoteRow row) {
        em.createNativeQuery("insert into summary_note (scope, period, section, version, text, written_by, written_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, row.scope())
                .setParameter(2, row.period())
                .setParameter(3, row.section())
                .setParameter(4, row.version())
                .setParameter(5, row.text())
                .setParameter(6, row.writtenBy())
                .setParameter(7, row.writtenAt())
                .executeUpdate();
    }

    /** The latest version of each section that has one. */
    public List<NoteRow> current(String scope, String period) {
        return rows(
                "select distinct on (section) scope, period, section, version, text, written_by, written_at"
                        + " from summary_note where scope = ?1 and period = ?2 order by section, version desc",
                scope,
                period,
                null);
    }

    /** Every version of one section, newest first. */
    public List<NoteRow> history(String scope, String period, String section) {
        return rows(
                "select scope, period, section, version, text, written_by, written_at from summary_note"
                        + " where scope = ?1 and period = ?2 and section = ?3 order by version desc",
                scope,
                period,
                section);
    }

    public boolean hasNotes(String scope) {
        return !em.createNativeQuery("select 1 from summary_note where scope = ?1 limit 1")
                .setParameter(1, scope)
                .getResultList()
                .isEmpty();
    }

    public boolean parkExists(String code) {
        return !em.createNativeQuery("select 1 from park_replica where code = ?1")
                .setParameter(1, code)
                .getResultList()
                .isEmpty();
    }

    private List<NoteRow> rows(String sql, String scope, String period, String section) {
        var q = em.createNativeQuery(sql, Tuple.class).setParameter(1, scope).setParameter(2, period);
        if (section != null) {
            q.setParameter(3, section);
        }
        List<?> tuples = q.getResultList();
        return tuples.stream()
                .map(Tuple.class::cast)
                .map(t -> new NoteRow(
                        t.get("scope", String.class),
                        t.get("period", String.class),
                        t.get("section", String.class),
                        ((Number) t.get("version")).intValue(),
                        t.get("text", String.class),
                        t.get("written_by", String.class),
                        SchemeRepository.toOffset(t.get("written_at"))))
                .toList();
    }
}
