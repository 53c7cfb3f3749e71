package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.reporting.domain.Report.Section;
import io.parkpulse.reporting.domain.StandardIndicators;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** 一、主要经济指标完成情况: one sentence per indicator, then the per-mu figures when the land is known. */
final class IndicatorSection {

    static final String HEADING = "一、主要经济指标完成情况";

    /** The indicators bureaus also quote per mu of developed industrial land, and what they call them. */
    static final Map<String, String> PER_MU =
            Map.of("tax_revenue", "亩均税收", "industrial_value_added", "亩均工业增加值", "industrial_output", "亩均工业总产值");

    /** A quarter's target is year to date at its end: Q2's is the half year's, as reports call them. */
    static final String[] QUARTERS = {"一季度", "上半年", "前三季度"};

    /** Units of counts of enterprises, stated against last year as a net change. */
    static final Set<String> COUNTED = Set.of("家", "个");

    private IndicatorSection() {}

    /** {@code land} in mu, null for the city (per-mu figures are a park's). */
    static Section of(String subject, List<IndicatorLine> lines, YearMonth m, BigDecimal land) {
        return of(subject, lines, m, land, 1);
    }

    /**
     * {@code parks} is how many parks the subject's figures are over (1 for a park): an indicator that fewer
     * of them reported, or whose growth only some could be compared on, says over how many.
     */
    static Section of(String subject, List<IndicatorLine> lines, YearMonth m, BigDecimal land, int parks) {
        if (lines.isEmpty()) {
            return new Section(
                    HEADING, List.of(m.getYear() + "年" + m.getMonthValue() + "月尚无上报的经济指标数据。"), List.of(), null);
        }
        List<String> sentences = lines.stream().map(l -> sentence(l, m, parks)).toList();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(Phrases.months(m) + "，" + subject + String.join("；", sentences) + "。");
        if (land != null && land.signum() > 0) {
            List<String> perMu = new ArrayList<>();
            for (IndicatorLine l : lines) {
                if (PER_MU.containsKey(l.code())) {
                    perMu.add(PER_MU.get(l.code())
                            + Phrases.amount(l.value().divide(land, 2, RoundingMode.HALF_UP), l.unit()));
                }
            }
            if (!perMu.isEmpty()) {
                paragraphs.add("按已开发工业用地" + Phrases.amount(land, "亩") + "计，" + Phrases.months(m)
                        + String.join("、", perMu) + "。");
            }
        }
        return new Section(HEADING, paragraphs, List.of(), null);
    }

    /**
     * The indicator's amount, growth, and for a better-higher indicator with a target its completion
     * and, for a flow, the time-elapsed progress (双过半 in June, when the report is about halfway).
     */
    static String sentence(IndicatorLine l, YearMonth m) {
        return sentence(l, m, 1);
    }

    static String sentence(IndicatorLine l, YearMonth m, int parks) {
        StringBuilder s = new StringBuilder(l.name());
        if (l.parks() < parks) {
            s.append("（").append(l.parks()).append("个园区）");
        }
        s.append(Phrases.amount(l.value(), l.unit()));
        BigDecimal growth = l.growth();
        // A growth over fewer parks than the amount compares like with like, and says so.
        String comparable = l.parksCompared() < l.parks() ? "，按" + l.parksCompared() + "个可比园区计" : "";
        if (COUNTED.contains(l.unit()) && l.comparableNow() != null && l.lastYear() != null) {
            // Enterprises are counted, not grown: "净增5家" reads where "同比增长14.71%" would not.
            s.append(comparable)
                    .append("，")
                    .append(Phrases.netChange(l.comparableNow().subtract(l.lastYear()), l.unit()));
        } else if (growth != null) {
            s.append(comparable).append("，").append(Phrases.growth(growth));
        }
        BigDecimal estimate =
                StandardIndicators.STOCK.contains(l.code()) ? null : l.fullYearEstimate(m.getMonthValue());
        BigDecimal completion = l.completion();
        if (completion != null && !StandardIndicators.LOWER_BETTER.contains(l.code())) {
            s.append("，");
            if (l.parksTargeted() < l.parks()) {
                s.append("有全年目标的").append(l.parksTargeted()).append("个园区");
            }
            s.append(Phrases.completion(completion));
            if (!StandardIndicators.STOCK.contains(l.code())) {
                Phrases.DoubleHalf dh =
                        m.getMonthValue() == 6 ? Phrases.doubleHalf(completion, growth, l.plannedGrowth()) : null;
                s.append("，")
                        .append(
                                dh != null
                                        ? dh.text().replace(",", "，")
                                        : Phrases.timeProgress(Figures.timeProgressGapPts(
                                                l.targetedValue(), l.annual(), m.getMonthValue())));
            }
        }
        BigDecimal quarter = l.quarterCompletion();
        if (quarter != null && !StandardIndicators.LOWER_BETTER.contains(l.code())) {
            s.append("，完成")
                    .append(QUARTERS[m.getMonthValue() / 3 - 1])
                    .append("目标任务的")
                    .append(quarter.toPlainString())
                    .append("%");
        }
        if (estimate != null) {
            s.append("，按上年同期进度预计全年完成").append(Phrases.amount(estimate, l.unit()));
        }
        return s.toString();
    }

    /** The section with one more paragraph saying where the park stands in the city, when it stands anywhere. */
    static Section withStandings(Section section, List<CityStanding> all) {
        // First of one is no ranking.
        List<CityStanding> standings =
                all.stream().filter(st -> st.parks() >= 2).toList();
        if (standings.isEmpty()) {
            return section;
        }
        List<String> paragraphs = new ArrayList<>(section.paragraphs());
        paragraphs.add("在全市园区中，" + standings.stream().map(CityStanding::phrase).collect(Collectors.joining("；")) + "。");
        return new Section(section.heading(), paragraphs, section.points(), section.table());
    }

    /** "税收收入居前3位的园区依次是A（…）、B（…）、C（…）。" */
    static String leaders(List<Leader> leaders) {
        String names = leaders.stream()
                .map(l -> l.parkName() + "（" + Phrases.amount(l.value(), l.unit()) + "）")
                .collect(Collectors.joining("、"));
        return leaders.get(0).indicatorName() + "居前" + leaders.size() + "位的园区依次是" + names + "。";
    }
}
