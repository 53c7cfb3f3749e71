package io.parkpulse.indicators.service;

import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.idempotency.IdempotencyStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A park's report of many values, shaped like a DHIS2 data value set: the batch names a month for
 * all its rows, and a row may name its own (so a year of history goes in one request). Every row
 * gets its own outcome, the summary counts imported, updated, unchanged and rejected rows.
 * {@code dryRun} validates and answers without storing; {@code atomic} stores nothing unless every
 * row is accepted.
 */
@ApplicationScoped
public class BatchService {

    public static final int MAX_ROWS = 1000;

    @Inject
    ValueService values;

    @Inject
    IdempotencyStore idempotency;

    /** {@code period}: the row's month when it differs from the batch's. */
    public record Row(String indicator, BigDecimal value, String unit, String period) {}

    /** A row read from a file: {@code error} says why its value could not be read (then it is rejected). */
    public record FileRow(String indicator, BigDecimal value, String unit, String period, String error) {}

    /** {@code flags}: review reasons of a stored but suspicious value. */
    public record RowResult(
            int index,
            String indicator,
            String period,
            String outcome,
            BigDecimal value,
            String unit,
            String code,
            String field,
            String message,
            List<String> flags) {}

    public record Summary(int imported, int updated, int unchanged, int rejected) {}

    /**
     * {@code status}: SUCCESS (every row accepted), WARNING (some rows rejected, the others stored) or
     * ERROR (atomic and some rows rejected: nothing stored). {@code applied}: whether anything was stored.
     */
    public record Result(
            String status,
            boolean applied,
            boolean dryRun,
            boolean atomic,
            String park,
            String period,
            Summary summary,
            List<RowResult> rows) {}

    public record Answer(int status, Result result, String storedBody) {}

    @Transactional
    public Answer submit(
            String park,
            String period,
            List<Row> rows,
            boolean dryRun,
            boolean atomic,
            String user,
            String source,
            String idempotencyKey) {
        List<FileRow> all = rows == null
                ? null
                : rows.stream()
                        .map(r -> r == null ? null : new FileRow(r.indicator(), r.value(), r.unit(), r.period(), null))
                        .toList();
        return submitRows(park, period, all, dryRun, atomic, user, source, idempotencyKey);
    }

    @Transactional
    public Answer submitRows(
            String park,
            String period,
            List<FileRow> rows,
            boolean dryRun,
            boolean atomic,
            String user,
            String source,
            String idempotencyKey) {
        String scope = "values:" + park;
        // Hashing a thousand rows is not free; only a request with a key is ever compared.
        String hash = idempotencyKey == null ? null : idempotency.hash(park, period, rows, dryRun, atomic);
        Optional<IdempotencyStore.Stored> earlier = idempotency.find(scope, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return new Answer(earlier.get().status(), null, earlier.get().body());
        }
        values.requirePark(park);
        YearMonth batchMonth = period == null ? null : ValueService.month(period, "period");
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.badRequest("rows", "required", "a batch needs at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.badRequest("rows", "too_many_rows", "at most " + MAX_ROWS + " rows in one batch");
        }
        if (batchMonth == null && rows.stream().allMatch(r -> r == null || r.period() == null)) {
            throw ProblemException.badRequest(
                    "period",
                    "required",
                    "name the month: period=YYYY-MM for the whole batch, or a period on every row");
        }

        RowResult[] results = new RowResult[rows.size()];
        YearMonth[] months = new YearMonth[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            FileRow row = rows.get(i);
            try {
                months[i] =
                        row == null || row.period() == null ? batchMonth : ValueService.month(row.period(), "period");
                if (months[i] == null) {
                    throw ProblemException.badRequest(
                            "period", "required", "this row names no month and the batch has no period");
                }
            } catch (ProblemException e) {
                results[i] = rejected(i, row, null, e);
            }
        }
        Set<YearMonth> written = new HashSet<>();
        List<Integer> order = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (results[i] == null) {
                written.add(months[i]);
                order.add(i);
            }
        }
        // Oldest month first, so a month's checks see the months before it in the same batch.
        order.sort(Comparator.comparing((Integer i) -> months[i]).thenComparing(i -> i));
        ValueService.Neighbourhood neighbourhood = written.isEmpty() ? null : values.neighbourhood(park, written);

