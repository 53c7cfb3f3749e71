package io.parkpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Infra;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./parkpulse demo}: PostgreSQL, Kafka and the four services, a demo city loaded through the
 * public APIs, and the city's ranking once reporting-service has caught up.
 */
public final class Demo {

    static final List<Integer> PORTS = List.of(8081, 8082, 8083, 8084);
    static final Map<String, String> LEVELS = Map.of("NATIONAL", "国家级", "PROVINCIAL", "省级", "MUNICIPAL", "市级");

    public static void run(Path root, long seed, boolean wait) throws Exception {
        for (int port : PORTS) {
            if (Ports.isOpen(port)) {
                throw new IllegalStateException("port " + port + " is in use: is another ParkPulse running?");
            }
        }
        Path work = root.resolve(".demo");
        say("Starting PostgreSQL and Kafka ...");
        Infra infra = Infra.start(work.resolve("infra"));
        AtomicReference<Platform> platform = new AtomicReference<>();
        // Ctrl-C, a normal end and a failure all end here, so nothing is left running.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            say("Stopping ParkPulse ...");
                            Platform p = platform.get();
                            if (p != null) {
                                p.close();
                            }
                            infra.close();
                        },
                        "parkpulse-stop"));
        say("Starting indicators-, projects-, investment- and reporting-service ...");
        platform.set(Platform.start(root, infra.endpoints(), PORTS, "", work.resolve("logs")));
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        DemoCity city = new DemoCity(seed, last);
        load(platform.get(), city);
        printRanking(platform.get(), city);
        printAssessment(platform.get(), city, work.resolve("out"));
        printAccess(platform.get());
        if (wait) {
            say("ParkPulse is running. Press Ctrl-C to stop everything.");
            new CountDownLatch(1).await();
        }
    }

    static void load(Platform platform, DemoCity city) throws Exception {
        Api admin =
                new Api(Tokens.builder().role("bureau-admin").user("demo-admin").sign());
        String indicators = platform.url("indicators-service") + "/api/v1";
        say("Registering " + city.parks.size() + " parks ...");
        for (DemoCity.Park p : city.parks) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", p.code());
            body.put("name", p.name());
            body.put("level", p.level());
            body.put("kind", p.kind());
            body.put("district", p.district());
            body.put("plannedAreaKm2", p.areaKm2());
            body.put("developedLandMu", p.landMu());
            body.put(
                    "landEffectiveFrom",
                    city.lastMonth.minusYears(3).withMonth(1).atDay(1).toString());
            admin.post(indicators + "/parks", body).expect(201, 409);
        }
        say("Setting " + city.targets.size() + " annual targets as the bureau ...");
        // Before the values: a park's target and values travel on one partition, so once reporting-service has a park's
        // last values it has its targets too.
        for (DemoCity.Target t : city.targets) {
            admin.put(
                            indicators + "/parks/" + t.park() + "/targets/" + t.year() + "/" + t.indicator(),
                            Map.of("annual", t.annual()))
                    .expect(200, 201);
        }
        say("Reporting " + city.values.size() + " monthly values ("
                + city.lastMonth.minusYears(2).getYear() + "-01 to " + city.lastMonth + ") as each park's staff ...");
        Map<String, Api> staff = new LinkedHashMap<>();
        city.parks.forEach(p -> staff.put(
                p.code(),
                new Api(Tokens.builder()
                        .role("park-staff")
                        .park(p.code())
                        .user(p.code().toLowerCase() + "-staff")
                        .sign())));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (DemoCity.Value v : city.values) {
                done.add(pool.submit(() -> staff.get(v.park())
                        .put(
                                indicators + "/parks/" + v.park() + "/values/" + v.period() + "/" + v.indicator(),
                                Map.of("value", v.value(), "unit", v.unit()))
                        .expect(200)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            // The bureau's register of the days the reports arrived: on time is judged on it, not on today.
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            List<DemoCity.Receipt> received = city.receipts.stream()
                    .filter(r -> !r.receivedOn().isAfter(today))
                    .toList();
            say("Registering the days " + received.size() + " monthly reports reached the bureau (报表签收登记) ...");
            done.clear();
            for (DemoCity.Receipt r : received) {
                done.add(pool.submit(() -> admin.put(
                                indicators + "/parks/" + r.park() + "/receipts/" + r.period(),
                                Map.of("receivedOn", r.receivedOn().toString(), "note", "纸质报表，综合科签收"))
                        .expect(200)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        printCompleteness(admin, indicators, city.lastMonth);
        say("Registering " + city.projects.size() + " projects and " + city.leads.size() + " investment leads ...");
        String projects = platform.url("projects-service") + "/api/v1/projects";
        for (DemoCity.Project p : city.projects) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", p.name());
            body.put("kind", p.kind());
            body.put("industry", p.industry());
            body.put("enterprise", p.enterprise());
            body.put("keyLevel", p.keyLevel());
            body.put("totalInvestment", p.totalInvestment());
            body.put("signedOn", p.signedOn().toString());
            body.put("stage", p.stage());
            body.put("stageSince", p.stageSince().toString());
            body.put(
                    "plannedStart",
                    p.plannedStart() == null ? null : p.plannedStart().toString());
            body.put(
                    "plannedCompletion",
                    p.plannedCompletion() == null ? null : p.plannedCompletion().toString());
            if (p.yearPlan() != null) {
                body.put("planYear", city.lastMonth.getYear());
                body.put("yearPlannedInvestment", p.yearPlan());
            }
            Api api = staff.get(p.park());
            JsonNode created = awaitAccepted(api, projects, body).body();
            String id = created.get("id").asText();
            for (DemoCity.Progress r : p.progress()) {
                api.put(
                                projects + "/" + id + "/progress/" + r.period(),
                                Map.of(
                                        "investmentCompleted",
                                        r.investmentCompleted(),
                                        "investmentCompletedThisYear",
                                        r.thisYear(),
                                        "physicalProgress",
                                        r.physical()))
                        .expect(200, 201);
            }
            if (p.suspendedOn() != null) {
                long version = api.get(projects + "/" + id, Map.of())
                        .expect(200)
                        .body()
                        .get("version")
                        .asLong();
                api.post(
                                projects + "/" + id + "/transitions",
                                Map.of(
                                        "to",
                                        "SUSPENDED",
                                        "on",
                                        p.suspendedOn().toString(),
                                        "reason",
                                        "企业资金链紧张，暂停施工",
                                        "version",
                                        version))
                        .expect(200);
            }
            if (p.problem() != null) {
                api.post(
                                projects + "/" + id + "/problems",
                                Map.of(
                                        "description",
                                        p.problem().description(),
                                        "department",
                                        p.problem().department(),
                                        "raisedOn",
                                        p.problem().raisedOn().toString(),
                                        "dueOn",
                                        p.problem().dueOn().toString()))
                        .expect(201);
            }
        }
        String leads = platform.url("investment-service") + "/api/v1/leads";
        for (DemoCity.Lead l : city.leads) {
            Api api = staff.get(l.park());
            JsonNode lead = awaitAccepted(
                            api,
                            leads,
                            Map.of(
                                    "projectName",
                                    l.projectName(),
                                    "investor",
                                    l.investor(),
                                    "capitalOrigin",
                                    l.origin(),
                                    "industry",
                                    l.industry(),
                                    "intendedInvestment",
                                    l.intendedInvestment(),
                                    "identifiedOn",
                                    l.identifiedOn().toString()))
                    .body();
            String id = lead.get("id").asText();
            long version = lead.get("version").asLong();
            if (l.negotiatingOn() != null) {
                version = api.post(
                                leads + "/" + id + "/transitions",
                                Map.of(
                                        "to",
                                        "NEGOTIATING",
                                        "on",
                                        l.negotiatingOn().toString(),
                                        "version",
                                        version))
                        .expect(200)
                        .body()
                        .get("version")
                        .asLong();
            }
            if (l.signedOn() != null) {
                version = api.post(
                                leads + "/" + id + "/transitions",
                                Map.of(
                                        "to",
                                        "SIGNED",
                                        "on",
                                        l.signedOn().toString(),
                                        "agreementType",
                                        "CONTRACT",
                                        "contractedInvestment",
                                        l.contracted(),
                                        "version",
                                        version))
                        .expect(200)
                        .body()
                        .get("version")
                        .asLong();
            }
            if (l.landedOn() != null) {
                api.post(
                                leads + "/" + id + "/transitions",
                                Map.of(
                                        "to",
                                        "LANDED",
                                        "on",
                                        l.landedOn().toString(),
                                        "landSupplied",
                                        true,
                                        "version",
                                        version))
                        .expect(200);
            }
            for (var f : l.funds().entrySet()) {
                // Foreign capital is reported in 万美元 as well; the demo converts at a fixed 7.1.
                Map<String, Object> funds = "FOREIGN".equals(l.origin())
                        ? Map.of(
                                "amount",
                                f.getValue(),
                                "amountUsd",
                                f.getValue().divide(new java.math.BigDecimal("7.1"), 2, java.math.RoundingMode.HALF_UP))
                        : Map.of("amount", f.getValue());
                api.put(leads + "/" + id + "/funds/" + f.getKey(), funds).expect(200, 201);
            }
            if (l.startedOn() != null) {
                progressLeadProject(api, projects, l, id);
            }
        }
    }

    /**
     * Moves the project that projects-service made of a landed lead on to 开工 and perhaps 竣工, as its park office
     * would, so that landed leads do not all sit at 供地.
     */
    private static void progressLeadProject(Api api, String projects, DemoCity.Lead l, String leadId)
            throws InterruptedException {
        // The project is made from the landing event, so it may not be there yet.
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode project = null;
        while (project == null) {
            for (JsonNode p : api.get(projects, Map.of("park", l.park(), "stage", "LAND_SUPPLIED", "size", "500"))
                    .expect(200)
                    .body()
                    .get("items")) {
                if (leadId.equals(p.path("leadId").asText())) {
                    project = p;
                }
            }
            if (project == null) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("projects-service made no project of lead " + leadId + " in 60 s");
                }
                Thread.sleep(300);
            }
        }
        String id = project.get("id").asText();
        long version = api.post(
                        projects + "/" + id + "/transitions",
                        Map.of(
                                "to",
                                "UNDER_CONSTRUCTION",
                                "on",
                                l.startedOn().toString(),
                                "version",
                                project.get("version").asLong()))
                .expect(200)
                .body()
                .get("version")
                .asLong();
        if (l.completedOn() != null) {
            api.post(
                            projects + "/" + id + "/transitions",
                            Map.of("to", "COMPLETED", "on", l.completedOn().toString(), "version", version))
                    .expect(200);
        }
    }

    /** The park registry reaches projects- and investment-service by event: retry while the park is unknown there. */
    private static Api.Reply awaitAccepted(Api api, String url, Object body) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Api.Reply r = api.post(url, body);
            if (r.status() == 201) {
                return r;
            }
            if (r.status() != 422 || Instant.now().isAfter(deadline)) {
                r.expect(201);
            }
            Thread.sleep(300);
        }
    }

    static JsonNode ranking(Platform platform, String indicator, YearMonth month) {
        Api analyst = new Api(Tokens.token("bureau-analyst", null));
        return analyst.get(
                        platform.url("reporting-service") + "/api/v1/rankings",
                        Map.of("indicator", indicator, "period", month.toString(), "size", "500"))
                .expect(200)
                .body();
    }

    static void printRanking(Platform platform, DemoCity city) throws InterruptedException {
        say("Waiting for reporting-service to catch up ...");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode output;
        while (true) {
            output = ranking(platform, "industrial_output", city.lastMonth);
            JsonNode tax = ranking(platform, "tax_revenue", city.lastMonth);
            if (output.get("total").asInt() == city.parks.size()
                    && tax.get("total").asInt() == city.parks.size()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("reporting-service did not catch up within 3 minutes");
            }
            Thread.sleep(500);
        }
        Map<String, JsonNode> tax = new LinkedHashMap<>();
        ranking(platform, "tax_revenue", city.lastMonth)
                .get("entries")
                .forEach(e -> tax.put(e.get("park").asText(), e));
        Map<String, BigDecimal> lastYear = new LinkedHashMap<>();
        ranking(platform, "industrial_output", city.lastMonth.minusYears(1))
                .get("entries")
                .forEach(
                        e -> lastYear.put(e.get("park").asText(), e.get("value").decimalValue()));

        Table t = new Table(true, false, false, true, true, true, true, true);
        t.row("排名", "园区", "级别", "工业总产值(亿元)", "同比", "较上月", "税收(亿元)", "税收排名");
        for (JsonNode e : output.get("entries")) {
            String park = e.get("park").asText();
            BigDecimal value = e.get("value").decimalValue();
            BigDecimal before = lastYear.get(park);
            String growth = before == null || before.signum() == 0
                    ? "—"
                    : value.divide(before, 6, RoundingMode.HALF_UP)
                                    .subtract(BigDecimal.ONE)
                                    .movePointRight(2)
                                    .setScale(2, RoundingMode.HALF_UP)
                                    .toPlainString()
                            + "%";
            JsonNode taxEntry = tax.get(park);
            t.row(
                    e.get("rank").asText(),
                    e.get("parkName").asText(),
                    LEVELS.getOrDefault(e.get("peerGroup").asText(), ""),
                    yi(value),
                    growth,
                    change(e.get("rankChange")),
                    yi(taxEntry.get("value").decimalValue()),
                    taxEntry.get("rank").asText());
        }
        int m = city.lastMonth.getMonthValue();
        say("");
        say("  ParkPulse 演示城市 · " + city.lastMonth.getYear() + "年1" + (m == 1 ? "" : "–" + m) + "月 各园区工业总产值排名(累计)");
        say("");
        System.out.print(t.render());
        say("");
        say("  同比: 与上年同期累计相比; 较上月: 排名较上月累计的升(↑)降(↓)。数据全部经各服务的公开 API 录入, 由 reporting-service 从事件汇总。");
        say("");
    }

    /**
     * Runs the quarterly assessment for the quarter before the last closed one and for the last closed one (so that
     * rank changes show), with the shipped default scheme, and prints the result. A demo started again on its kept
     * data finds the quarters published and shows them as they are.
     */
    static void printAssessment(Platform platform, DemoCity city, Path out)
            throws InterruptedException, java.io.IOException {
        Api admin =
                new Api(Tokens.builder().role("bureau-admin").user("demo-admin").sign());
        String reporting = platform.url("reporting-service") + "/api/v1";
        YearMonth closedEnd = city.lastMonth.minusMonths(city.lastMonth.getMonthValue() % 3);
        String quarter = closedEnd.getYear() + "-Q" + (closedEnd.getMonthValue() / 3);
        YearMonth previousEnd = closedEnd.minusMonths(3);
        String previous = previousEnd.getYear() + "-Q" + (previousEnd.getMonthValue() / 3);
        awaitIndicators(
                platform, city, List.of(previousEnd, previousEnd.minusYears(1), closedEnd, closedEnd.minusYears(1)));
        for (String q : List.of(previous, quarter)) {
            say("Running the " + q + " assessment (scheme 'default') ...");
            admin.post(reporting + "/assessments", Map.of("quarter", q)).expect(201, 409);
        }
        JsonNode run = admin.get(reporting + "/assessments/" + quarter, Map.of())
                .expect(200)
                .body();
        Table t = new Table(true, false, true, true, true, true, true, true, true, true);
        t.row("排名", "园区", "总分", "等级", "较上季", "经济发展", "投资与项目", "招商引资", "亩均效益", "创新驱动");
        for (JsonNode r : run.get("results")) {
            Map<String, String> dims = new LinkedHashMap<>();
            r.get("breakdown")
                    .get("dimensions")
                    .forEach(d -> dims.put(
                            d.get("code").asText(),
                            d.get("score")
                                    .decimalValue()
                                    .setScale(2, RoundingMode.HALF_UP)
                                    .toPlainString()));
            t.row(
                    r.get("rank").isNull() ? "—" : r.get("rank").asText(),
                    r.get("parkName").asText(),
                    r.get("total")
                            .decimalValue()
                            .setScale(2, RoundingMode.HALF_UP)
                            .toPlainString(),
                    r.get("tier").asText(),
                    change(r.get("rankChange")),
                    dims.get("economy"),
                    dims.get("investment"),
                    dims.get("attraction"),
                    dims.get("land"),
                    dims.get("innovation"));
        }
        say("");
        say("  ParkPulse 演示城市 · " + quarter + " 园区综合考核结果（方案 "
                + run.get("schemeCode").asText() + " 第"
                + run.get("schemeVersion").asText() + "版，数据截至" + run.get("asOf").asText() + "，第"
                + run.get("revision").asText() + "次发布）");
        say("");
        System.out.print(t.render());
        say("");
        java.nio.file.Files.createDirectories(out);
        Path xlsx = out.resolve("assessment-" + quarter + ".xlsx");
        java.nio.file.Files.write(xlsx, admin.download(reporting + "/assessments/" + quarter + "/export"));
        say("  等级按排名百分位: A 前25%, B 至70%, C 至95%, D 其后。");
        say("  考核排名与得分明细 (XLSX, 供会议印发): " + xlsx);
        writeSummaries(admin, reporting, city, city.lastMonth.toString(), out);
        say("");
    }

    /** The city's written summary (Markdown and a printable HTML page) and each park's, as of the last month reported. */
    static void writeSummaries(Api admin, String reporting, DemoCity city, String quarter, Path out)
            throws java.io.IOException {
        Path md = out.resolve("summary-city-" + quarter + ".md");
        Path html = out.resolve("summary-city-" + quarter + ".html");
        java.nio.file.Files.write(md, admin.download(reporting + "/summaries/city?period=" + quarter));
        java.nio.file.Files.write(html, admin.download(reporting + "/summaries/city?format=html&period=" + quarter));
        Path parks = java.nio.file.Files.createDirectories(out.resolve("parks"));
        for (DemoCity.Park p : city.parks) {
            java.nio.file.Files.write(
                    parks.resolve("summary-" + p.code() + "-" + quarter + ".md"),
                    admin.download(reporting + "/summaries/parks/" + p.code() + "?period=" + quarter));
        }
        say("  全市经济运行情况（书面报告）: " + md + "  (HTML: " + html.getFileName() + ")");
        say("  各园区经济运行情况: " + parks + "/");
    }

    /** Waits until reporting-service has every park's figures that the default scheme reads for the given months. */
    static void awaitIndicators(Platform platform, DemoCity city, List<YearMonth> months) throws InterruptedException {
        List<String> indicators = List.of(
                "industrial_output",
                "industrial_value_added",
                "tax_revenue",
                "main_business_revenue",
                "fixed_asset_investment",
                "industrial_investment",
                "foreign_capital_used",
                "export_value",
                "energy_consumption",
                "rd_expenditure",
                "high_tech_enterprises");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (YearMonth m : months) {
            for (String indicator : indicators) {
                while (ranked(platform, indicator, m) < city.parks.size()) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("reporting-service did not catch up within 3 minutes");
                    }
                    Thread.sleep(300);
                }
            }
        }
    }

    /** How many parks reporting-service ranks on an indicator for a month (0 while it knows none). */
    static int ranked(Platform platform, String indicator, YearMonth month) {
        Api.Reply r = new Api(Tokens.token("bureau-analyst", null))
                .get(
                        platform.url("reporting-service") + "/api/v1/rankings",
                        Map.of("indicator", indicator, "period", month.toString()));
        return r.status() == 200 ? r.body().get("total").asInt() : 0;
    }

    static String yi(BigDecimal wan) {
        return wan.movePointLeft(4).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String change(JsonNode c) {
        if (c == null || c.isNull()) {
            return "新";
        }
        int n = c.asInt();
        return n > 0 ? "↑" + n : n < 0 ? "↓" + (-n) : "—";
    }

    /** The month's reporting completeness as the bureau's 报送情况 line reads it. */
    static void printCompleteness(Api admin, String indicators, YearMonth month) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (JsonNode c : admin.get(indicators + "/completeness", Map.of("period", month.toString()))
                .expect(200)
                .body()) {
            String status = c.get("status").asText();
            String label = Map.of(
                            "ON_TIME", "按时报送",
                            "LATE", "逾期报送",
                            "OVERDUE", "逾期未报齐",
                            "INCOMPLETE", "尚未报齐")
                    .getOrDefault(status, status);
            by.computeIfAbsent(label, k -> new ArrayList<>())
                    .add(c.get("parkName").asText());
        }
        StringBuilder line = new StringBuilder(month.getYear() + "年" + month.getMonthValue() + "月报表报送情况：");
        by.forEach((label, names) -> line.append(label)
                .append(names.size())
                .append("个")
                .append(label.equals("按时报送") ? "" : "（" + String.join("、", names) + "）")
                .append("；"));
        say(line.substring(0, line.length() - 1) + "。");
    }

    static void printAccess(Platform platform) {
        say("  The web console (本地演示登录: pick a role and a park):");
        say("    " + platform.consoleUrl());
        say("");
        say("  Services (OpenAPI at /q/swagger-ui on each):");
        for (ServiceProcess s : platform.services()) {
            say("    " + String.format("%-20s", s.name()) + s.baseUrl() + "   log: " + s.log());
        }
        say("");
        say(
                "  A bureau-admin token, valid for one hour (./parkpulse token --role park-staff --park JB-ETDZ for a park's):");
        say("    " + Tokens.builder().role("bureau-admin").user("demo-admin").sign());
        say("");
        say("  Try: curl -H \"Authorization: Bearer $TOKEN\" '" + platform.url("reporting-service")
                + "/api/v1/rankings?indicator=tax_revenue&period="
                + YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1) + "'");
        say("");
    }

    static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }

    private Demo() {}
}
