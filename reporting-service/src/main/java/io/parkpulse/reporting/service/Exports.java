package io.parkpulse.reporting.service;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.Figure;
import io.parkpulse.reporting.domain.Scheme;
import io.parkpulse.reporting.domain.Scoring;
import io.parkpulse.reporting.domain.StandardIndicators;
import io.parkpulse.reporting.domain.export.ExportNames;
import io.parkpulse.reporting.domain.export.XlsxTable;
import io.parkpulse.reporting.domain.export.XlsxTable.Column;
import io.parkpulse.reporting.domain.export.XlsxTable.Num;
import io.parkpulse.reporting.repository.ExportQueries;
import io.parkpulse.reporting.repository.ExportQueries.IndicatorLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The XLSX a bureau hands out at a meeting: titled as its reports name figures ("工业总产值同比增速排名（2026年1–10月）"),
 * a subtitle with the unit, the data month, the export time and how the table is ordered, Chinese headers, numbers
 * as numeric cells, and a file name that says what it holds.
 */
@ApplicationScoped
public class Exports {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    ExportQueries queries;

    @Inject
    SchemeService schemes;

    /** A file to send: its bytes, an ASCII name for clients that read no RFC 5987, and the Chinese name. */
    public record Download(byte[] body, String asciiName, String chineseName) {}

    /** A whole ranking (every park, in the ranking's order) and what it ranks. */
    public record RankingSheet(
            Figure figure,
            IndicatorLabel label,
            ReportingPeriod period,
            String peerGroup,
            boolean ascending,
            List<RankingService.Entry> entries) {}

    public Download ranking(RankingResult result) {
        if (result instanceof RankingService.Ranking r) {
            Figure f = new Figure(Figure.Kind.VALUE, r.indicator());
            IndicatorLabel label = r.indicatorName() != null && r.unit() != null
                    ? new IndicatorLabel(r.indicatorName(), r.unit())
                    : label(r.indicator());
            return ranking(
                    new RankingSheet(f, label, period(r.period()), r.peerGroup(), r.ascending(), r.entries()), now());
        }
        CityView.FigureRanking r = ((RankingResult.OfFigure) result).ranking();
        Figure f = Figure.parse(r.figure());
        return ranking(
                new RankingSheet(
                        f, label(f.indicator()), period(r.period()), r.peerGroup(), r.ascending(), r.entries()),
                now());
    }

    public Download assessment(AssessmentService.Run run) {
        List<String> indicators = new ArrayList<>();
        for (AssessmentService.Result x : run.results()) {
            for (Scoring.ItemScore i : x.breakdown().items()) {
                Figure f = Figure.parse(i.figure());
                if (f != null && !indicators.contains(f.indicator())) {
                    indicators.add(f.indicator());
                }
            }
        }
        String schemeName =
                schemes.get(run.schemeCode(), run.schemeVersion()).scheme().name();
        return assessment(run, schemeName, queries.labels(indicators), now());
    }

    private IndicatorLabel label(String indicator) {
        return queries.labels(List.of(indicator)).get(indicator);
    }

    private static ReportingPeriod period(String text) {
        return ReportingPeriod.parse(text, "period");
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(CityTime.ZONE);
    }

