package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.common.projects.ScheduleSettings;
import io.parkpulse.reporting.domain.Report;
import io.parkpulse.reporting.domain.Report.Section;
import io.parkpulse.reporting.domain.Report.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The written summary of a park or of the city, year to date as of a period's last month, in the five
 * sections bureau reports use. Every number comes from the read model; a section with no data says
 * so instead of inventing a sentence. docs/reporting.md lists what each section draws on.
 */
@ApplicationScoped
@Transactional
public class Summaries {

    /** How many names a list in a city sentence carries before "等N个". */
    static final int NAMES = 10;

    @Inject
    EntityManager em;

    @Inject
    CrossFigures cross;

    @Inject
    ScheduleSettings schedule;

    @ConfigProperty(name = "parkpulse.city.name", defaultValue = "全市")
    String cityName;

    record Park(String code, String name, BigDecimal land) {}

    /** One indicator of one park (or summed over the city) with what its phrases need. */
    record Line(
            String code,
            String name,
            String unit,
            BigDecimal value,
            BigDecimal comparableNow,
            BigDecimal lastYear,
            BigDecimal targetedValue,
            BigDecimal annual,
            BigDecimal planned) {

        BigDecimal growth() {
            return Figures.growthPct(comparableNow, lastYear);
        }

        BigDecimal completion() {
            return Figures.ratioPct(targetedValue, annual);
        }
    }

    record Project(
            String park,
            String parkName,
            String name,
            ProjectStage stage,
            String keyLevel,
            BigDecimal total,
            BigDecimal completed,
            BigDecimal yearPlan,
            BigDecimal thisYear,
            LocalDate startedOn,
            LocalDate completedOn,
            LocalDate productionOn,
            ScheduleRules.Status status) {}

    record Problem(
            String park, String parkName, String project, String description, String department, LocalDate dueOn) {}

    public Report park(String code, ReportingPeriod period) {
        Park park = park(code);
        YearMonth m = period.lastMonth();
        String months = m.getYear() + "年" + Phrases.months(m);
        List<Line> lines = lines(code, m);
        List<Project> projects = projects(code, m);
        List<Problem> open = openProblems(code, m);
        List<Section> sections = new ArrayList<>();
        sections.add(indicators(park.name(), lines, m, park.land()));
        sections.add(projectSection(park.name(), projects, m));
        sections.add(investment(code, park.name(), period));
        sections.add(new Section("四、存在的问题", List.of(), problems(lines, projects, open, m, false), null));
        sections.add(parkAssessment(code, park.name(), m));
        return new Report(park.name() + months + "经济运行情况", basis(period), sections);
    }

    public Report city(ReportingPeriod period) {
        YearMonth m = period.lastMonth();
        Map<String, Park> parks = activeParks();
        List<Line> lines = lines(null, m);
        List<Project> projects = projects(null, m);
        List<Problem> open = openProblems(null, m);
        List<Section> sections = new ArrayList<>();
        Section indicators = indicators(cityName + parks.size() + "个园区", lines, m, null);
        List<String> paragraphs = new ArrayList<>(indicators.paragraphs());
        leaders(m).ifPresent(paragraphs::add);
        sections.add(new Section(indicators.heading(), paragraphs, List.of(), null));
        sections.add(projectSection(cityName + "园区", projects, m));
        sections.add(investment(null, cityName + "园区", period));
        List<String> problems = new ArrayList<>(notReported(parks, m));
        problems.addAll(behindParks(m));
        problems.addAll(problems(List.of(), projects, open, m, true));
        sections.add(new Section("四、存在的问题", List.of(), problems.isEmpty() ? List.of() : problems, null)
                .paragraphsIfEmpty("本期数据未显示未报送园区、欠时序进度的园区、红灯或停滞项目和未解决的问题。"));
        sections.add(cityAssessment(m));
        return new Report(
                cityName + "工业园区" + m.getYear() + "年" + Phrases.months(m) + "经济运行情况", basis(period), sections);
    }

