package io.parkpulse.indicators.service;

import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.idempotency.IdempotencyStore;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.domain.Shown;
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

    @Inject
    ImportMetrics metrics;

    /** {@code period}: the row's month when it differs from the batch's. */
    public record Row(String indicator, BigDecimal value, String unit, String period) {}

    /**
     * Where a row stands in an uploaded file, as the person sees it there: the sheet (XLSX only), the row
     * number counting the header rows, and the header text of each column read (null if the file has none).
     */
    public record Origin(
            String sheet,
            int line,
            String indicatorColumn,
            String valueColumn,
            String unitColumn,
            String periodColumn) {}

    /**
     * A row to record. {@code unreadable}: the value cell's text when it is not a number (the row is then
     * rejected); {@code origin}: where the row stands in an uploaded file, null for a JSON batch.
     */
    public record FileRow(
            String indicator, BigDecimal value, String unit, String period, String unreadable, Origin origin) {}

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
            String idempotencyKey,
            boolean english) {
        List<FileRow> all = rows == null
                ? null
                : rows.stream()
                        .map(r -> r == null
                                ? null
                                : new FileRow(r.indicator(), r.value(), r.unit(), r.period(), null, null))
                        .toList();
        return submitRows(park, period, all, dryRun, atomic, user, source, idempotencyKey, english);
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
            String idempotencyKey,
            boolean english) {
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
            throw ProblemException.badRequest("rows", "required", "本批没有数据行，请至少填报一行", "a batch needs at least one row");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.badRequest(
                    "rows",
                    "too_many_rows",
                    "每批最多填报" + MAX_ROWS + "行，本批有" + rows.size() + "行，请分批提交",
                    "at most " + MAX_ROWS + " rows in one batch");
        }
        if (batchMonth == null && rows.stream().allMatch(r -> r == null || r.period() == null)) {
            throw ProblemException.badRequest(
                    "period",
                    "required",
                    "请指明报告月份：用 period=YYYY-MM 指定整批的月份，或在每一行填写报告期",
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
                            "period",
                            "required",
                            "本行未填报告期，本批也未指定月份",
                            "this row names no month and the batch has no period");
                }
            } catch (ProblemException e) {
                results[i] = rejected(i, row, null, e, english);
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
                    throw ProblemException.badRequest("indicator", "required", "请填写指标代码", "name the indicator");
                }
                if (row.unreadable() != null) {
                    throw ProblemException.unprocessable(
                            "value",
                            "not_a_number",
                            "“" + Shown.text(row.unreadable()) + "”不是数字",
                            "'" + Shown.text(row.unreadable()) + "' is not a number");
                }
                if (!seen.add(row.indicator() + "@" + month)) {
                    throw ProblemException.badRequest(
                            "indicator",
                            "duplicate_row",
                            "指标“" + Shown.text(row.indicator()) + "”在本批中重复填报了" + Periods.chinese(month)
                                    + "的数值，每个指标每月只能填报一行",
                            "indicator '" + Shown.text(row.indicator()) + "' appears twice for " + month
                                    + " in this batch");
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
                results[i] = rejected(i, row, month, e, english);
            }
        }
        int rejected = rows.size() - imported - updated - unchanged;
        // Every row refused is a refusal of the batch, atomic or not: nothing was stored.
        boolean failed = rejected > 0 && (atomic || rejected == rows.size());
        if (!failed && !dryRun && neighbourhood != null) {
            neighbourhood.write(true);
        }
        if (!dryRun) {
            metrics.batch(source, !failed, imported, updated, unchanged, rejected);
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
            boolean whole = atomic && rejected < rows.size();
            throw new ProblemException(
                    422,
                    "batch_rejected",
                    "共" + rows.size() + "行，其中" + rejected + "行未通过校验，本批数据均未保存" + (whole ? "（按整批提交：有一行未通过即全部不保存）" : ""),
                    rejected + " of " + rows.size() + " rows were rejected; nothing was stored"
                            + (whole ? " (atomic)" : ""),
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

    private static RowResult rejected(int i, FileRow row, YearMonth month, ProblemException e, boolean english) {
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
                where(i, row, field, english) + e.message(english),
                null);
    }

    /**
     * Where a refused row is, as the person who made it can find it: the sheet, row and column header of
     * an uploaded file ("“月报”表第7行“本期数值”列："), or the row's place in a JSON batch counted from 1
     * ("第6行："). The field ({@code rows[5].value}) stays as it is: clients key on it.
     */
    static String where(int i, FileRow row, String field, boolean english) {
        Origin o = row == null ? null : row.origin();
        if (o == null) {
            return english ? "row " + (i + 1) + ": " : "第" + (i + 1) + "行：";
        }
        String column = switch (field) {
            case "indicator" -> o.indicatorColumn();
            case "value" -> o.valueColumn();
            case "unit" -> o.unitColumn();
            // A month the upload named for every row is no cell of this row.
            case "period" -> row.period() == null ? null : o.periodColumn();
            default -> null;
        };
        if (english) {
            return (o.sheet() == null ? "" : "sheet '" + o.sheet() + "', ") + "row " + o.line()
                    + (column == null ? "" : ", column '" + Shown.text(column) + "'") + ": ";
        }
        return (o.sheet() == null ? "" : "“" + o.sheet() + "”表") + "第" + o.line() + "行"
                + (column == null ? "" : "“" + Shown.text(column) + "”列") + "：";
    }
}
