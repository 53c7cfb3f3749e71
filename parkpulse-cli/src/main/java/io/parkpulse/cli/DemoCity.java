package io.parkpulse.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A demo city, the same for the same seed: a dozen parks of every level and kind, two full years and
 * the current year of monthly indicators, and a few projects and leads per park. Magnitudes follow
 * the reports in shared/corpus (industrial output of tens to hundreds of 亿元 a year).
 */
public final class DemoCity {

    public record Park(
            String code,
            String name,
            String level,
            String kind,
            String district,
            BigDecimal areaKm2,
            BigDecimal landMu,
            long annualOutputWan,
            double growth) {}

    public record Value(String park, String period, String indicator, BigDecimal value, String unit) {}

    /**
     * A project as a park office would enter it: signed on a date, registered at the stage it has reached,
     * with this year's plan, one progress report per month since it started, perhaps stopped since a day,
     * perhaps with a problem in the ledger.
     */
    public record Project(
            String park,
            String name,
            String kind,
            String industry,
            String enterprise,
            BigDecimal totalInvestment,
            String keyLevel,
            LocalDate signedOn,
            String stage,
            LocalDate stageSince,
            LocalDate plannedStart,
            LocalDate plannedCompletion,
            BigDecimal yearPlan,
            List<Progress> progress,
            LocalDate suspendedOn,
            Problem problem) {}

    /** A monthly progress report: investment to date and this year, physical progress in %. */
    public record Progress(String period, BigDecimal investmentCompleted, BigDecimal thisYear, BigDecimal physical) {}

    public record Problem(String description, String department, LocalDate raisedOn, LocalDate dueOn) {}

    /**
     * A lead and how far it got: identified, then (if the dates are set) negotiating, signed for a contracted
     * amount, landed with funds arriving monthly.
     */
    public record Lead(
            String park,
            String projectName,
            String investor,
            String origin,
            String industry,
            BigDecimal intendedInvestment,
            LocalDate identifiedOn,
            LocalDate negotiatingOn,
            LocalDate signedOn,
            BigDecimal contracted,
            LocalDate landedOn,
            Map<String, BigDecimal> funds) {}

    /** An annual target the bureau sets: last year's total and a planned growth of 8–14 %. */
    public record Target(String park, String indicator, int year, BigDecimal annual) {}

    /** The indicators the bureau sets annual targets for. */
    static final List<String> TARGETED = List.of("industrial_output", "tax_revenue", "fixed_asset_investment");

    /** Share of a year's flow in each month, in percent (Spring Festival lowers January and February). */
    private static final double[] MONTH_SHARE = {6.0, 6.0, 9.0, 8.5, 8.5, 9.0, 8.0, 8.0, 8.5, 9.0, 9.5, 10.0};

    private static final Object[][] PARKS = {
        {"JB-ETDZ", "江北经济技术开发区", "NATIONAL", "ECONOMIC_DEVELOPMENT_ZONE", "江北区", 38.6, 21500},
        {"GX-HTZ", "高新技术产业开发区", "NATIONAL", "HIGH_TECH_ZONE", "高新区", 29.4, 16800},
        {"LG-ETDZ", "临港经济开发区", "PROVINCIAL", "ECONOMIC_DEVELOPMENT_ZONE", "临港区", 22.0, 12400},
        {"DS-IP", "东山工业园区", "PROVINCIAL", "INDUSTRIAL_PARK", "东山县", 12.5, 8650},
        {"NC-HTZ", "南城高新技术产业园", "PROVINCIAL", "HIGH_TECH_ZONE", "南城区", 9.8, 5200},
        {"QS-ETDZ", "青山经济开发区", "PROVINCIAL", "ECONOMIC_DEVELOPMENT_ZONE", "青山县", 15.2, 9100},
        {"LJ-ETDZ", "龙江经济技术开发区", "PROVINCIAL", "ECONOMIC_DEVELOPMENT_ZONE", "龙江县", 18.3, 10300},
        {"BY-IP", "白云新材料产业园", "MUNICIPAL", "INDUSTRIAL_PARK", "白云区", 6.4, 3900},
        {"XH-IP", "西湖工业园区", "MUNICIPAL", "INDUSTRIAL_PARK", "西湖区", 5.1, 3200},
        {"HH-IP", "环湖智能制造产业园", "MUNICIPAL", "INDUSTRIAL_PARK", "环湖区", 7.7, 4100},
        {"SX-IP", "石溪环保石材产业园", "MUNICIPAL", "INDUSTRIAL_PARK", "石溪县", 4.6, 2600},
        {"FY-IP", "凤阳食品工业园", "MUNICIPAL", "INDUSTRIAL_PARK", "凤阳县", 3.9, 2100}
    };