    private String basis(ReportingPeriod period) {
        return "依据ParkPulse报表读模型中截至" + period.lastMonth().getYear() + "年"
                + period.lastMonth().getMonthValue() + "月的数据自动生成（期间 " + period.text() + "，累计数为年初至该月）；未报送的数据不作推算。";
    }

    // 一、主要经济指标完成情况

    private Section indicators(String subject, List<Line> lines, YearMonth m, BigDecimal land) {
        String heading = "一、主要经济指标完成情况";
        if (lines.isEmpty()) {
            return new Section(
                    heading, List.of(m.getYear() + "年" + m.getMonthValue() + "月尚无上报的经济指标数据。"), List.of(), null);
        }
        List<String> sentences = lines.stream().map(l -> sentence(l, m)).toList();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(Phrases.months(m) + "，" + subject + String.join("；", sentences) + "。");
        if (land != null && land.signum() > 0) {
            List<String> perMu = new ArrayList<>();
            for (Line l : lines) {
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
        return new Section(heading, paragraphs, List.of(), null);
    }

    static final Map<String, String> PER_MU =
            Map.of("tax_revenue", "亩均税收", "industrial_value_added", "亩均工业增加值", "industrial_output", "亩均工业总产值");

    static String sentence(Line l, YearMonth m) {
        StringBuilder s = new StringBuilder(l.name()).append(Phrases.amount(l.value(), l.unit()));
        BigDecimal growth = l.growth();
        if (growth != null) {
            s.append("，").append(Phrases.growth(growth));
        }
        BigDecimal completion = l.completion();
        if (completion != null && !StandardIndicators.LOWER_BETTER.contains(l.code())) {
            s.append("，").append(Phrases.completion(completion));
            if (!StandardIndicators.STOCK.contains(l.code())) {
                Phrases.DoubleHalf dh =
                        m.getMonthValue() == 6 ? Phrases.doubleHalf(completion, growth, l.planned()) : null;
                s.append("，")
                        .append(
                                dh != null
                                        ? dh.text().replace(",", "，")
                                        : Phrases.timeProgress(Figures.timeProgressGapPts(
                                                l.targetedValue(), l.annual(), m.getMonthValue())));
            }
        }
        return s.toString();
    }

    /** The three parks with the most of the first main indicator reported this month. */
    @SuppressWarnings("unchecked")
    private java.util.Optional<String> leaders(YearMonth m) {
        for (String code : StandardIndicators.ORDER) {
            List<Object[]> rows = em.createNativeQuery("""
                    select r.name, i.value, i.unit, i.indicator_name from indicator_fact i join park_replica r on r.code = i.park_code
                     where r.status = 'ACTIVE' and i.indicator_code = ?1 and i.period = ?2 order by i.value desc, r.code limit 3
                    """)
                    .setParameter(1, code)
                    .setParameter(2, m.toString())
                    .getResultList();
            if (rows.size() >= 2) {
                String names = rows.stream()
                        .map(r -> r[0] + "（" + Phrases.amount((BigDecimal) r[1], (String) r[2]) + "）")
                        .collect(Collectors.joining("、"));
                return java.util.Optional.of(rows.get(0)[3] + "居前" + rows.size() + "位的园区依次是" + names + "。");
            }
        }
        return java.util.Optional.empty();
    }

    // 二、项目建设

    private Section projectSection(String subject, List<Project> projects, YearMonth m) {
        String heading = "二、项目建设";
        List<Project> live = projects.stream()
                .filter(p -> p.stage() != ProjectStage.TERMINATED)
                .toList();
        if (live.isEmpty()) {
            return new Section(
                    heading, List.of("截至" + m.getMonthValue() + "月末，" + subject + "尚无在库项目。"), List.of(), null);
        }
        List<String> paragraphs = new ArrayList<>();
        BigDecimal total = sum(live, Project::total);
        Map<ProjectStage, Long> byStage = live.stream()
                .collect(Collectors.groupingBy(
                        Project::stage, () -> new java.util.EnumMap<>(ProjectStage.class), Collectors.counting()));
        String stages = byStage.entrySet().stream()
                .map(e -> e.getKey().label + e.getValue() + "个")
                .collect(Collectors.joining("、"));
        long key = live.stream()
                .filter(p -> "PROVINCIAL".equals(p.keyLevel()) || "MUNICIPAL".equals(p.keyLevel()))
                .count();
        StringBuilder p1 = new StringBuilder("截至" + m.getMonthValue() + "月末，" + subject + "在库项目" + live.size() + "个，总投资"
                + Phrases.wanYuan(total) + "，其中" + stages);
        if (key > 0) {
            p1.append("；省、市重点项目").append(key).append("个");
        }
        paragraphs.add(p1.append("。").toString());
        LocalDate from = m.withMonth(1).atDay(1);
        LocalDate to = m.atEndOfMonth();
        long starts =
                projects.stream().filter(p -> within(p.startedOn(), from, to)).count();
        long completions =
                projects.stream().filter(p -> within(p.completedOn(), from, to)).count();
        long productions = projects.stream()
                .filter(p -> within(p.productionOn(), from, to))
                .count();
        StringBuilder p2 = new StringBuilder(Phrases.months(m) + "，新开工项目" + starts + "个，新竣工" + completions + "个，新投产"
                + productions + "个；项目累计完成投资" + Phrases.wanYuan(sum(live, Project::completed)));
        List<Project> planned = live.stream()
                .filter(p -> p.yearPlan() != null && p.yearPlan().signum() > 0)
                .toList();
        if (!planned.isEmpty()) {
            BigDecimal plan = sum(planned, Project::yearPlan);
            BigDecimal done = sum(planned, Project::thisYear);
            p2.append("，本年完成投资")
                    .append(Phrases.wanYuan(done))
                    .append("，完成年度计划")
                    .append(Phrases.wanYuan(plan))
                    .append("的")
                    .append(Figures.ratioPct(done, plan).toPlainString())
                    .append("%，")
                    .append(Phrases.timeProgress(Figures.timeProgressGapPts(done, plan, m.getMonthValue())));
        }
        paragraphs.add(p2.append("。").toString());
        Map<ScheduleRules.Colour, Long> colours = live.stream()
                .filter(p -> p.status() != null)
                .collect(Collectors.groupingBy(p -> p.status().colour(), Collectors.counting()));
        long stalled = live.stream()
                .filter(p -> p.status() != null && p.status().stalled())
                .count();
        paragraphs.add(
                "按挂图作战规则，截至" + m.getMonthValue() + "月末绿灯项目" + colours.getOrDefault(ScheduleRules.Colour.GREEN, 0L)
                        + "个、黄灯" + colours.getOrDefault(ScheduleRules.Colour.YELLOW, 0L) + "个、红灯"
                        + colours.getOrDefault(ScheduleRules.Colour.RED, 0L) + "个，连续" + schedule.stalledMonths()
                        + "个月以上无进展报告的项目"
                        + stalled + "个。");
        return new Section(heading, paragraphs, List.of(), null);
    }

    // 三、招商引资

    @SuppressWarnings("unchecked")
    private Section investment(String park, String subject, ReportingPeriod period) {
        YearMonth m = period.lastMonth();
        LocalDate from = m.withMonth(1).atDay(1);
        LocalDate to = m.atEndOfMonth();
        Object[] leads = (Object[]) em.createNativeQuery("""
                select count(*) filter (where l.signed_on between ?2 and ?3),
                       coalesce(sum(coalesce(l.contracted_investment, l.intended_investment)) filter (where l.signed_on between ?2 and ?3), 0),
                       count(*) filter (where l.landed_on between ?2 and ?3),
                       count(*) filter (where l.stage in ('LEAD', 'NEGOTIATING')),
                       coalesce(sum(l.intended_investment) filter (where l.stage in ('LEAD', 'NEGOTIATING')), 0),
                       count(*) filter (where l.signed_on between ?4 and ?5),
                       coalesce(sum(coalesce(l.contracted_investment, l.intended_investment)) filter (where l.signed_on between ?4 and ?5), 0)
                  from lead_fact l join park_replica r on r.code = l.park_code
                 where r.status = 'ACTIVE' and (cast(?1 as varchar) is null or l.park_code = ?1)
                """)
                .setParameter(1, park)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, from.minusYears(1))
                .setParameter(5, to.minusYears(1))
                .getSingleResult();
        Object[] funds = (Object[]) em.createNativeQuery("""
                select coalesce(sum(f.amount) filter (where f.period between ?2 and ?3), 0),
                       coalesce(sum(f.amount) filter (where f.period between ?4 and ?5), 0)
                  from funds_fact f join park_replica r on r.code = f.park_code
                 where r.status = 'ACTIVE' and (cast(?1 as varchar) is null or f.park_code = ?1)
                """)
                .setParameter(1, park)
                .setParameter(2, m.withMonth(1).toString())
                .setParameter(3, m.toString())
                .setParameter(4, m.minusYears(1).withMonth(1).toString())
                .setParameter(5, m.minusYears(1).toString())
                .getSingleResult();
        long signed = n(leads[0]);
        BigDecimal signedAmount = (BigDecimal) leads[1];
        List<String> paragraphs = new ArrayList<>();
        StringBuilder p1 = new StringBuilder(
                Phrases.months(m) + "，" + subject + "新签约项目" + signed + "个，合同投资额" + Phrases.wanYuan(signedAmount));
        BigDecimal amountGrowth = Figures.growthPct(signedAmount, (BigDecimal) leads[6]);
        if (amountGrowth != null) {
            p1.append("，").append(Phrases.growth(amountGrowth));
        } else if (n(leads[5]) == 0) {
            p1.append("（上年同期无签约项目）");
        }
        p1.append("；新落地项目")
                .append(n(leads[2]))
                .append("个；在谈、储备项目")
                .append(n(leads[3]))
                .append("个，意向投资")
                .append(Phrases.wanYuan((BigDecimal) leads[4]))
                .append("。");
        paragraphs.add(p1.toString());
        BigDecimal inPlace = (BigDecimal) funds[0];
        BigDecimal fundsGrowth = Figures.growthPct(inPlace, (BigDecimal) funds[1]);
        paragraphs.add(Phrases.months(m) + "实际到位资金" + Phrases.wanYuan(inPlace)
                + (fundsGrowth == null ? "" : "，" + Phrases.growth(fundsGrowth)) + "。");
        List<CrossFigures.Park> rows = cross.of(park, period);
        long all = rows.stream().mapToLong(CrossFigures.Park::signed).sum();
        if (all > 0) {
            long landed = rows.stream().mapToLong(CrossFigures.Park::landed).sum();
            long started = rows.stream().mapToLong(CrossFigures.Park::started).sum();
            long completed =
                    rows.stream().mapToLong(CrossFigures.Park::completed).sum();
            long producing =
                    rows.stream().mapToLong(CrossFigures.Park::inProduction).sum();
            paragraphs.add("截至" + m.getMonthValue() + "月末累计签约项目" + all + "个，已落地" + landed + "个（履约率" + pct(landed, all)
                    + "），开工" + started + "个（开工率" + pct(started, all) + "），竣工" + completed + "个（建成率"
                    + pct(completed, all)
                    + "），投产" + producing + "个（投产率" + pct(producing, all) + "）。");
        }
        return new Section("三、招商引资", paragraphs, List.of(), null);
    }

    // 四、存在的问题

    private List<String> problems(
            List<Line> lines, List<Project> projects, List<Problem> open, YearMonth m, boolean city) {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            if (StandardIndicators.LOWER_BETTER.contains(l.code())) {
                continue;
            }
            BigDecimal growth = l.growth();
            if (growth != null && growth.signum() < 0) {
                out.add(l.name() + Phrases.growth(growth) + "。");
            }
            BigDecimal gap = l.completion() == null || StandardIndicators.STOCK.contains(l.code())
                    ? null
                    : Figures.timeProgressGapPts(l.targetedValue(), l.annual(), m.getMonthValue());
            if (gap != null && gap.signum() < 0) {
                out.add(l.name() + Phrases.completion(l.completion()) + "，" + Phrases.timeProgress(gap) + "。");
            }
        }
        List<Project> red = projects.stream()
                .filter(p -> p.status() != null && p.status().colour() == ScheduleRules.Colour.RED)
                .sorted(Comparator.comparing(Project::total).reversed().thenComparing(Project::name))
                .toList();
        if (!red.isEmpty()) {
            out.add("红灯项目" + red.size() + "个："
                    + names(red, p -> label(p, city) + "（" + reasons(p.status(), ScheduleRules.Colour.RED) + "）")
                    + "。");
        }
        List<Project> stalled = projects.stream()
                .filter(p ->
                        p.status() != null && p.status().stalled() && p.status().colour() != ScheduleRules.Colour.RED)
                .toList();
        if (!stalled.isEmpty()) {
            out.add("连续" + schedule.stalledMonths() + "个月以上无进展报告的项目" + stalled.size() + "个："
                    + names(stalled, p -> label(p, city) + "（" + p.status().monthsWithoutProgress() + "个月）") + "。");
        }
        if (!open.isEmpty()) {
            LocalDate end = m.atEndOfMonth();
            long overdue = open.stream()
                    .filter(p -> p.dueOn() != null && p.dueOn().isBefore(end))
                    .count();
            out.add("项目建设中尚未解决的问题" + open.size() + "个" + (overdue > 0 ? "，其中超过办结时限" + overdue + "个" : "") + "："
                    + names(
                            open,
                            p -> (city ? p.parkName() + "·" : "") + p.project() + "，"
                                    + (p.description() == null ? "问题" : p.description())
                                    + (p.department() == null ? "" : "（责任单位：" + p.department() + "）")
                                    + (p.dueOn() != null && p.dueOn().isBefore(end)
                                            ? "（已逾期，要求" + p.dueOn() + "前解决）"
                                            : ""))
                    + "。");
        }
        if (out.isEmpty() && !city) {
            out.add("从本期数据看，各项有目标的指标均达到时序进度、无同比下降，无红灯或停滞项目，无未解决的项目问题。");
        }
        return out;
    }