        Set<String> seen = new HashSet<>();
        int imported = 0, updated = 0, unchanged = 0;
        for (int i : order) {
            FileRow row = rows.get(i);
            YearMonth month = months[i];
            try {
                if (row == null || row.indicator() == null || row.indicator().isBlank()) {
                    throw ProblemException.badRequest("indicator", "required", "name the indicator");
                }
                if (row.error() != null) {
                    throw ProblemException.unprocessable("value", "not_a_number", row.error());
                }
                if (!seen.add(row.indicator() + "@" + month)) {
                    throw ProblemException.badRequest(
                            "indicator",
                            "duplicate_row",
                            "indicator '" + row.indicator() + "' appears twice for " + month + " in this batch");
                }
                ValueService.Recorded r = values.recordInTransaction(
                        neighbourhood, month, row.indicator(), row.value(), row.unit(), user, source);
                switch (r.outcome()) {
                    case IMPORTED -> imported++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
                results[i] = new RowResult(
                        i,
                        row.indicator(),
                        month.toString(),
                        r.outcome().name().toLowerCase(),
                        r.value().value(),
                        r.indicator().unit,
                        null,
                        null,
                        null,
                        r.flags().isEmpty()
                                ? null
                                : r.flags().stream().map(f -> f.message).toList());
            } catch (ProblemException e) {
                results[i] = rejected(i, row, month, e);
            }
        }
        int rejected = rows.size() - imported - updated - unchanged;
        // Every row refused is a refusal of the batch, atomic or not: nothing was stored.
        boolean failed = rejected > 0 && (atomic || rejected == rows.size());
        if (!failed && !dryRun && neighbourhood != null) {
            neighbourhood.write(true);
        }
        boolean applied = !dryRun && !failed && imported + updated > 0;
        String status = rejected == 0 ? "SUCCESS" : failed ? "ERROR" : "WARNING";
        Result result = new Result(
                status,
                applied,
                dryRun,
                atomic,
                park,
                batchMonth == null ? null : batchMonth.toString(),
                new Summary(imported, updated, unchanged, rejected),
                List.of(results));
        if (failed) {
            // Thrown, so the transaction rolls back: no value, audit row, event or idempotency record.
            List<Problem.FieldError> errors = result.rows().stream()
                    .filter(r -> r.code() != null)
                    .map(r -> new Problem.FieldError(r.field(), r.code(), r.message()))
                    .toList();
            throw new ProblemException(
                    422,
                    "batch_rejected",
                    rejected + " of " + rows.size() + " rows were rejected; nothing was stored"
                            + (atomic && rejected < rows.size() ? " (atomic)" : ""),
                    errors,
                    result);
        }
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        } else {
            idempotency.remember(scope, idempotencyKey, hash, 200, result);
        }
        return new Answer(200, result, null);
    }

    private static RowResult rejected(int i, FileRow row, YearMonth month, ProblemException e) {
        Problem.FieldError fe = e.errors().isEmpty() ? null : e.errors().get(0);
        // A locked month's refusal (409) names no field of its own: it is the row's month that is refused.
        String field = fe != null ? fe.field() : "period_locked".equals(e.code()) ? "period" : "value";
        String period = month != null ? month.toString() : row == null ? null : row.period();
        return new RowResult(
                i,
                row == null ? null : row.indicator(),
                period,
                "rejected",
                null,
                null,
                e.code(),
                "rows[" + i + "]." + field,
                e.getMessage(),
                null);
    }
}