    private static final String[] INDUSTRIES = {"装备制造", "新材料", "电子信息", "生物医药", "新能源", "食品加工", "汽车零部件"};
    private static final String[] PROJECT_KINDS = {
        "INDUSTRIAL", "INDUSTRIAL", "STANDARD_FACTORY", "INFRASTRUCTURE", "PUBLIC_PLATFORM"
    };

    public final List<Park> parks = new ArrayList<>();
    public final List<Value> values = new ArrayList<>();
    public final List<Project> projects = new ArrayList<>();
    public final List<Lead> leads = new ArrayList<>();
    public final List<Target> targets = new ArrayList<>();
    public final YearMonth lastMonth;

    /** @param lastMonth the last month reported (the month before the current one) */
    public DemoCity(long seed, YearMonth lastMonth) {
        this.lastMonth = lastMonth;
        Random rnd = new Random(seed);
        Random life = new Random(seed * 31 + 7);
        for (Object[] p : PARKS) {
            long output = (long) ((300_000 + rnd.nextInt(3_700_000)) * (p[2].equals("NATIONAL") ? 1.8 : 1.0));
            parks.add(new Park(
                    (String) p[0],
                    (String) p[1],
                    (String) p[2],
                    (String) p[3],
                    (String) p[4],
                    BigDecimal.valueOf((Double) p[5]),
                    BigDecimal.valueOf((Integer) p[6]),
                    output,
                    -0.02 + rnd.nextDouble() * 0.18));
        }
        int firstYear = lastMonth.getYear() - 2;
        for (Park p : parks) {
            BigDecimal annual = BigDecimal.valueOf(p.annualOutputWan());
            // Per-park shares, drawn once so that a park keeps its profile from year to year.
            BigDecimal exportShare = factor((0.04 + rnd.nextDouble() * 0.18) / 7.1);
            BigDecimal foreignShare = factor((0.001 + rnd.nextDouble() * 0.006) / 7.1);
            BigDecimal energyPerWan = factor(0.02 + rnd.nextDouble() * 0.08);
            BigDecimal rdShare = factor(0.008 + rnd.nextDouble() * 0.025);
            Map<String, BigDecimal> december = new LinkedHashMap<>();
            for (int year = firstYear; year <= lastMonth.getYear(); year++) {
                // Random factors are fine as doubles; every amount is a BigDecimal.
                BigDecimal yearTotal = annual.multiply(
                        factor(Math.pow(1 + p.growth(), year - firstYear) * (0.97 + rnd.nextDouble() * 0.06)));
                BigDecimal cumulative = BigDecimal.ZERO;
                BigDecimal profitRate =
                        factor(0.04 + rnd.nextDouble() * 0.05 - (p.code().equals("SX-IP") ? 0.07 : 0));
                BigDecimal taxRate = factor(0.025 + (p.code().hashCode() & 7) * 0.002);
                for (int month = 1; month <= 12; month++) {
                    YearMonth ym = YearMonth.of(year, month);
                    if (ym.isAfter(lastMonth)) {
                        break;
                    }
                    cumulative = cumulative.add(yearTotal.multiply(
                            factor(MONTH_SHARE[month - 1] / 100 * (0.94 + rnd.nextDouble() * 0.12))));
                    String period = ym.toString();
                    money(p, period, "industrial_output", cumulative);
                    money(p, period, "above_scale_industrial_output", cumulative.multiply(new BigDecimal("0.86")));
                    money(p, period, "industrial_value_added", cumulative.multiply(new BigDecimal("0.26")));
                    money(p, period, "main_business_revenue", cumulative.multiply(new BigDecimal("0.95")));
                    money(p, period, "total_profit", cumulative.multiply(profitRate));
                    money(p, period, "tax_revenue", cumulative.multiply(taxRate));
                    money(p, period, "fixed_asset_investment", cumulative.multiply(new BigDecimal("0.14")));
                    money(p, period, "industrial_investment", cumulative.multiply(new BigDecimal("0.09")));
                    usd(p, period, "export_value", cumulative.multiply(exportShare));
                    usd(p, period, "foreign_capital_used", cumulative.multiply(foreignShare));
                    count(
                            p,
                            period,
                            "energy_consumption",
                            "吨标准煤",
                            cumulative.multiply(energyPerWan).longValue());
                    money(p, period, "rd_expenditure", cumulative.multiply(rdShare));
                    count(
                            p,
                            period,
                            "high_tech_enterprises",
                            "家",
                            Math.round(p.annualOutputWan() / 60_000.0) + (year - firstYear) * 2L);
                    if (month == 12) {
                        december.put(year + "/industrial_output", cumulative);
                        december.put(year + "/tax_revenue", cumulative.multiply(taxRate));
                        december.put(year + "/fixed_asset_investment", cumulative.multiply(new BigDecimal("0.14")));
                    }
                    count(
                            p,
                            period,
                            "employees",
                            "人",
                            Math.round(p.landMu().doubleValue() * 1.6 * (1 + 0.02 * (year - firstYear))));
                    count(
                            p,
                            period,
                            "above_scale_enterprises",
                            "家",
                            Math.round(p.annualOutputWan() / 20_000.0) + (year - firstYear) * 3L);
                }
            }
            for (int year = firstYear + 1; year <= lastMonth.getYear(); year++) {
                for (String indicator : TARGETED) {
                    BigDecimal before = december.get((year - 1) + "/" + indicator);
                    if (before != null) {
                        targets.add(new Target(
                                p.code(),
                                indicator,
                                year,
                                before.multiply(factor(1.08 + rnd.nextDouble() * 0.06))
                                        .setScale(0, RoundingMode.HALF_UP)));
                    }
                }
            }
            int nProjects = 3 + rnd.nextInt(3);
            for (int i = 0; i < nProjects; i++) {
                String industry = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
                String kind = PROJECT_KINDS[rnd.nextInt(PROJECT_KINDS.length)];
                projects.add(project(
                        p,
                        projectName(kind, industry, rnd),
                        kind,
                        industry,
                        money(5_000 + rnd.nextInt(150_000)),
                        life));
            }
            int nLeads = 3 + rnd.nextInt(4);
            for (int i = 0; i < nLeads; i++) {
                String industry = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
                String origin =
                        rnd.nextInt(5) == 0 ? "FOREIGN" : rnd.nextBoolean() ? "OUTSIDE_PROVINCE" : "OUTSIDE_CITY";
                leads.add(lead(p, industry, origin, money(3_000 + rnd.nextInt(80_000)), life));
            }
        }
    }

