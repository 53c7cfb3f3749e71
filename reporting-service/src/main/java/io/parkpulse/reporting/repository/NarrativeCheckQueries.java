package io.parkpulse.reporting.repository;

import io.parkpulse.common.sql.MultiRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** The figures narrative reports state, and what the read model says for the same park and month. */
@ApplicationScoped
public class NarrativeCheckQueries {

    @Inject
    EntityManager em;

    /** One figure a report states, with its report and park. {@code period} is the figure's own, else null. */
    public record Statement(
            long reportId,
            String fileName,
            OffsetDateTime uploadedAt,
            String status,
            String reportPeriod,
            String park,
            String parkName,
            int ordinal,
            String code,
            String owner,
            String period,
            BigDecimal value,
            String unit,
            BigDecimal rounding,
            String stated,
            BigDecimal growthPct,
            BigDecimal completionPct,
            String sentence,
            int start,
            int end,
            BigDecimal growthRounding,
            BigDecimal completionRounding) {}

    public record IndicatorMonth(String park, String code, YearMonth month) {}

    /** One park's indicator in a month: value and unit as reported, the name it was reported with. */
    public record IndicatorValue(BigDecimal value, String unit, String name) {}

    /**
     * Each park's latest report of each document (docs/reporting.md): of the uploads with the same SHA-256, the
     * newest confirmed one, else the newest; a report without a SHA-256 (kept before V13) is a document of its own.
     * An upload of the same bytes again, or a draft abandoned for a re-upload that was confirmed, is not listed twice.
     */
    static final String LATEST_REPORTS = """
            select distinct on (park_code, coalesce(sha256, 'report:' || id)) *
              from narrative_report_fact
             where (cast(? as varchar) is null or park_code = ?)
             order by park_code, coalesce(sha256, 'report:' || id), status = 'CONFIRMED' desc, uploaded_at desc,
                      id desc
            """;

    /**
     * What a list of checks reads: one park or every park ({@code park} null); one report, whichever upload of its
     * document it is ({@code report}), or each park's latest report of each document; the figures stated for a month
     * from {@code from} to {@code to} (the figure's month, else its report's), or with both null every figure of
     * the report, those without a month too.
     */
    public record Scope(String park, Long report, YearMonth from, YearMonth to) {}

