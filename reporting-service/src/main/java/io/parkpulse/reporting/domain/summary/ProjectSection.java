package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Texts.sum;
import static io.parkpulse.reporting.domain.summary.Texts.withinYearToDate;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.reporting.domain.Report.Section;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 二、项目建设: the projects in the library, this year's starts and investment, and the battle-map colours. */
final class ProjectSection {

    static final String HEADING = "二、项目建设";

    private ProjectSection() {}

    /** Terminated projects are out of the library but their starts, completions and productions this year still count. */
    static Section of(String subject, List<SummaryProject> projects, YearMonth m, int stalledMonths) {
        List<SummaryProject> live = projects.stream()
                .filter(p -> p.stage() != ProjectStage.TERMINATED)
                .toList();
        if (live.isEmpty()) {
            return new Section(
                    HEADING, List.of("截至" + m.getMonthValue() + "月末，" + subject + "尚无在库项目。"), List.of(), null);
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(library(subject, live, m));
        keyProjects(live).ifPresent(paragraphs::add);
        paragraphs.add(yearToDate(projects, live, m));
        paragraphs.add(colours(live, m, stalledMonths));
        return new Section(HEADING, paragraphs, List.of(), null);
    }

    private static String library(String subject, List<SummaryProject> live, YearMonth m) {
        Map<ProjectStage, Long> byStage = live.stream()
                .collect(Collectors.groupingBy(
                        SummaryProject::stage, () -> new EnumMap<>(ProjectStage.class), Collectors.counting()));
        String stages = byStage.entrySet().stream()
                .map(e -> e.getKey().label + e.getValue() + "个")
                .collect(Collectors.joining("、"));
        long key = live.stream().filter(SummaryProject::key).count();
        StringBuilder p = new StringBuilder("截至" + m.getMonthValue() + "月末，" + subject + "在库项目" + live.size() + "个，总投资"
                + Phrases.wanYuan(sum(live, SummaryProject::total)) + "，其中" + stages);
        if (key > 0) {
            p.append("；省、市重点项目").append(key).append("个");
        }
        return p.append("。").toString();
    }

    /** How many projects the progress paragraph names; reports name the few that matter. */
    static final int KEY_PROJECTS_NAMED = 5;

    /**
     * 重点项目进展: the key projects (provincial or municipal; else the largest) that reported progress by the
     * month, each with its stage, physical progress and the milestone text its office wrote, as reports do.
     */
    static java.util.Optional<String> keyProjects(List<SummaryProject> live) {
        List<SummaryProject> reported = live.stream()
                .filter(p -> p.physicalProgress() != null
                        || (p.milestones() != null && !p.milestones().isBlank()))
                .toList();
        List<SummaryProject> key = reported.stream().filter(SummaryProject::key).toList();
        List<SummaryProject> named = (key.isEmpty() ? reported : key)
                .stream()
                        .sorted(java.util.Comparator.comparing(SummaryProject::total)
                                .reversed()
                                .thenComparing(SummaryProject::name))
                        .limit(KEY_PROJECTS_NAMED)
                        .toList();
        if (named.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean city = named.stream().map(SummaryProject::park).distinct().count() > 1;
        String items = named.stream().map(p -> progress(p, city)).collect(Collectors.joining("；"));
        return java.util.Optional.of((key.isEmpty() ? "主要项目进展：" : "重点项目进展：") + items + "。");
    }

    private static String progress(SummaryProject p, boolean city) {
        StringBuilder b = new StringBuilder();
        b.append(city ? p.parkName() + p.name() : p.name())
                .append("（总投资")
                .append(Phrases.wanYuan(p.total()))
                .append("，")
                .append(p.stage().label);
        if (p.physicalProgress() != null) {
            b.append("，形象进度").append(Phrases.percent(p.physicalProgress()));
        }
        b.append("）");
        if (p.milestones() != null && !p.milestones().isBlank()) {
            String text = p.milestones().strip().replaceAll("[。；;.\\s]+$", "");
            b.append("，").append(text);
        }
        return b.toString();
    }

    private static String yearToDate(List<SummaryProject> projects, List<SummaryProject> live, YearMonth m) {
        long starts = projects.stream()
                .filter(p -> withinYearToDate(p.startedOn(), m))
                .count();
        long completions = projects.stream()
                .filter(p -> withinYearToDate(p.completedOn(), m))
                .count();
        long productions = projects.stream()
                .filter(p -> withinYearToDate(p.productionOn(), m))
                .count();
        // A count of nothing is not news: only what happened is written.
        List<String> events = new ArrayList<>();
        if (starts > 0) {
            events.add("新开工项目" + starts + "个");
        }
        if (completions > 0) {
            events.add("新竣工" + completions + "个");
        }
        if (productions > 0) {
            events.add("新投产" + productions + "个");
        }
        StringBuilder p = new StringBuilder(Phrases.months(m) + "，"
                + (events.isEmpty() ? "" : String.join("、", events) + "；")
                + "项目累计完成投资" + Phrases.wanYuan(sum(live, SummaryProject::completed)));
        List<SummaryProject> planned = live.stream()
                .filter(x -> x.yearPlan() != null && x.yearPlan().signum() > 0)
                .toList();
        if (!planned.isEmpty()) {
            BigDecimal plan = sum(planned, SummaryProject::yearPlan);
            BigDecimal done = sum(planned, SummaryProject::thisYear);
            p.append("，本年完成投资")
                    .append(Phrases.wanYuan(done))
                    .append("，完成年度计划")
                    .append(Phrases.wanYuan(plan))
                    .append("的")
                    .append(Figures.ratioPct(done, plan).toPlainString())
                    .append("%，")
                    .append(Phrases.timeProgress(Figures.timeProgressGapPts(done, plan, m.getMonthValue())));
        }
        return p.append("。").toString();
    }

    private static String colours(List<SummaryProject> live, YearMonth m, int stalledMonths) {
        Map<ScheduleRules.Colour, Long> colours = live.stream()
                .filter(p -> p.status() != null)
                .collect(Collectors.groupingBy(p -> p.status().colour(), Collectors.counting()));
        long stalled = live.stream()
                .filter(p -> p.status() != null && p.status().stalled())
                .count();
        return "按挂图作战规则，截至" + m.getMonthValue() + "月末绿灯项目" + colours.getOrDefault(ScheduleRules.Colour.GREEN, 0L)
                + "个、黄灯" + colours.getOrDefault(ScheduleRules.Colour.YELLOW, 0L) + "个、红灯"
                + colours.getOrDefault(ScheduleRules.Colour.RED, 0L) + "个，连续" + stalledMonths
                + "个月以上无进展报告的项目"
                + stalled + "个。";
    }
}