    /** The ranking's workbook: one sheet 排名. */
    public static Download ranking(RankingSheet r, LocalDateTime exportedAt) {
        Figure f = r.figure();
        String indicatorName = r.label() == null || r.label().name() == null
                ? f.indicator()
                : r.label().name();
        String indicatorUnit = r.label() == null ? null : r.label().unit();
        String name = ExportNames.figureName(f.kind(), indicatorName);
        String unit = ExportNames.unit(f.kind(), indicatorUnit);
        boolean stock = StandardIndicators.STOCK.contains(f.indicator());
        YearMonth month = r.period().lastMonth();

        String title = name + "排名（" + ExportNames.coverage(month, stock) + "）";
        List<String> notes = new ArrayList<>();
        if (unit != null) {
            notes.add("单位：" + unit);
        }
        if (r.peerGroup() != null) {
            notes.add("范围：" + r.peerGroup() + "组园区");
        }
        notes.add("数据截至" + ExportNames.month(month));
        notes.add("导出时间：" + MINUTE.format(exportedAt));
        notes.add("按" + name + "从" + (r.ascending() ? "低到高" : "高到低") + "排序，数值相同者并列同一名次");
        // The ranking lists only parks with a figure; should one come without, it is last, as the API ranks it.
        notes.add(r.entries().stream().anyMatch(e -> e.value() == null) ? "无数值的园区列于最后，以“—”表示" : "未报送或无法计算的园区不列入排名");
        notes.add("上期为" + ExportNames.coverage(r.period().previousLastMonth(), stock));

        List<List<Object>> rows = new ArrayList<>();
        for (RankingService.Entry e : r.entries()) {
            rows.add(Arrays.asList(e.rank(), e.park(), e.parkName(), e.value(), e.previousRank(), e.rankChange()));
        }
        byte[] body = XlsxTable.write(List.of(new XlsxTable.Sheet(
                "排名",
                title,
                String.join("；", notes),
                List.of(
                        Column.number("排名", XlsxTable.INTEGER),
                        Column.text("园区代码"),
                        Column.text("园区"),
                        Column.number(
                                unit == null ? name : name + "（" + unit + "）",
                                ExportNames.numberFormat(f.kind(), indicatorUnit)),
                        Column.number("上期排名", XlsxTable.INTEGER),
                        Column.number("排名变化", XlsxTable.RANK_CHANGE)),
                rows)));

        String suffix = (r.peerGroup() == null ? "" : "-" + r.peerGroup()) + (r.ascending() ? "-asc" : "");
        String chineseSuffix = (r.peerGroup() == null ? "" : "_" + r.peerGroup()) + (r.ascending() ? "_升序" : "");
        return new Download(
                body,
                "ranking-" + f.kind().prefix + "-" + f.indicator() + "-"
                        + r.period().text() + suffix + ".xlsx",
                name + "排名_" + ExportNames.period(r.period().text()) + chineseSuffix + ".xlsx");
    }