    /** How many figures the scope holds. */
    public long count(Scope scope) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("""
                    with r as (%s)
                    select count(*) from narrative_figure_fact f join r on r.id = f.report_id %s
                    """.formatted(reports(scope), months(scope)))) {
                bind(ps, scope);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * {@code limit} figures of the scope from {@code offset}: newest report first, then in the report's order (the
     * id and the figure's place in its report break ties, so that pages never overlap).
     */
    public List<Statement> statements(Scope scope, long offset, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Statement> out = new ArrayList<>();
            try (var ps = c.prepareStatement("""
                    with r as (%s)
                    select r.id, r.file_name, r.uploaded_at, r.status, r.period as report_period, r.park_code,
                           p.name as park_name, f.ordinal, f.code, f.owner, f.period, f.value, f.unit, f.rounding,
                           f.stated, f.growth_pct, f.completion_pct, f.sentence, f.span_start, f.span_end,
                           f.growth_rounding, f.completion_rounding
                      from narrative_figure_fact f
                      join r on r.id = f.report_id
                      left join park_replica p on p.code = r.park_code
                     %s
                     order by r.uploaded_at desc, r.id desc, f.ordinal
                    offset ? limit ?
                    """.formatted(reports(scope), months(scope)))) {
                int i = bind(ps, scope);
                ps.setLong(i++, offset);
                ps.setInt(i, limit);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Statement(
                                rs.getLong("id"),
                                rs.getString("file_name"),
                                rs.getObject("uploaded_at", OffsetDateTime.class),
                                rs.getString("status"),
                                rs.getString("report_period"),
                                rs.getString("park_code"),
                                rs.getString("park_name"),
                                rs.getInt("ordinal"),
                                rs.getString("code"),
                                rs.getString("owner"),
                                rs.getString("period"),
                                rs.getBigDecimal("value"),
                                rs.getString("unit"),
                                rs.getBigDecimal("rounding"),
                                rs.getString("stated"),
                                rs.getBigDecimal("growth_pct"),
                                rs.getBigDecimal("completion_pct"),
                                rs.getString("sentence"),
                                rs.getInt("span_start"),
                                rs.getInt("span_end"),
                                rs.getBigDecimal("growth_rounding"),
                                rs.getBigDecimal("completion_rounding")));
                    }
                }
            }
            return out;
        });
    }

    /** The reports a scope reads: the one named, which need not be its document's latest, else each latest. */
    private static String reports(Scope scope) {
        return scope.report() == null
                ? LATEST_REPORTS
                : "select * from narrative_report_fact where id = ? and (cast(? as varchar) is null or park_code = ?)";
    }

    private static String months(Scope scope) {
        return scope.from() == null ? "" : "where coalesce(f.period, r.period) between ? and ?";
    }

    /** Binds the scope's parameters in the order of {@link #reports} and {@link #months}; answers the next index. */
    private static int bind(PreparedStatement ps, Scope scope) throws SQLException {
        int i = 1;
        if (scope.report() != null) {
            ps.setLong(i++, scope.report());
        }
        ps.setString(i++, scope.park());
        ps.setString(i++, scope.park());
        if (scope.from() != null) {
            ps.setString(i++, scope.from().toString());
            ps.setString(i++, scope.to().toString());
        }
        return i;
    }

    /** Each park's value of the indicator in the month, where one was reported. */
    public Map<IndicatorMonth, IndicatorValue> values(Collection<IndicatorMonth> keys) {
        List<IndicatorMonth> all = List.copyOf(keys);
        Map<IndicatorMonth, IndicatorValue> out = new HashMap<>();
        for (List<IndicatorMonth> part : MultiRow.chunks(all)) {
            em.unwrap(Session.class).doWork(c -> {
                try (var ps = c.prepareStatement("""
                        with k(park, code, period) as (values %s)
                        select k.park, k.code, k.period, v.value, v.unit, v.indicator_name
                          from k join indicator_fact v
                            on v.park_code = k.park and v.indicator_code = k.code and v.period = cast(k.period as char(7))
                        """.formatted(MultiRow.placeholders(part.size(), 3)))) {
                    int i = 1;
                    for (IndicatorMonth k : part) {
                        ps.setString(i++, k.park());
                        ps.setString(i++, k.code());
                        ps.setString(i++, k.month().toString());
                    }
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(
                                    new IndicatorMonth(
                                            rs.getString("park"),
                                            rs.getString("code"),
                                            YearMonth.parse(rs.getString("period"))),
                                    new IndicatorValue(
                                            rs.getBigDecimal("value"),
                                            rs.getString("unit"),
                                            rs.getString("indicator_name")));
                        }
                    }
                }
            });
        }
        return out;
    }

    /** The annual target of each park's indicator for the month's year, where one is set (month: December). */
    public Map<IndicatorMonth, BigDecimal> annualTargets(Collection<IndicatorMonth> keys) {
        List<IndicatorMonth> all = List.copyOf(keys);
        Map<IndicatorMonth, BigDecimal> out = new HashMap<>();
        for (List<IndicatorMonth> part : MultiRow.chunks(all)) {
            em.unwrap(Session.class).doWork(c -> {
                try (var ps = c.prepareStatement("""
                        with k(park, code, year) as (values %s)
                        select k.park, k.code, k.year, t.annual
                          from k join target_fact t
                            on t.park_code = k.park and t.indicator_code = k.code and t.year = k.year
                         where t.annual is not null
                        """.formatted(
                                String.join(", ", Collections.nCopies(part.size(), "(?, ?, cast(? as integer))"))))) {
                    int i = 1;
                    for (IndicatorMonth k : part) {
                        ps.setString(i++, k.park());
                        ps.setString(i++, k.code());
                        ps.setInt(i++, k.month().getYear());
                    }
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(
                                    new IndicatorMonth(
                                            rs.getString("park"),
                                            rs.getString("code"),
                                            YearMonth.of(rs.getInt("year"), 12)),
                                    rs.getBigDecimal("annual"));
                        }
                    }
                }
            });
        }
        return out;
    }

    /** The Chinese name each indicator was last reported with, for the codes no park's month names. */
    public Map<String, String> indicatorNames(Collection<String> codes) {
        List<String> all = List.copyOf(codes);
        Map<String, String> out = new HashMap<>();
        for (List<String> part : MultiRow.chunks(all)) {
            em.unwrap(Session.class).doWork(c -> {
                try (var ps = c.prepareStatement("""
                        with k(code) as (values %s)
                        select k.code,
                               (select i.indicator_name from indicator_fact i
                                 where i.indicator_code = k.code and i.indicator_name is not null
                                 order by i.recorded_at desc limit 1) as name
                          from k
                        """.formatted(MultiRow.placeholders(part.size(), 1)))) {
                    int i = 1;
                    for (String code : part) {
                        ps.setString(i++, code);
                    }
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getString("name") != null) {
                                out.put(rs.getString("code"), rs.getString("name"));
                            }
                        }
                    }
                }
            });
        }
        return out;
    }
}
