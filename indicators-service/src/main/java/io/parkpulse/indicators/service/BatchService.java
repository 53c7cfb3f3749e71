package io.parkpulse.indicators.service;

import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.idempotency.IdempotencyStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A month's report of many indicators for one park, shaped like a DHIS2 data value set: every row
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

    public record Row(String indicator, BigDecimal value, String unit) {
    }

    /** A row read from a file: {@code error} says why its value could not be read (then it is rejected). */
    public record FileRow(String indicator, BigDecimal value, String unit, String error) {
    }

    /** {@code flags}: review reasons of a stored but suspicious value. */
    public record RowResult(int index, String indicator, String outcome, BigDecimal value, String unit, String code,
            String field, String message, List<String> flags) {
    }

    public record Summary(int imported, int updated, int unchanged, int rejected) {
    }

    /**
     * {@code status}: SUCCESS (every row accepted), WARNING (some rows rejected, the others stored) or
     * ERROR (atomic and some rows rejected: nothing stored). {@code applied}: whether anything was stored.
     */
    public record Result(String status, boolean applied, boolean dryRun, boolean atomic, String park, String period,
            Summary summary, List<RowResult> rows) {
    }

    public record Answer(int status, Result result, String storedBody) {
    }

    @Transactional
    public Answer submit(String park, String period, List<Row> rows, boolean dryRun, boolean atomic, String user,
            String source, String idempotencyKey) {
        List<FileRow> all = rows == null ? null
                : rows.stream().map(r -> r == null ? null : new FileRow(r.indicator(), r.value(), r.unit(), null)).toList();
        return submitRows(park, period, all, dryRun, atomic, user, source, idempotencyKey);
    }

    @Transactional
    public Answer submitRows(String park, String period, List<FileRow> rows, boolean dryRun, boolean atomic, String user,
            String source, String idempotencyKey) {
        String scope = "values:" + park;
        String hash = idempotency.hash(park, period, rows, dryRun, atomic);
        Optional<IdempotencyStore.Stored> earlier = idempotency.find(scope, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return new Answer(earlier.get().status(), null, earlier.get().body());
        }
        ValueService.Neighbourhood neighbourhood = values.neighbourhood(park, period, null);
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.badRequest("rows", "required", "a batch needs at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.badRequest("rows", "too_many_rows", "at most " + MAX_ROWS + " rows in one batch");
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>();
        int imported = 0, updated = 0, unchanged = 0, rejected = 0;
        for (int i = 0; i < rows.size(); i++) {
            FileRow row = rows.get(i);
            String prefix = "rows[" + i + "].";
            try {
                if (row == null || row.indicator() == null || row.indicator().isBlank()) {
                    throw ProblemException.badRequest("indicator", "required", "name the indicator");
                }
                if (row.error() != null) {
                    throw ProblemException.unprocessable("value", "not_a_number", row.error());
                }
                if (!seen.add(row.indicator())) {
                    throw ProblemException.badRequest("indicator", "duplicate_row",
                            "indicator '" + row.indicator() + "' appears twice in this batch");
                }
                ValueService.Recorded r = values.recordInTransaction(neighbourhood, row.indicator(), row.value(),
                        row.unit(), user, source);
                switch (r.outcome()) {
                    case IMPORTED -> imported++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
                results.add(new RowResult(i, row.indicator(), r.outcome().name().toLowerCase(), r.value().value,
                        r.indicator().unit, null, null, null,
                        r.flags().isEmpty() ? null : r.flags().stream().map(f -> f.message).toList()));
            } catch (ProblemException e) {
                rejected++;
                Problem.FieldError fe = e.errors().isEmpty() ? null : e.errors().get(0);
                results.add(new RowResult(i, row == null ? null : row.indicator(), "rejected", null, null, e.code(),
                        prefix + (fe == null ? "value" : fe.field()), e.getMessage(), null));
            }
        }
        boolean failed = atomic && rejected > 0;
        boolean applied = !dryRun && !failed && imported + updated > 0;
        String status = rejected == 0 ? "SUCCESS" : failed ? "ERROR" : "WARNING";
        Result result = new Result(status, applied, dryRun, atomic, park, period,
                new Summary(imported, updated, unchanged, rejected), results);
        if (failed) {
            // Thrown, so the transaction rolls back: no value, audit row, event or idempotency record.
            List<Problem.FieldError> errors = results.stream().filter(r -> r.code() != null)
                    .map(r -> new Problem.FieldError(r.field(), r.code(), r.message())).toList();
            throw new ProblemException(422, "batch_rejected",
                    rejected + " of " + rows.size() + " rows were rejected; nothing was stored (atomic)", errors, result);
        }
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        } else {
            idempotency.remember(scope, idempotencyKey, hash, 200, result);
        }
        return new Answer(200, result, null);
    }
}