    private static String label(Project p, boolean city) {
        return (city ? p.parkName() + "·" : "") + p.name();
    }

    private static String reasons(ScheduleRules.Status s, ScheduleRules.Colour colour) {
        return s.reasons().stream()
                .filter(r -> r.colour() == colour)
                .map(ScheduleRules.Reason::message)
                .collect(Collectors.joining("；"));
    }

    /** Active parks with no value at all for the month. */
    @SuppressWarnings("unchecked")
    private List<String> notReported(Map<String, Park> parks, YearMonth m) {
        List<String> reported = em.createNativeQuery("select distinct park_code from indicator_fact where period = ?1")
                .setParameter(1, m.toString())
                .getResultList();
        List<Park> missing = parks.values().stream()
                .filter(p -> !reported.contains(p.code()))
                .toList();
        return missing.isEmpty()
                ? List.of()
                : List.of(m.getMonthValue() + "月未报送经济指标的园区" + missing.size() + "个：" + names(missing, Park::name) + "。");
    }

    /** Per indicator with targets: the parks behind time-elapsed progress, most behind first. */
    @SuppressWarnings("unchecked")
    private List<String> behindParks(YearMonth m) {
        List<Object[]> rows = em.createNativeQuery("""
                select i.indicator_code, i.indicator_name, r.name, i.value, t.annual
                  from indicator_fact i join park_replica r on r.code = i.park_code and r.status = 'ACTIVE'
                  join target_fact t on t.park_code = i.park_code and t.indicator_code = i.indicator_code and t.year = ?2
                 where i.period = ?1 and t.annual > 0
                """)
                .setParameter(1, m.toString())
                .setParameter(2, m.getYear())
                .getResultList();
        Map<String, List<Object[]>> byIndicator = new LinkedHashMap<>();
        for (Object[] r : rows) {
            if (StandardIndicators.STOCK.contains((String) r[0])
                    || StandardIndicators.LOWER_BETTER.contains((String) r[0])) {
                continue;
            }
            BigDecimal gap = Figures.timeProgressGapPts((BigDecimal) r[3], (BigDecimal) r[4], m.getMonthValue());
            if (gap.signum() < 0) {
                byIndicator
                        .computeIfAbsent(r[0] + "\u0000" + r[1], k -> new ArrayList<>())
                        .add(new Object[] {r[2], gap});
            }
        }
        List<String> out = new ArrayList<>();
        byIndicator.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> order(e.getKey().split("\u0000")[0])))
                .forEach(e -> {
                    List<Object[]> parks = e.getValue().stream()
                            .sorted(Comparator.comparing((Object[] r) -> (BigDecimal) r[1])
                                    .thenComparing(r -> (String) r[0]))
                            .toList();
                    out.add(e.getKey().split("\u0000")[1] + "欠时序进度的园区" + parks.size() + "个："
                            + names(parks, r -> r[0] + "（" + Phrases.points((BigDecimal) r[1]) + "）") + "。");
                });
        return out;
    }

    // 五、考核排名

    @SuppressWarnings("unchecked")
    private Section parkAssessment(String code, String name, YearMonth m) {
        String heading = "五、考核排名";
        Object[] run = latestRun(m);
        if (run == null) {
            return new Section(heading, List.of("截至本期尚无已发布的季度考核结果。"), List.of(), null);
        }
        List<Object[]> rows = em.createNativeQuery("""
                select total, rank, rank_change, tier, disqualified, (select count(*) from assessment_result x where x.assessment_id = ?1)
                  from assessment_result where assessment_id = ?1 and park_code = ?2
                """)
                .setParameter(1, run[0])
                .setParameter(2, code)
                .getResultList();
        String quarter = quarterLabel((String) run[1]);
        if (rows.isEmpty()) {
            return new Section(heading, List.of(name + "未参加" + quarter + "考核。"), List.of(), null);
        }
        Object[] r = rows.get(0);
        StringBuilder s = new StringBuilder(quarter + "考核按《" + run[3] + "》第" + run[4] + "版评分" + revision(run) + "，"
                + name + "得分" + score((BigDecimal) r[0]) + "分");
        if (Boolean.TRUE.equals(r[4])) {
            s.append("，因一票否决事项不参加排名");
        } else {
            s.append("，在")
                    .append(n(r[5]))
                    .append("个参评园区中排名第")
                    .append(r[1])
                    .append("位")
                    .append(change((Integer) r[2]));
            if (r[3] != null) {
                s.append("，评定为").append(tier((String) r[3]));
            }
        }
        return new Section(heading, List.of(s.append("。").toString()), List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private Section cityAssessment(YearMonth m) {
        String heading = "五、考核排名";
        Object[] run = latestRun(m);
        if (run == null) {
            return new Section(heading, List.of("截至本期尚无已发布的季度考核结果。"), List.of(), null);
        }
        List<Object[]> rows = em.createNativeQuery("""
                select rank, park_name, total, tier, rank_change, disqualified from assessment_result where assessment_id = ?1
                 order by disqualified, rank nulls last, total desc, park_code
                """).setParameter(1, run[0]).getResultList();
        List<List<String>> table = rows.stream()
                .map(r -> List.of(
                        r[0] == null ? "—" : r[0].toString(),
                        (String) r[1],
                        score((BigDecimal) r[2]),
                        Boolean.TRUE.equals(r[5]) ? "一票否决" : r[3] == null ? "—" : tier((String) r[3]),
                        r[4] == null ? "—" : change((Integer) r[4]).replaceFirst("^，较上季度", "")))
                .toList();
        String text = quarterLabel((String) run[1]) + "考核按《" + run[3] + "》第" + run[4] + "版进行" + revision(run) + "，"
                + rows.size() + "个园区参评，结果如下。";
        return new Section(
                heading, List.of(text), List.of(), new Table(List.of("排名", "园区", "得分（分）", "档次", "较上季度"), table));
    }

    /** The latest revision of the latest quarter assessed that ended by the month: id, quarter, revision, scheme name, version. */
    @SuppressWarnings("unchecked")
    private Object[] latestRun(YearMonth m) {
        YearMonth quarterEnd = m.minusMonths(m.getMonthValue() % 3);
        String last = quarterEnd.getYear() + "-Q" + (quarterEnd.getMonthValue() / 3);
        List<Object[]> rows = em.createNativeQuery("""
                select a.id, a.quarter, a.revision, s.name, a.scheme_version
                  from assessment a join assessment_scheme s on s.code = a.scheme_code and s.version = a.scheme_version
                 where a.quarter <= ?1 order by a.quarter desc, a.revision desc limit 1
                """).setParameter(1, last).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String revision(Object[] run) {
        int r = ((Number) run[2]).intValue();
        return r > 1 ? "，第" + r + "次修订" : "";
    }

    static String score(BigDecimal total) {
        return total.stripTrailingZeros().toPlainString();
    }

    /** "A档" for a letter band, the label itself for a named one ("优秀"). */
    static String tier(String tier) {
        return tier.matches("[A-Za-z0-9]{1,2}") ? tier + "档" : tier;
    }

    static String quarterLabel(String quarter) {
        return quarter.substring(0, 4) + "年第" + "一二三四".charAt(quarter.charAt(6) - '1') + "季度";
    }

    static String change(Integer c) {
        if (c == null) {
            return "";
        }
        return c == 0 ? "，较上季度持平" : c > 0 ? "，较上季度上升" + c + "位" : "，较上季度下降" + (-c) + "位";
    }

    // Reading the read model

    @SuppressWarnings("unchecked")
    private Park park(String code) {
        List<Object[]> rows = em.createNativeQuery(
                        "select code, name, developed_land_mu from park_replica where code = ?1")
                .setParameter(1, code)
                .getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("park", code);
        }
        return new Park((String) rows.get(0)[0], (String) rows.get(0)[1], (BigDecimal) rows.get(0)[2]);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Park> activeParks() {
        Map<String, Park> out = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                        "select code, name, developed_land_mu from park_replica where status = 'ACTIVE' order by code")
                .getResultList()) {
            out.put((String) r[0], new Park((String) r[0], (String) r[1], (BigDecimal) r[2]));
        }
        return out;
    }

    /**
     * The month's values of one park, or summed over the active parks. Growth compares like with like
     * (only parks that reported both years), completion only the parks that have a target.
     */
    @SuppressWarnings("unchecked")
    private List<Line> lines(String park, YearMonth m) {
        List<Object[]> rows = em.createNativeQuery("""
                select i.indicator_code, max(i.indicator_name), max(i.unit), sum(i.value),
                       sum(i.value) filter (where ly.value is not null), sum(ly.value),
                       sum(i.value) filter (where t.annual > 0), sum(t.annual) filter (where t.annual > 0),
                       max(t.planned_growth_pct)
                  from indicator_fact i join park_replica r on r.code = i.park_code
                  left join indicator_fact ly on ly.park_code = i.park_code and ly.indicator_code = i.indicator_code and ly.period = ?3
                  left join target_fact t on t.park_code = i.park_code and t.indicator_code = i.indicator_code and t.year = ?4
                 where i.period = ?2 and (cast(?1 as varchar) is null and r.status = 'ACTIVE' or i.park_code = ?1)
                 group by i.indicator_code
                """)
                .setParameter(1, park)
                .setParameter(2, m.toString())
                .setParameter(3, m.minusYears(1).toString())
                .setParameter(4, m.getYear())
                .getResultList();
        return rows.stream()
                .map(r -> new Line(
                        (String) r[0],
                        Objects.toString(r[1], (String) r[0]),
                        (String) r[2],
                        (BigDecimal) r[3],
                        (BigDecimal) r[4],
                        (BigDecimal) r[5],
                        (BigDecimal) r[6],
                        (BigDecimal) r[7],
                        park == null ? null : (BigDecimal) r[8]))
                .sorted(Comparator.comparingInt((Line l) -> order(l.code())).thenComparing(Line::code))
                .toList();
    }

    private static int order(String code) {
        int i = StandardIndicators.ORDER.indexOf(code);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** Projects signed by the month's end, judged with the battle-map rules as of that month. */
    @SuppressWarnings("unchecked")
    private List<Project> projects(String park, YearMonth m) {
        List<Object[]> rows = em.createNativeQuery("""
                select p.park_code, r.name, p.name, p.stage, p.key_level, p.total_investment, p.investment_completed,
                       p.plan_year, p.year_planned_investment, p.investment_this_year, p.started_on, p.completed_on,
                       p.production_on, p.stage_since, p.planned_start, p.planned_completion, p.physical_progress, p.progress_period
                  from project_fact p join park_replica r on r.code = p.park_code
                 where (cast(?1 as varchar) is null and r.status = 'ACTIVE' or p.park_code = ?1)
                   and (p.signed_on is null or p.signed_on <= ?2)
                """)
                .setParameter(1, park)
                .setParameter(2, m.atEndOfMonth())
                .getResultList();
        List<Project> out = new ArrayList<>();
        for (Object[] r : rows) {
            ProjectStage stage;
            try {
                stage = ProjectStage.valueOf((String) r[3]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            YearMonth last = r[17] == null ? null : YearMonth.parse((String) r[17]);
            boolean sameYear = last != null && last.getYear() == m.getYear() && !last.isAfter(m);
            BigDecimal yearPlan = r[7] != null && ((Number) r[7]).intValue() == m.getYear() ? (BigDecimal) r[8] : null;
            BigDecimal thisYear = sameYear ? (BigDecimal) r[9] : null;
            LocalDate stageSince = date(r[13]);
            ScheduleRules.Status status = stageSince == null
                    ? null
                    : ScheduleRules.evaluate(
                            new ScheduleRules.Facts(
                                    stage,
                                    stageSince,
                                    date(r[14]),
                                    date(r[15]),
                                    (BigDecimal) r[5],
                                    yearPlan,
                                    (BigDecimal) r[6],
                                    thisYear,
                                    (BigDecimal) r[16],
                                    last),
                            m,
                            schedule.thresholds());
            out.add(new Project(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    stage,
                    (String) r[4],
                    (BigDecimal) r[5],
                    (BigDecimal) r[6],
                    yearPlan,
                    thisYear,
                    date(r[10]),
                    date(r[11]),
                    date(r[12]),
                    status));
        }
        out.sort(Comparator.comparing(Project::park).thenComparing(Project::name));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Problem> openProblems(String park, YearMonth m) {
        LocalDate end = m.atEndOfMonth();
        List<Object[]> rows = em.createNativeQuery("""
                select q.park_code, r.name, coalesce(p.name, '未知项目'), q.description, q.department, q.due_on
                  from problem_fact q join park_replica r on r.code = q.park_code
                  left join project_fact p on p.id = q.project_id
                 where (cast(?1 as varchar) is null and r.status = 'ACTIVE' or q.park_code = ?1)
                   and q.raised_on <= ?2 and (q.resolved_on is null or q.resolved_on > ?2)
                 order by q.due_on nulls last, q.raised_on, q.id
                """)
                .setParameter(1, park)
                .setParameter(2, end)
                .getResultList();
        return rows.stream()
                .map(r -> new Problem(
                        (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], date(r[5])))
                .toList();
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    private static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> f) {
        return items.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <T> String names(List<T> items, Function<T, String> name) {
        String shown = items.stream().limit(NAMES).map(name).collect(Collectors.joining("；"));
        return items.size() > NAMES ? shown + "等" + items.size() + "个" : shown;
    }

    private static String pct(long part, long whole) {
        return Figures.ratioPct(BigDecimal.valueOf(part), BigDecimal.valueOf(whole))
                        .toPlainString() + "%";
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
