package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Texts.names;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.reporting.domain.StandardIndicators;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** 四、存在的问题: falls, indicators behind time-elapsed progress, red and stalled projects, open problems. */
final class ProblemSection {

    static final String HEADING = "四、存在的问题";

    static final String PARK_NONE = "从本期数据看，各项有目标的指标均达到时序进度、无同比下降，无红灯或停滞项目，无未解决的项目问题。";

    static final String PARK_NO_DATA = "本期未报送经济指标，无法判断指标完成情况；无红灯或停滞项目，无未解决的项目问题。";

    static final String CITY_NONE = "本期数据未显示未报送园区、欠时序进度的园区、红灯或停滞项目和未解决的问题。";

    private ProblemSection() {}

    /** A city's points name the park before each project ("园区·项目"); a park's do not. */
    static List<String> points(
            List<IndicatorLine> lines,
            List<SummaryProject> projects,
            List<OpenProblem> open,
            YearMonth m,
            boolean city,
            int stalledMonths) {
        List<String> out = new ArrayList<>(falls(lines));
        for (IndicatorLine l : lines) {
            out.addAll(behind(l, m));
        }
        List<SummaryProject> red = projects.stream()
                .filter(p -> p.stage() != ProjectStage.TERMINATED)
                .filter(SummaryProject::red)
                .sorted(Comparator.comparing(SummaryProject::total).reversed().thenComparing(SummaryProject::name))
                .toList();
        if (!red.isEmpty()) {
            out.add("红灯项目" + red.size() + "个："
                    + names(red, p -> label(p, city) + "（" + reasons(p.status(), ScheduleRules.Colour.RED) + "）")
                    + "。");
        }
        // Every stalled project, red or not, so that the count agrees with section 二's.
        List<SummaryProject> stalled = projects.stream()
                .filter(p -> p.stage() != ProjectStage.TERMINATED)
                .filter(p -> p.status() != null && p.status().stalled())
                .toList();
        if (!stalled.isEmpty()) {
            out.add("连续" + stalledMonths + "个月以上无进展报告的项目" + stalled.size() + "个："
                    + names(stalled, p -> label(p, city) + "（" + p.status().monthsWithoutProgress() + "个月）") + "。");
        }
        if (!open.isEmpty()) {
            out.add(open(open, m, city));
        }
        if (out.isEmpty() && !city) {
            out.add(lines.isEmpty() ? PARK_NO_DATA : PARK_NONE);
        }
        return out;
    }

    /** How many falling indicators a sentence names one by one before it groups them ("等N项指标"). */
    static final int FALLS_NAMED = 3;

    /**
     * The indicators that fell on last year, in one sentence as reports group them: each with its fall when there are
     * few, else the first few, the count and the largest fall. A fall is no problem for a better-lower indicator.
     */
    static List<String> falls(List<IndicatorLine> lines) {
        List<IndicatorLine> falling = lines.stream()
                .filter(l -> !StandardIndicators.LOWER_BETTER.contains(l.code()))
                .filter(l -> l.growth() != null && l.growth().signum() < 0)
                .toList();
        if (falling.isEmpty()) {
            return List.of();
        }
        if (falling.size() == 1) {
            IndicatorLine l = falling.get(0);
            return List.of(l.name() + Phrases.growth(l.growth()) + "。");
        }
        if (falling.size() <= FALLS_NAMED) {
            return List.of(falling.stream().map(IndicatorLine::name).collect(Collectors.joining("、"))
                    + "同比分别下降"
                    + falling.stream()
                            .map(l -> l.growth().negate().toPlainString() + "%")
                            .collect(Collectors.joining("、"))
                    + "。");
        }
        IndicatorLine worst = falling.stream()
                .min(Comparator.comparing(IndicatorLine::growth))
                .orElseThrow();
        return List.of(
                falling.stream().limit(FALLS_NAMED).map(IndicatorLine::name).collect(Collectors.joining("、"))
                        + "等" + falling.size() + "项指标同比下降，降幅最大的是" + worst.name() + "（" + Phrases.growth(worst.growth())
                        + "）。");
    }

