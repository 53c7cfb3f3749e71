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
import java.util.Set;

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

    /** The day the bureau received a park's report for a month (registered as 报表签收). */
    public record Receipt(String park, YearMonth period, LocalDate receivedOn) {}

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
     * amount, landed with funds arriving monthly; the project born of a landing (on 供地) may have started (开工) and
     * completed (竣工) since.
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
            LocalDate startedOn,
            LocalDate completedOn,
            Map<String, BigDecimal> funds) {}

    /** An annual target the bureau sets: last year's total and a planned growth of 8–14 %. */
    public record Target(String park, String indicator, int year, BigDecimal annual) {}

    /** The indicators the bureau sets annual targets for. */
    static final List<String> TARGETED = List.of("industrial_output", "tax_revenue", "fixed_asset_investment");

    /**
     * Share of a year's flow in each month, in percent: the Spring Festival empties February, firms rush to close the
     * year in December, mid-year is flat with a summer dip.
     */
    private static final double[] MONTH_SHARE = {7.0, 5.0, 8.6, 8.3, 8.4, 9.0, 7.9, 7.8, 8.5, 8.6, 9.2, 11.7};

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
    public final List<Receipt> receipts = new ArrayList<>();
    /** The last month's values two parks have not sent yet: not loaded, so the month shows them missing. */
    public final List<Value> withheld = new ArrayList<>();

    public final YearMonth lastMonth;

    /**
     * Flow indicators, reported cumulative from January. Each gets its own growth rate around the park's trend and its
     * own monthly noise, so that no two of them grow alike (an analyst reads identical rates as copied figures).
     */
    static final List<String> FLOWS = List.of(
            "industrial_output",
            "above_scale_industrial_output",
            "industrial_value_added",
            "main_business_revenue",
            "total_profit",
            "tax_revenue",
            "fixed_asset_investment",
            "industrial_investment",
            "export_value",
            "foreign_capital_used",
            "energy_consumption",
            "rd_expenditure");

    /**
     * 亩均税收 (annual tax ÷ developed land, 万元/亩) a park of each kind keeps in every full year; see docs/demo.md for
     * the corpus figures behind them.
     */
    static final Map<String, double[]> TAX_PER_MU = Map.of(
            "HIGH_TECH_ZONE", new double[] {10, 45},
            "ECONOMIC_DEVELOPMENT_ZONE", new double[] {6, 35},
            "INDUSTRIAL_PARK", new double[] {2, 15});

    /** Where each kind's 亩均税收 is drawn in the first year: inside the bounds, leaving room for three years of trend. */
    private static final Map<String, double[]> TAX_PER_MU_START = Map.of(
            "HIGH_TECH_ZONE", new double[] {15, 29},
            "ECONOMIC_DEVELOPMENT_ZONE", new double[] {9, 23},
            "INDUSTRIAL_PARK", new double[] {3, 9.5});

    /** Annual industrial output per developed mu in the first year (万元/亩), by level: national zones are denser. */
    private static final Map<String, double[]> OUTPUT_PER_MU = Map.of(
            "NATIONAL", new double[] {190, 360},
            "PROVINCIAL", new double[] {100, 230},
            "MUNICIPAL", new double[] {60, 170});

    /** Annual industrial output (亿元) a full year of a park of each level stays within. */
    static final Map<String, double[]> OUTPUT_YI = Map.of(
            "NATIONAL", new double[] {250, 1200},
            "PROVINCIAL", new double[] {40, 350},
            "MUNICIPAL", new double[] {10, 120});

    /** @param lastMonth the last month reported (the month before the current one) */
    public DemoCity(long seed, YearMonth lastMonth) {
        this.lastMonth = lastMonth;
        Random rnd = new Random(seed);
        Random life = new Random(seed * 31 + 7);
        for (Object[] p : PARKS) {
            double[] perMu = OUTPUT_PER_MU.get((String) p[2]);
            long output = Math.round((Integer) p[6] * between(rnd, perMu[0], perMu[1]));
            parks.add(new Park(
                    (String) p[0],
                    (String) p[1],
                    (String) p[2],
                    (String) p[3],
                    (String) p[4],
                    BigDecimal.valueOf((Double) p[5]),
                    BigDecimal.valueOf((Integer) p[6]),
                    output,
                    between(rnd, -0.02, 0.11)));
        }
        int firstYear = lastMonth.getYear() - 2;
        for (Park p : parks) {
            double output = p.annualOutputWan();
            // A park's profile (shares of output) is drawn once, so that it keeps it from year to year.
            double fai = output * between(rnd, 0.08, 0.2);
            double profitRate = p.code().equals("SX-IP") ? between(rnd, -0.03, 0.02) : between(rnd, 0.04, 0.09);
            double[] taxStart = TAX_PER_MU_START.get(p.kind());
            Map<String, Double> base = new LinkedHashMap<>();
            base.put("industrial_output", output);
            base.put("above_scale_industrial_output", output * between(rnd, 0.8, 0.92));
            base.put("industrial_value_added", output * between(rnd, 0.22, 0.3));
            base.put("main_business_revenue", output * between(rnd, 0.92, 1.0));
            base.put("total_profit", output * profitRate);
            base.put("tax_revenue", p.landMu().doubleValue() * between(rnd, taxStart[0], taxStart[1]));
            base.put("fixed_asset_investment", fai);
            base.put("industrial_investment", fai * between(rnd, 0.55, 0.75));
            base.put("export_value", output * between(rnd, 0.04, 0.22) / 7.1);
            base.put("foreign_capital_used", output * between(rnd, 0.001, 0.007) / 7.1);
            base.put("energy_consumption", output * between(rnd, 0.02, 0.1));
            base.put("rd_expenditure", output * between(rnd, 0.008, 0.033));
            Map<String, Double> rate = new LinkedHashMap<>();
            for (String indicator : FLOWS) {
                // Investment swings more than output; energy grows slower as parks save energy.
                double spread =
                        indicator.contains("investment") || indicator.equals("foreign_capital_used") ? 0.1 : 0.04;
                double trend = indicator.equals("energy_consumption") ? p.growth() * 0.5 : p.growth();
                rate.put(indicator, trend + between(rnd, -spread, spread));
            }
            Map<String, BigDecimal> reported = new LinkedHashMap<>();
            Map<String, BigDecimal> december = new LinkedHashMap<>();
            for (int year = firstYear; year <= lastMonth.getYear(); year++) {
                Map<String, Double> yearLevel = new LinkedHashMap<>();
                for (String indicator : FLOWS) {
                    yearLevel.put(
                            indicator,
                            base.get(indicator)
                                    * Math.pow(1 + rate.get(indicator), year - firstYear)
                                    * between(rnd, 0.98, 1.02));
                }
                Map<String, Double> cumulative = new LinkedHashMap<>();
                for (int month = 1; month <= 12; month++) {
                    YearMonth ym = YearMonth.of(year, month);
                    if (ym.isAfter(lastMonth)) {
                        break;
                    }
                    String period = ym.toString();
                    List<BigDecimal> growths = new ArrayList<>();
                    for (String indicator : FLOWS) {
                        double flow =
                                yearLevel.get(indicator) * MONTH_SHARE[month - 1] / 100 * between(rnd, 0.93, 1.07);
                        double cum = cumulative.getOrDefault(indicator, 0.0) + flow;
                        BigDecimal before = reported.get(ym.minusYears(1) + "/" + indicator);
                        BigDecimal value = rounded(indicator, cum);
                        // Two indicators may still meet on the same rounded rate by chance; a nudge of a hundredth
                        // of a point keeps them apart.
                        while (before != null && before.signum() > 0 && growths.contains(growth(value, before))) {
                            cum += before.doubleValue() * 0.0001;
                            value = rounded(indicator, cum);
                        }
                        if (before != null && before.signum() > 0) {
                            growths.add(growth(value, before));
                        }
                        cumulative.put(indicator, cum);
                        reported.put(period + "/" + indicator, value);
                        String unit = indicator.equals("energy_consumption")
                                ? "吨标准煤"
                                : indicator.equals("export_value") || indicator.equals("foreign_capital_used")
                                        ? "万美元"
                                        : "万元";
                        values.add(new Value(p.code(), period, indicator, value, unit));
                        if (month == 12 && TARGETED.contains(indicator)) {
                            december.put(year + "/" + indicator, value);
                        }
                    }
                    count(
                            p,
                            period,
                            "high_tech_enterprises",
                            "家",
                            Math.round(p.annualOutputWan() / 60_000.0) + (year - firstYear) * 2L);
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
        schedule(new Random(seed * 17 + 3));
    }

    /**
     * When each park's monthly report reached the bureau, and what is still missing for the last month: most
     * parks report between the 3rd and the 10th of the following month (the deadline), one habitually late park
     * a few days after it, and for the last month two parks are late and two have not sent everything
     * (从业人员 or 规上企业数 missing), so the completeness of the month reads as a bureau's would.
     */
    private void schedule(Random rnd) {
        int n = parks.size();
        String habituallyLate = parks.get(n - 1).code();
        Set<String> lateLast = Set.of(parks.get(n - 2).code(), parks.get(n - 3).code());
        Map<String, String> missingLast =
                Map.of(parks.get(n - 4).code(), "employees", parks.get(n - 5).code(), "above_scale_enterprises");
        YearMonth first = YearMonth.of(lastMonth.getYear() - 2, 1);
        for (Park p : parks) {
            for (YearMonth m = first; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
                if (m.equals(lastMonth) && missingLast.containsKey(p.code())) {
                    continue;
                }
                boolean late = m.equals(lastMonth)
                        ? lateLast.contains(p.code())
                        : rnd.nextInt(p.code().equals(habituallyLate) ? 3 : 40) == 0;
                int day = late ? 11 + rnd.nextInt(8) : 3 + Math.min(7, rnd.nextInt(4) + rnd.nextInt(5));
                receipts.add(new Receipt(p.code(), m, m.plusMonths(1).atDay(day)));
            }
        }
        String period = lastMonth.toString();
        values.removeIf(v -> {
            boolean held = period.equals(v.period()) && v.indicator().equals(missingLast.get(v.park()));
            if (held) {
                withheld.add(v);
            }
            return held;
        });
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
            LocalDate signed = LocalDate.of(year - 2, 1 + life.nextInt(12), 1 + life.nextInt(28));
            LocalDate production = life.nextBoolean()
                    ? LocalDate.of(year - 1, 1 + life.nextInt(12), 1 + life.nextInt(28))
                    : LocalDate.of(year, 1 + life.nextInt(lastMonth.getMonthValue()), 1 + life.nextInt(28));
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
            LocalDate signed =
                    LocalDate.of(year, 1 + life.nextInt(Math.min(3, lastMonth.getMonthValue())), 1 + life.nextInt(28));
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
                ? LocalDate.of(year, 1 + life.nextInt(lastMonth.getMonthValue() - 2), 1 + life.nextInt(28))
                : LocalDate.of(year - 1, 1 + life.nextInt(10), 1 + life.nextInt(28));
        LocalDate signed = started.minusMonths(1 + life.nextInt(4)).minusDays(life.nextInt(20));
        BigDecimal yearPlan =
                total.multiply(factor(0.3 + life.nextDouble() * 0.2)).setScale(0, RoundingMode.HALF_UP);
        BigDecimal before = newStart
                ? BigDecimal.ZERO
                : total.multiply(factor(0.15 + life.nextDouble() * 0.15)).setScale(0, RoundingMode.HALF_UP);
        double pace = new double[] {1.08, 1.0, 0.92, 0.8, 0.5}[life.nextInt(5)];
        // A stopped project stopped some time this year, after it started and in the month after its last report.
        YearMonth stopMonth = YearMonth.of(year, 1 + life.nextInt(Math.max(1, lastMonth.getMonthValue() - 1)));
        if (!stopMonth.isAfter(YearMonth.from(started))) {
            stopMonth = YearMonth.from(started).plusMonths(1);
        }
        YearMonth lastReport =
                scenario == 7 ? stopMonth.minusMonths(1) : life.nextInt(8) == 0 ? lastMonth.minusMonths(4) : lastMonth;
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
        LocalDate suspended = null;
        if (scenario == 7) {
            suspended = stopMonth.atDay(1 + life.nextInt(28));
            if (suspended.isBefore(started)) {
                suspended = started.plusDays(1 + life.nextInt(20));
            }
            if (suspended.isAfter(lastMonth.atEndOfMonth())) {
                suspended = lastMonth.atEndOfMonth();
            }
        }
        Problem problem = null;
        if (life.nextInt(3) == 0) {
            String[] what = PROBLEMS[life.nextInt(PROBLEMS.length)];
            LocalDate raised = lastMonth.minusMonths(1 + life.nextInt(4)).atDay(1 + life.nextInt(28));
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

    /**
     * A lead's way so far: 2 in 6 still a lead, 1 negotiating, 1 signed this year, 2 landed with funds arriving. Dates
     * are spread over the last two years, so that signings and landings do not bunch up on one day.
     */
    private Lead lead(Park p, String industry, String origin, BigDecimal intended, Random life) {
        int year = lastMonth.getYear();
        LocalDate end = lastMonth.atEndOfMonth();
        int scenario = life.nextInt(6);
        // Spread evenly over the three years before the last month, not from a new year, so that about as many leads
        // pay
        // in as last year and the year-on-year comparison of funds stays sensible in any month.
        LocalDate identified = end.minusMonths(40).plusDays(life.nextInt(1080));
        String name = industry + "产业化项目";
        String investor = "某" + industry + "集团";
        LocalDate negotiating = identified.plusDays(30 + life.nextInt(60));
        BigDecimal contracted =
                intended.multiply(factor(0.8 + life.nextDouble() * 0.3)).setScale(0, RoundingMode.HALF_UP);
        LocalDate signed = negotiating.plusDays(45 + life.nextInt(90));
        LocalDate landed = signed.plusDays(30 + life.nextInt(60));
        if (scenario < 2 || negotiating.isAfter(end)) {
            return new Lead(
                    p.code(),
                    name,
                    investor,
                    origin,
                    industry,
                    intended,
                    identified,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Map.of());
        }
        if (scenario == 2 || signed.isAfter(end)) {
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
                    null,
                    null,
                    Map.of());
        }
        if (scenario == 3 || landed.isAfter(end)) {
            LocalDate thisYear = LocalDate.of(year, 1 + life.nextInt(lastMonth.getMonthValue()), 1 + life.nextInt(28));
            return new Lead(
                    p.code(),
                    name,
                    investor,
                    origin,
                    industry,
                    intended,
                    identified,
                    negotiating,
                    scenario == 3 && thisYear.isAfter(negotiating) ? thisYear : signed,
                    contracted,
                    null,
                    null,
                    null,
                    Map.of());
        }
        // After landing (供地) most projects break ground within two to seven months; of those, some finish building
        // within a year.
        LocalDate started = life.nextInt(4) == 0 ? null : landed.plusDays(60 + life.nextInt(150));
        if (started != null && started.isAfter(end)) {
            started = null;
        }
        LocalDate completed = started == null ? null : started.plusDays(240 + life.nextInt(180));
        if (completed != null && completed.isAfter(end)) {
            completed = null;
        }
        // Funds in place: a share of the contracted amount (never all of it in the demo's time) over one to two and a
        // half years, month by month, so that a year's sum compares sensibly with the year before.
        double share = 0.55 + life.nextDouble() * 0.35;
        int months = 12 + life.nextInt(19);
        BigDecimal cap = contracted.multiply(factor(share)).setScale(0, RoundingMode.DOWN);
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> funds = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(landed);
                !m.isAfter(lastMonth) && total.compareTo(cap) < 0;
                m = m.plusMonths(1)) {
            BigDecimal amount = contracted
                    .multiply(factor(share / months * (0.6 + life.nextDouble() * 0.8)))
                    .setScale(0, RoundingMode.HALF_UP)
                    .min(cap.subtract(total));
            if (amount.signum() > 0) {
                funds.put(m.toString(), amount);
                total = total.add(amount);
            }
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
                started,
                completed,
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

    static BigDecimal growth(BigDecimal value, BigDecimal before) {
        return value.divide(before, 6, RoundingMode.HALF_UP)
                .subtract(BigDecimal.ONE)
                .movePointRight(2)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal rounded(String indicator, double value) {
        return indicator.equals("energy_consumption")
                ? BigDecimal.valueOf(Math.round(value))
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static double between(Random rnd, double low, double high) {
        return low + rnd.nextDouble() * (high - low);
    }

    private static BigDecimal factor(double f) {
        return BigDecimal.valueOf(f);
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