    static final String[][] PROBLEMS = {
        {"项目用地指标未落实", "自然资源局"}, {"施工许可证办理滞后", "住建局"}, {"电力增容工程未完成", "供电公司"}, {"企业融资到位慢", "金融办"}, {"环评批复未取得", "生态环境局"}
    };

    /**
     * A project's life so far, drawn from {@code life} (a stream of its own, so that the indicator figures do not move
     * when this changes): 2 in 10 in production, 5 under construction (some lagging on this year's plan, some without a
     * report for months), 1 stopped, 2 signed and waiting to start (some late).
     */
    private Project project(Park p, String name, String kind, String industry, BigDecimal total, Random life) {
        int year = lastMonth.getYear();
        String key = life.nextInt(6) == 0 ? "PROVINCIAL" : life.nextInt(3) == 0 ? "MUNICIPAL" : "NONE";
        String enterprise = p.district().substring(0, 2) + industry + "有限公司";
        int scenario = life.nextInt(10);
        if (scenario < 2) {
            LocalDate signed = LocalDate.of(year - 2, 1 + life.nextInt(12), 10);
            LocalDate production = life.nextBoolean()
                    ? LocalDate.of(year - 1, 1 + life.nextInt(12), 15)
                    : LocalDate.of(year, 1 + life.nextInt(lastMonth.getMonthValue()), 15);
            return new Project(
                    p.code(),
                    name,
                    kind,
                    industry,
                    enterprise,
                    total,
                    key,
                    signed,
                    "IN_PRODUCTION",
                    production,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null);
        }
        if (scenario >= 8) {
            LocalDate signed = LocalDate.of(year, 1 + life.nextInt(Math.min(3, lastMonth.getMonthValue())), 12);
            YearMonth start = life.nextBoolean() ? lastMonth.minusMonths(4) : lastMonth.plusMonths(2);
            if (start.isBefore(YearMonth.from(signed))) {
                start = YearMonth.from(signed).plusMonths(1);
            }
            return new Project(
                    p.code(),
                    name,
                    kind,
                    industry,
                    enterprise,
                    total,
                    key,
                    signed,
                    "SIGNED",
                    signed,
                    start.atDay(1),
                    start.plusMonths(18).atEndOfMonth(),
                    null,
                    List.of(),
                    null,
                    null);
        }
        boolean newStart = life.nextInt(3) == 0 && lastMonth.getMonthValue() > 2;
        LocalDate started = newStart
                ? LocalDate.of(year, 1 + life.nextInt(lastMonth.getMonthValue() - 2), 5)
                : LocalDate.of(year - 1, 1 + life.nextInt(10), 5);
        LocalDate signed = started.minusMonths(2);
        BigDecimal yearPlan =
                total.multiply(factor(0.3 + life.nextDouble() * 0.2)).setScale(0, RoundingMode.HALF_UP);
        BigDecimal before = newStart
                ? BigDecimal.ZERO
                : total.multiply(factor(0.15 + life.nextDouble() * 0.15)).setScale(0, RoundingMode.HALF_UP);
        double pace = new double[] {1.08, 1.0, 0.92, 0.8, 0.5}[life.nextInt(5)];
        YearMonth lastReport =
                scenario == 7 ? lastMonth.minusMonths(3) : life.nextInt(8) == 0 ? lastMonth.minusMonths(4) : lastMonth;
        List<Progress> progress = new ArrayList<>();
        YearMonth first = newStart ? YearMonth.from(started) : YearMonth.of(year, 1);
        for (YearMonth m = first; !m.isAfter(lastReport); m = m.plusMonths(1)) {
            BigDecimal thisYear =
                    yearPlan.multiply(factor(pace * m.getMonthValue() / 12.0)).setScale(0, RoundingMode.HALF_UP);
            BigDecimal done = before.add(thisYear).min(total);
            BigDecimal physical = done.multiply(BigDecimal.valueOf(100))
                    .divide(total, 2, RoundingMode.HALF_UP)
                    .add(BigDecimal.valueOf(3))
                    .min(BigDecimal.valueOf(98));
            progress.add(new Progress(m.toString(), done, thisYear, physical));
        }
        LocalDate suspended = scenario == 7 ? lastReport.plusMonths(1).atDay(8) : null;
        Problem problem = null;
        if (life.nextInt(3) == 0) {
            String[] what = PROBLEMS[life.nextInt(PROBLEMS.length)];
            LocalDate raised = lastMonth.minusMonths(1 + life.nextInt(4)).atDay(6);
            problem = new Problem(what[0], what[1], raised, raised.plusDays(life.nextBoolean() ? 30 : 120));
        }
        return new Project(
                p.code(),
                name,
                kind,
                industry,
                enterprise,
                total,
                key,
                signed,
                "UNDER_CONSTRUCTION",
                started,
                started,
                LocalDate.of(year + 1, 6, 30),
                yearPlan,
                progress,
                suspended,
                problem);
    }

