package io.parkpulse.indicators.repository;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.FlagState;
import io.parkpulse.indicators.domain.NarrativeReport;
import io.parkpulse.indicators.domain.ValueFlag;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Uploaded narrative reports and the review flags their cross-check raises. */
@ApplicationScoped
public class NarrativeReportRepository {

    public <T> Page<T> ofPark(String park, PageRequest page, Function<NarrativeReport, T> view) {
        Sort sort = page.sort(Map.of("uploadedAt", "id", "period", "period"), "-uploadedAt", "id");
        return Page.of(NarrativeReport.<NarrativeReport>find("park = ?1", sort, park), page, view);
    }

    public NarrativeReport find(long id) {
        return NarrativeReport.findById(id);
    }

    /** Locked until the transaction ends: two confirmations of one draft never both reach the batch. */
    public NarrativeReport forUpdate(long id) {
        return NarrativeReport.findById(id, LockModeType.PESSIMISTIC_WRITE);
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