    /** A lag behind time-elapsed progress; none for a stock or better-lower indicator. */
    static List<String> behind(IndicatorLine l, YearMonth m) {
        if (StandardIndicators.LOWER_BETTER.contains(l.code())) {
            return List.of();
        }
        BigDecimal gap = l.completion() == null || StandardIndicators.STOCK.contains(l.code())
                ? null
                : Figures.timeProgressGapPts(l.targetedValue(), l.annual(), m.getMonthValue());
        return gap != null && gap.signum() < 0
                ? List.of(l.name() + Phrases.completion(l.completion()) + "，" + Phrases.timeProgress(gap) + "。")
                : List.of();
    }

    private static String open(List<OpenProblem> open, YearMonth m, boolean city) {
        LocalDate end = Texts.cutoff(m);
        long overdue = open.stream()
                .filter(p -> p.dueOn() != null && p.dueOn().isBefore(end))
                .count();
        return "项目建设中尚未解决的问题" + open.size() + "个" + (overdue > 0 ? "，其中超过办结时限" + overdue + "个" : "") + "："
                + names(
                        open,
                        p -> (city ? p.parkName() + "·" : "") + p.project() + "，"
                                + (p.description() == null ? "问题" : p.description())
                                + (p.department() == null ? "" : "（责任单位：" + p.department() + "）")
                                + (p.dueOn() != null && p.dueOn().isBefore(end) ? "（已逾期，要求" + p.dueOn() + "前解决）" : ""))
                + "。";
    }

    /** Active parks with no value at all for the month. */
    static List<String> notReported(List<ParkInfo> parks, Set<String> reported, YearMonth m) {
        List<ParkInfo> missing =
                parks.stream().filter(p -> !reported.contains(p.code())).toList();
        return missing.isEmpty()
                ? List.of()
                : List.of(m.getMonthValue() + "月未报送经济指标的园区" + missing.size() + "个：" + names(missing, ParkInfo::name)
                        + "。");
    }

    private record Behind(String parkName, BigDecimal gap) {}

    /**
     * Per better-higher flow indicator, the parks behind time-elapsed progress, most behind first;
     * indicators in catalog order.
     */
    static List<String> behindParks(List<BehindPark> targeted, YearMonth m) {
        Map<String, List<Behind>> byIndicator = new LinkedHashMap<>();
        Map<String, String> indicatorNames = new LinkedHashMap<>();
        for (BehindPark r : targeted) {
            if (StandardIndicators.STOCK.contains(r.indicatorCode())
                    || StandardIndicators.LOWER_BETTER.contains(r.indicatorCode())) {
                continue;
            }
            BigDecimal gap = Figures.timeProgressGapPts(r.value(), r.annual(), m.getMonthValue());
            if (gap.signum() < 0) {
                // An indicator is one line per (code, name): a renamed indicator's parks are listed under each name.
                String key = r.indicatorCode() + "\u0000" + r.indicatorName();
                indicatorNames.put(key, r.indicatorName());
                byIndicator.computeIfAbsent(key, k -> new ArrayList<>()).add(new Behind(r.parkName(), gap));
            }
        }
        List<String> out = new ArrayList<>();
        byIndicator.entrySet().stream()
                .sorted(Comparator.comparingInt(
                        e -> StandardIndicators.order(e.getKey().split("\u0000")[0])))
                .forEach(e -> {
                    List<Behind> parks = e.getValue().stream()
                            .sorted(Comparator.comparing(Behind::gap).thenComparing(Behind::parkName))
                            .toList();
                    out.add(indicatorNames.get(e.getKey()) + "欠时序进度的园区" + parks.size() + "个："
                            + names(parks, b -> b.parkName() + "（" + Phrases.points(b.gap()) + "）") + "。");
                });
        return out;
    }

    private static String label(SummaryProject p, boolean city) {
        return (city ? p.parkName() + "·" : "") + p.name();
    }

    private static String reasons(ScheduleRules.Status s, ScheduleRules.Colour colour) {
        return s.reasons().stream()
                .filter(r -> r.colour() == colour)
                .map(ScheduleRules.Reason::message)
                .collect(Collectors.joining("；"));
    }
}