    /** A lead's way so far: 2 in 6 still a lead, 1 negotiating, 1 signed this year, 2 landed with funds arriving. */
    private Lead lead(Park p, String industry, String origin, BigDecimal intended, Random life) {
        int year = lastMonth.getYear();
        int scenario = life.nextInt(6);
        LocalDate identified = LocalDate.of(year - 1, 1 + life.nextInt(6), 3);
        String name = industry + "产业化项目";
        String investor = "某" + industry + "集团";
        if (scenario < 2) {
            return new Lead(
                    p.code(), name, investor, origin, industry, intended, identified, null, null, null, null, Map.of());
        }
        LocalDate negotiating = identified.plusMonths(2);
        if (scenario == 2) {
            return new Lead(
                    p.code(),
                    name,
                    investor,
                    origin,
                    industry,
                    intended,
                    identified,
                    negotiating,
                    null,
                    null,
                    null,
                    Map.of());
        }
        BigDecimal contracted =
                intended.multiply(factor(0.8 + life.nextDouble() * 0.3)).setScale(0, RoundingMode.HALF_UP);
        if (scenario == 3) {
            LocalDate signed = LocalDate.of(year, 1 + life.nextInt(lastMonth.getMonthValue()), 20);
            return new Lead(
                    p.code(),
                    name,
                    investor,
                    origin,
                    industry,
                    intended,
                    identified,
                    negotiating,
                    signed,
                    contracted,
                    null,
                    Map.of());
        }
        LocalDate signed = negotiating.plusMonths(2 + life.nextInt(3));
        LocalDate landed = signed.plusMonths(2);
        Map<String, BigDecimal> funds = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(landed); !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            funds.put(
                    m.toString(),
                    contracted.multiply(factor(0.03 + life.nextDouble() * 0.04)).setScale(0, RoundingMode.HALF_UP));
        }
        return new Lead(
                p.code(),
                name,
                investor,
                origin,
                industry,
                intended,
                identified,
                negotiating,
                signed,
                contracted,
                landed,
                funds);
    }

    private static String projectName(String kind, String industry, Random rnd) {
        return switch (kind) {
            case "STANDARD_FACTORY" -> (2 + rnd.nextInt(8)) + "万平方米标准厂房建设项目";
            case "INFRASTRUCTURE" -> new String[] {"园区道路及管网工程", "污水处理厂扩建工程", "场地平整工程"}[rnd.nextInt(3)];
            case "PUBLIC_PLATFORM" -> industry + "孵化器";
            default -> "年产" + (1 + rnd.nextInt(50)) + "万套" + industry + "产品项目";
        };
    }

    private static BigDecimal factor(double f) {
        return BigDecimal.valueOf(f);
    }

    private void money(Park p, String period, String indicator, BigDecimal wan) {
        values.add(new Value(p.code(), period, indicator, wan.setScale(2, RoundingMode.HALF_UP), "万元"));
    }

    private void usd(Park p, String period, String indicator, BigDecimal wanUsd) {
        values.add(new Value(p.code(), period, indicator, wanUsd.setScale(2, RoundingMode.HALF_UP), "万美元"));
    }

    private void count(Park p, String period, String indicator, String unit, long n) {
        values.add(new Value(p.code(), period, indicator, BigDecimal.valueOf(n), unit));
    }

    private static BigDecimal money(int wan) {
        return BigDecimal.valueOf(wan);
    }

    public Map<String, String> parkNames() {
        Map<String, String> m = new LinkedHashMap<>();
        parks.forEach(p -> m.put(p.code(), p.name()));
        return m;
    }
}