    /** The assessment's workbook: sheets 考核排名 and 得分明细. */
    public static Download assessment(
            AssessmentService.Run run,
            String schemeName,
            Map<String, IndicatorLabel> labels,
            LocalDateTime exportedAt) {
        String quarter = ExportNames.period(run.quarter());
        String asOf = run.asOf() == null ? null : ExportNames.month(YearMonth.parse(run.asOf()));
        String released = "第" + run.revision() + "次发布"
                + (run.runAt() == null ? "" : "（" + MINUTE.format(run.runAt().atZoneSameInstant(CityTime.ZONE)) + "）");
        String scheme = "考核方案：" + (schemeName == null ? "" : schemeName) + "（" + run.schemeCode() + " 第"
                + run.schemeVersion() + "版）";
        String exported = "导出时间：" + MINUTE.format(exportedAt);

        List<List<Object>> ranking = new ArrayList<>();
        for (AssessmentService.Result x : run.results()) {
            ranking.add(Arrays.asList(x.rank(), x.park(), x.parkName(), x.total(), x.tier(), x.rankChange()));
        }
        XlsxTable.Sheet first = new XlsxTable.Sheet(
                "考核排名",
                quarter + "园区综合考核结果",
                String.join(
                        "；",
                        notNull(
                                scheme,
                                asOf == null ? null : "数据截至" + asOf,
                                released,
                                exported,
                                "按总分从高到低排名，总分相同者并列同一名次；取消资格的园区不排名")),
                List.of(
                        Column.number("排名", XlsxTable.INTEGER),
                        Column.text("园区代码"),
                        Column.text("园区"),
                        Column.number("总分（分）", "#,##0.00"),
                        Column.text("等级"),
                        Column.number("较上季排名变化", XlsxTable.RANK_CHANGE)),
                ranking);

        List<List<Object>> detail = new ArrayList<>();
        for (AssessmentService.Result x : run.results()) {
            Map<String, String> dimensionNames = new HashMap<>();
            x.breakdown().dimensions().forEach(d -> dimensionNames.put(d.code(), d.name()));
            for (Scoring.ItemScore i : x.breakdown().items()) {
                Figure f = Figure.parse(i.figure());
                IndicatorLabel label = f == null ? null : labels.get(f.indicator());
                String indicatorName =
                        label == null || label.name() == null ? (f == null ? i.figure() : f.indicator()) : label.name();
                String indicatorUnit = label == null ? null : label.unit();
                String format = f == null ? "#,##0.00" : ExportNames.numberFormat(f.kind(), indicatorUnit);
                detail.add(Arrays.asList(
                        x.parkName(),
                        dimensionNames.getOrDefault(i.dimension(), i.dimension()),
                        i.name(),
                        f == null ? indicatorName : ExportNames.figureName(f.kind(), indicatorName),
                        ruleLabel(i.rule()),
                        new Num(i.weight(), ExportNames.decimalsOf(i.weight())),
                        f == null ? "" : Objects.requireNonNullElse(ExportNames.unit(f.kind(), indicatorUnit), ""),
                        new Num(i.input(), format),
                        i.reference() == null && i.rule() == Scheme.Rule.TARGET_COMPLETION
                                ? ""
                                : new Num(i.reference(), i.rule() == Scheme.Rule.RANK ? "\"第\"0\"名\"" : format),
                        i.score(),
                        i.note()));
            }
            for (Scoring.AdjustmentScore a : x.breakdown().adjustments()) {
                detail.add(Arrays.asList(
                        x.parkName(),
                        "加减分",
                        a.name(),
                        "加减分事项",
                        a.disqualifies()
                                ? "一票否决"
                                : "每次"
                                        + a.points()
                                                .divide(BigDecimal.valueOf(a.count()))
                                                .stripTrailingZeros()
                                                .toPlainString()
                                        + "分",
                        "",
                        "次",
                        a.count(),
                        "",
                        a.points(),
                        null));
            }
        }
        XlsxTable.Sheet second = new XlsxTable.Sheet(
                "得分明细",
                quarter + "各园区分项得分",
                String.join(
                        "；",
                        notNull(
                                "实际值为考核口径下的数值，单位见单位列",
                                "参照值：对标比值法为对标值，功效系数法为最高值（逆向为最低值），排名赋分为名次",
                                asOf == null ? null : "数据截至" + asOf,
                                released,
                                exported)),
                List.of(
                        Column.text("园区"),
                        Column.text("维度"),
                        Column.text("考核项目"),
                        Column.text("考核指标"),
                        Column.text("评分方法"),
                        Column.number("权重（分）", "#,##0"),
                        Column.text("单位"),
                        Column.number("实际值", "#,##0.00"),
                        Column.number("参照值", "#,##0.00"),
                        Column.number("得分（分）", "#,##0.00"),
                        Column.text("说明")),
                detail);

        return new Download(
                XlsxTable.write(List.of(first, second)),
                "assessment-" + run.quarter() + "-r" + run.revision() + ".xlsx",
                "园区综合考核结果_" + quarter + "_第" + run.revision() + "次发布.xlsx");
    }

    static String ruleLabel(Scheme.Rule rule) {
        return switch (rule) {
            case BENCHMARK_RATIO -> "对标比值法";
            case TARGET_COMPLETION -> "目标完成率（封顶）";
            case EFFICACY -> "功效系数法";
            case LOWER_BETTER -> "功效系数法（逆向）";
            case RANK -> "排名赋分";
        };
    }

    private static List<String> notNull(String... parts) {
        return Arrays.stream(parts).filter(Objects::nonNull).toList();
    }
}
