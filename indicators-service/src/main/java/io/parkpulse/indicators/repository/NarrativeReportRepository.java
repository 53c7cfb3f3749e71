package io.parkpulse.indicators.repository;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.FlagState;
import io.parkpulse.indicators.domain.NarrativeReport;
import io.parkpulse.indicators.domain.ValueFlag;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Uploaded narrative reports and the review flags their cross-check raises. */
@ApplicationScoped
public class NarrativeReportRepository {

    /** A report as a list shows it: its columns without the document's bytes, its text and its draft. */
    public record Listed(
            Long id,
            String park,
            String fileName,
            String contentType,
            int sizeBytes,
            String sha256,
            String detectedPeriod,
            String detectedEvidence,
            String period,
            boolean periodOverridden,
            String status,
            String uploadedBy,
            OffsetDateTime uploadedAt,
            String confirmedBy,
            OffsetDateTime confirmedAt,
            int proposedRows,
            Integer confirmedRows) {}

    /**
     * A page of a park's reports, selecting only the columns a list shows: an entity would carry the document's
     * bytes and text (up to 2 MB each) and its draft for every report of the page.
     */
    public <T> Page<T> ofPark(String park, PageRequest page, Function<Listed, T> view) {
        Sort sort = page.sort(Map.of("uploadedAt", "id", "period", "period"), "-uploadedAt", "id");
        return Page.of(
                NarrativeReport.<NarrativeReport>find("park = ?1", sort, park).project(Listed.class), page, view);
    }

    public NarrativeReport find(long id) {
        return NarrativeReport.findById(id);
    }

    /** Locked until the transaction ends: two confirmations of one draft never both reach the batch. */
    public NarrativeReport forUpdate(long id) {
        return NarrativeReport.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A value version a confirmation of this report wrote. */
    public record WrittenValue(String indicator, String period, long version) {}

    public void written(long report, String park, List<WrittenValue> values) {
        for (WrittenValue v : values) {
            NarrativeReport.getEntityManager()
                    .createNativeQuery(
                            "insert into narrative_report_value (report_id, park_code, indicator_code, period, version)"
                                    + " values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, report)
                    .setParameter(2, park)
                    .setParameter(3, v.indicator())
                    .setParameter(4, v.period())
                    .setParameter(5, v.version())
                    .executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<WrittenValue> written(long report) {
        List<Object[]> rows = NarrativeReport.getEntityManager()
                .createNativeQuery("select indicator_code, period, version from narrative_report_value"
                        + " where report_id = ?1 order by period, indicator_code")
                .setParameter(1, report)
                .getResultList();
        return rows.stream()
                .map(r -> new WrittenValue((String) r[0], ((String) r[1]).trim(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** Flags still open for this version of a value with this reason: the same disagreement is raised once. */
    public List<ValueFlag> openFlags(String park, String indicator, String period, long version, String reason) {
        return ValueFlag.list(
                "park = ?1 and indicator = ?2 and period = ?3 and version = ?4 and reason = ?5 and status in ?6",
                park,
                indicator,
                period,
                version,
                reason,
                List.of(FlagState.OPEN, FlagState.EXPLAINED, FlagState.REJECTED));
    }
}
