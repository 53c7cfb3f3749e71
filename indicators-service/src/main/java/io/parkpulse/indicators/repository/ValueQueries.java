package io.parkpulse.indicators.repository;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.FlagStatus;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.domain.ValueAudit;
import io.parkpulse.indicators.domain.ValueFlag;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads of values, their audit trail and their review flags as managed entities, for lists and
 * figures. Writes of values go through {@link ValueRepository}.
 */
@ApplicationScoped
public class ValueQueries {

    /** The park's values of the months from {@code lo} to {@code hi} (YYYY-MM, inclusive). */
    public List<IndicatorValue> between(String park, String lo, String hi) {
        return IndicatorValue.list("id.park = ?1 and id.period >= ?2 and id.period <= ?3", park, lo, hi);
    }

    /** The park's values of one month. */
    public List<IndicatorValue> ofMonth(String park, String month) {
        return IndicatorValue.list("id.park = ?1 and id.period = ?2", park, month);
    }

    /** A page of the park's values, of one indicator when {@code indicator} is set. */
    public <T> Page<T> page(
            String park, String indicator, Periods.Range range, PageRequest page, Function<IndicatorValue, T> view) {
        String q = "id.park = :park and id.period >= :lo and id.period <= :hi"
                + (indicator == null ? "" : " and id.indicator = :indicator");
        Parameters params =
                Parameters.with("park", park).and("lo", range.from()).and("hi", range.to());
        if (indicator != null) {
            params.and("indicator", indicator);
        }
        Sort sort = page.sort(
                Map.of(
                        "period",
                        "id.period",
                        "indicator",
                        "id.indicator",
                        "recordedAt",
                        "recordedAt",
                        "value",
                        "value"),
                "period",
                "id.indicator");
        return Page.of(IndicatorValue.<IndicatorValue>find(q, sort.and("id.period"), params), page, view);
    }

    /** A page of the park's changes, newest first unless asked otherwise. */
    public <T> Page<T> auditPage(
            String park, String indicator, Periods.Range range, PageRequest page, Function<ValueAudit, T> view) {
        Parameters params =
                Parameters.with("park", park).and("lo", range.from()).and("hi", range.to());
        String q = "park = :park and period >= :lo and period <= :hi";
        if (indicator != null) {
            q += " and indicator = :indicator";
            params.and("indicator", indicator);
        }
        Sort sort =
                page.sort(Map.of("changedAt", "id", "period", "period", "indicator", "indicator"), "-changedAt", "id");
        return Page.of(ValueAudit.<ValueAudit>find(q, sort, params), page, view);
    }

    /** Every change of one value, in the order it was made. */
    public List<ValueAudit> history(String park, String indicator, String period) {
        return ValueAudit.list(
                "park = ?1 and indicator = ?2 and period = ?3 order by version, id", park, indicator, period);
    }

    /**
     * The flag, locked until the transaction ends and read again under the lock: two reviewers must not both
     * move it on.
     */
    public ValueFlag lockForUpdate(ValueFlag f) {
        ValueFlag.getEntityManager().refresh(f, LockModeType.PESSIMISTIC_WRITE);
        return f;
    }

    public ValueFlag flag(long id) {
        return ValueFlag.findById(id);
    }

    /** A page of review flags, of one park when {@code park} is set. */
    public <T> Page<T> flagPage(String park, FlagStatus status, PageRequest page, Function<ValueFlag, T> view) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (park != null) {
            q.append(" and park = :park");
            params.and("park", park);
        }
        if (status == FlagStatus.OPEN) {
            q.append(" and clearedAt is null");
        } else if (status == FlagStatus.CLEARED) {
            q.append(" and clearedAt is not null");
        }
        Sort sort = page.sort(Map.of("flaggedAt", "id", "park", "park", "period", "period"), "flaggedAt", "id");
        return Page.of(ValueFlag.<ValueFlag>find(q.toString(), sort, params), page, view);
    }
}
