package io.parkpulse.cli;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import io.parkpulse.infra.Chromium;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.Tokens;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console in a real browser (Debian's chromium driven by Playwright) against the packaged
 * services with a small demo city: each role sees what it may and nothing else, the pages render
 * their figures and charts without a script error, and every page is saved as a screenshot under
 * target/console-screenshots for docs/console.md. Last, on the same services and city, Kafka's history
 * is lost and the read model rebuilt from re-published states ({@link RepublishCheck}): that check
 * needs a whole city as much as these do, and one platform start and city load serve both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    /** A city whose history ends here: fifteen months, enough for growth and a quarter, loaded in under a minute. */
    static final YearMonth LAST = YearMonth.of(2025, 3);

    Platform platform;
    Playwright playwright;
    Browser browser;
    DemoCity city;
    Endpoints infra;
    String topicPrefix;
    final Path shots = Path.of("target/console-screenshots");

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        infra = SharedInfra.endpoints();
        String run = "console" + UUID.randomUUID().toString().substring(0, 6);
        topicPrefix = run + ".";
        Path work = Files.createTempDirectory("parkpulse-console");
        List<Integer> ports = List.of(Ports.free(), Ports.free(), Ports.free(), Ports.free());
        platform = Platform.start(
                root,
                infra,
                ports,
                run + "_",
                work.resolve("logs"),
                Map.of("PARKPULSE_KAFKA_TOPIC_PREFIX", topicPrefix));
        city = new DemoCity(20261122L, LAST);
        Demo.load(platform, city);
        // A year back too: RepublishCheck compares that month's rankings before and after.
        Demo.awaitIndicators(platform, city, List.of(LAST, LAST.minusYears(1)));
        Files.createDirectories(shots);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Chromium.executable())
                        .setHeadless(true)
                        .setArgs(Chromium.FLAGS));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** A browser session signed in through the local sign-in page; every script error on its pages is collected. */
    final class Session implements AutoCloseable {
        final BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
        final Page page = context.newPage();
        final List<String> errors = new ArrayList<>();

        Session(String roleLabel, String park) {
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(page.url() + ": " + m.text());
                }
            });
            page.onPageError(e -> errors.add(page.url() + ": " + e));
            page.navigate(platform.consoleUrl());
            assertTrue(page.url().endsWith("/console/sign-in"), page.url());
            assertTrue(page.textContent("body").contains("本地演示登录"), "the local sign-in says it is local-only");
            page.getByLabel(roleLabel, new Page.GetByLabelOptions().setExact(true))
                    .check();
            if (park != null) {
                page.selectOption("#park", park);
            }
            page.click("button.primary");
            page.waitForURL(u -> !u.endsWith("/console/sign-in") && !u.endsWith("/console"));
        }

        Response open(String path) {
            return page.navigate(platform.consoleUrl() + path);
        }

        /** A page the role may not see: its own status line is the refusal, not a script error. */
        Response refused(String path) {
            Response r = open(path);
            errors.removeIf(e -> e.startsWith(platform.consoleUrl() + path + ": Failed to load resource"));
            return r;
        }

        void shot(String name) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(shots.resolve(name + ".png"))
                    .setFullPage(true));
        }

        @Override
        public void close() {
            context.close();
            assertEquals(List.of(), errors, "script errors on the console's pages");
        }
    }

    private static com.microsoft.playwright.Locator.FilterOptions hasText(String text) {
        return new com.microsoft.playwright.Locator.FilterOptions().setHasText(text);
    }

    @Test
    void theBureauSeesTheCityARankingWithItsChartAndAPark() {
        String p = city.parks.get(0).code();
        try (Session s = new Session("市局分析员", null)) {
            assertTrue(s.page.url().endsWith("/console/city"), s.page.url());
            s.open("/city?month=" + LAST);
            assertTrue(s.page.textContent("h1").contains("2025年3月"));
            // Headline figures of the city, the reporting of every park, and the battle map's counts.
            assertTrue(s.page.locator(".card.figure[data-code=industrial_output] .value")
                    .textContent()
                    .contains("亿元"));
            var reporting = s.page.locator("section[aria-labelledby=h-complete] tbody tr");
            assertEquals(city.parks.size(), reporting.count());
            // The demo's month as a bureau sees one: two parks late, two still missing a figure, the rest on time
            // by the day their paper report was signed for.
            assertEquals(2, reporting.filter(hasText("逾期报送")).count());
            assertEquals(2, reporting.filter(hasText("逾期未报齐")).count());
            assertEquals(1, reporting.filter(hasText("缺从业人员")).count());
            assertEquals(
                    city.parks.size() - 4, reporting.filter(hasText("按时报送")).count());
            s.shot("city");
            // At the half year the overview says who reached 双过半.
            s.open("/city?month=" + LAST.minusMonths(9));
            assertTrue(s.page.textContent("section[aria-labelledby=h-behind]").contains("双过半"));

            s.open("/rankings?indicator=tax_revenue&kind=growth&period=" + LAST);
            assertTrue(s.page.textContent("h1").contains("税收同比增速排名"));
            assertEquals(city.parks.size(), s.page.locator("table tbody tr").count());
            // The bar chart is drawn: ECharts paints a canvas, and it is not blank.
            s.page.waitForSelector("#chart canvas");
            Object painted = s.page.evaluate(
                    "() => { const c = document.querySelector('#chart canvas'); const d = c.getContext('2d')"
                            + ".getImageData(0, 0, c.width, c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4)"
                            + " { if (d[i] > 0) n++; } return n; }");
            assertTrue(((Number) painted).intValue() > 1000, "the ranking's chart is empty");
            s.shot("ranking");

            // Three parks side by side on two figures, with the city's row and each park's share of it.
            s.open("/compare?park=" + city.parks.get(0).code() + "&park="
                    + city.parks.get(1).code() + "&park=" + city.parks.get(2).code()
                    + "&indicator=industrial_output&indicator=tax_revenue&period=" + LAST);
            assertEquals(4, s.page.locator("table:not(.trend) tbody tr").count());
            assertTrue(s.page.locator("table tbody tr").first().textContent().contains("占全市"));
            s.page.waitForSelector("#compare-chart canvas");
            // And their lines from January: one per park, the months as columns of its table.
            s.page.waitForSelector("#trend-chart canvas");
            assertEquals(3, s.page.locator("table.trend tbody tr").count());
            assertEquals(
                    1 + LAST.getMonthValue(),
                    s.page.locator("table.trend thead th").count());
            assertTrue(s.page.locator("table.trend caption").textContent().contains("工业总产值"));
            s.shot("compare");

            s.open("/rankings?indicator=tax_revenue&kind=growth&period=" + LAST);
            var download = s.page.waitForDownload(() -> s.page.click("text=下载Excel"));
            assertTrue(download.suggestedFilename().endsWith(".xlsx"), download.suggestedFilename());

            s.open("/parks/" + p + "?month=" + LAST);
            assertTrue(s.page.textContent("h1").contains(city.parks.get(0).name()));
            assertTrue(s.page.textContent("body").contains("工业总产值"));
            // A count against last year reads as the reports state it, not as a growth rate.
            String enterprises =
                    s.page.locator("tr").filter(hasText("规上企业数")).first().textContent();
            assertTrue(enterprises.matches("(?s).*(净增|净减|持平).*"), enterprises);
            // The trend chart's figures are a table too: this year and last, month by month.
            assertEquals(2, s.page.locator("table.trend tbody tr").count());
            // The trend chart and the pipeline's funnel are drawn.
            assertEquals(2, s.page.locator(".chart canvas").count());
            s.shot("park");
            // The park's written summary, as reporting-service words it.
            s.page.click("text=查看2025年3月经济运行情况");
            assertTrue(s.page.textContent("h1").contains(city.parks.get(0).name() + "2025年1–3月经济运行情况"));
            s.shot("park-summary");
        }
    }

    @Test
    void theBureauPublishesTheQuarterAndReadsAParksScoreInWords() {
        String quarter = LAST.getYear() + "-Q" + (LAST.getMonthValue() / 3);
        try (Session s = new Session("市局管理员", null)) {
            // Publishing cannot be undone: the page asks once more, and the browser says yes.
            s.page.onDialog(d -> d.accept());
            // First the trial scoring: every park scored, nothing stored.
            s.open("/assessments/" + quarter + "/preview");
            assertEquals(
                    city.parks.size(), s.page.locator("table.results tbody tr").count());
            s.open("/assessments?quarter=" + quarter);
            s.page.check("input[name=confirm]");
            s.page.click("button:has-text('生成并发布考核结果')");
            s.page.waitForURL(u -> u.contains("published="));
            assertEquals(
                    city.parks.size(), s.page.locator("table.results tbody tr").count());
            s.shot("assessment");
            s.page.click("table.results tbody tr >> nth=0 >> a");
            s.page.waitForSelector("ul.sentences li");
            String sentence = s.page.locator("ul.sentences li").first().textContent();
            assertTrue(sentence.contains("得") && sentence.contains("分"), sentence);
            s.shot("assessment-park");
            // The park's page lists the quarter among its assessment ranks.
            s.page.click("text=园区详情");
            assertTrue(s.page.locator("section[aria-labelledby=h-ranks]")
                    .textContent()
                    .contains("第一季度"));
        }
    }

    @Test
    void aFlaggedValueIsExplainedByTheParkAndClearedByTheBureau() {
        DemoCity.Park park = city.parks.get(3);
        BigDecimal march = city.values.stream()
                .filter(v -> v.park().equals(park.code())
                        && v.period().equals(LAST.toString())
                        && v.indicator().equals("tax_revenue"))
                .findFirst()
                .orElseThrow()
                .value();
        // April alone twice the first quarter: stored, and flagged for review.
        new Api(Tokens.builder()
                        .role("park-staff")
                        .park(park.code())
                        .user("staff")
                        .sign())
                .put(
                        platform.url("indicators-service") + "/api/v1/parks/" + park.code() + "/values/"
                                + LAST.plusMonths(1) + "/tax_revenue",
                        Map.of("value", march.multiply(BigDecimal.valueOf(3)), "unit", "万元"))
                .expect(200);
        try (Session s = new Session("园区统计员", park.code())) {
            s.page.click("nav >> text=数据核查");
            var row =
                    s.page.locator("table.flags tbody tr").filter(hasText("税收")).filter(hasText("2025年4月"));
            assertTrue(row.first().textContent().contains("待说明"), row.first().textContent());
            row.first().locator("textarea").fill("4月新入库企业集中缴纳土地增值税");
            row.first().locator("button:has-text('提交说明')").click();
            s.page.waitForURL(u -> u.contains("done=explained"));
            assertTrue(s.page.textContent("body").contains("说明已提交"));
        }
        try (Session s = new Session("市局分析员", null)) {
            s.open("/quality?park=" + park.code());
            var row = s.page.locator("table.flags tbody tr")
                    .filter(hasText("4月新入库企业"))
                    .first();
            assertTrue(row.textContent().contains("已说明待审核"), row.textContent());
            // The value beside last month's and last year's, as the office compares them.
            assertTrue(row.locator("td").nth(2).textContent().contains("元"), row.textContent());
            assertTrue(row.locator("td").nth(3).textContent().contains("元"), row.textContent());
            s.shot("quality");
            row.locator("input[name=text]").first().fill("经核实，土地增值税为一次性缴纳，数值成立");
            row.locator("button:has-text('核销')").click();
            s.page.waitForURL(u -> u.contains("done=cleared"));
            s.open("/quality?park=" + park.code() + "&status=all");
            assertTrue(s.page.locator("table.flags").textContent().contains("已核销"));
        }
        try (Session s = new Session("市局管理员", null)) {
            s.open("/quality?park=" + park.code());
            // A receipt dated after today is refused, in Chinese, beside its field.
            s.page.fill("#receipt-period", LAST.toString());
            s.page.fill("#receipt-day", java.time.LocalDate.now().plusDays(3).toString());
            s.page.click("button:has-text('登记签收')");
            assertTrue(s.page.locator("form:has(#receipt-day) .error")
                    .first()
                    .textContent()
                    .contains("晚于今天"));
            // The refused form's page answers 422, which the browser notes; it is the refusal, not a script error.
            s.errors.removeIf(
                    e -> e.contains("/console/quality/receipts: Failed to load resource") && e.contains("422"));
        }
    }

    @Test
    void parkStaffSeeTheirOwnParkAndNoOther() {
        String own = city.parks.get(1).code();
        String other = city.parks.get(2).code();
        try (Session s = new Session("园区统计员", own)) {
            assertTrue(s.page.url().endsWith("/console/parks/" + own), s.page.url());
            s.open("/parks/" + own + "?month=" + LAST);
            assertTrue(s.page.textContent("h1").contains(city.parks.get(1).name()));
            assertFalse(s.page.textContent("nav").contains("园区排名"), "park staff get no city navigation");
            s.shot("park-staff");

            // The month's report: download the template, fill it as in Excel, check it, and see each row's outcome.
            s.open("/parks/" + own + "/report?month=" + LAST.plusMonths(1));
            var template = s.page.waitForDownload(() -> s.page.click("text=报表模板"));
            Path filled = shots.resolve("filled-template.xlsx");
            try (var in = Files.newInputStream(template.path());
                    var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in);
                    var out = Files.newOutputStream(filled)) {
                var sheet = book.getSheetAt(0);
                assertEquals("value", sheet.getRow(0).getCell(3).getStringCellValue());
                sheet.getRow(1)
                        .getCell(3, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                        .setCellValue(99999999.5);
                sheet.getRow(2)
                        .getCell(3, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                        .setCellValue("约3500");
                book.write(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            s.page.setInputFiles("#file", filled);
            s.page.click("button[value=check]");
            s.page.waitForSelector("[role=status]");
            assertTrue(
                    s.page.textContent("[role=status]").contains("试校验（未保存）：新增1项"), s.page.textContent("[role=status]"));
            assertEquals(1, s.page.locator("tr.outcome.rejected").count());
            assertTrue(s.page.locator("tr.outcome.rejected").textContent().contains("约3500"));
            s.shot("report-check");

            // A written work report (a corpus report that masks its year, so the period is given): read into a draft
            // whose figures stand highlighted in their sentences, and confirmed as ticked. January, which no demo month
            // precedes, so that no year-to-date figure of the demo's can refuse them.
            s.page.click("nav >> text=工作报告导入");
            s.page.setInputFiles(
                    "#file",
                    Path.of(System.getProperty("parkpulse.root", ".."))
                            .toAbsolutePath()
                            .normalize()
                            .resolve("indicators-service/src/test/resources/narrative/report-04.txt"));
            s.page.fill("#period", "2026-01");
            s.page.click("#narrative-form button[type=submit]");
            s.page.waitForURL(u -> u.contains("uploaded=1"));
            assertThat(s.page.locator("#report-period")).hasText("2026年1月");
            assertTrue(s.page.locator("table.narrative tbody tr").count() > 1);
            assertEquals(
                    1,
                    s.page.locator("table.narrative mark")
                            .filter(hasText("390.7亿元"))
                            .count());
            assertTrue(s.page.locator("table.apart").textContent().contains("部分企业"));
            s.shot("narrative-draft");
            s.page.click("#confirm-form button[type=submit]");
            s.page.waitForURL(u -> u.contains("confirmed=1"));
            assertTrue(s.page.locator("table.outcome tr.outcome.imported").count() > 0);
            assertEquals(0, s.page.locator("#confirm-form").count());
            s.open("/parks/" + own + "/narrative-reports");
            assertTrue(s.page.locator("table.narratives tbody tr")
                    .first()
                    .textContent()
                    .contains("已确认"));

            // Another park's page, by URL: refused with the service's own Chinese words, nothing of that park shown.
            Response r = s.refused("/parks/" + other + "?month=" + LAST);
            assertEquals(404, r.status());
            assertFalse(s.page.textContent("body").contains(city.parks.get(2).name()));
            assertEquals(403, s.refused("/rankings").status());
            // The city overview sends park staff back to their own park.
            s.open("/city");
            assertTrue(s.page.url().endsWith("/console/parks/" + own), s.page.url());
        }
    }

    @Test
    void parkStaffMoveAProjectOnAndSeeARefusedFigureBesideItsField() {
        // A project under construction whose name is unique in its park, so that its link is unambiguous.
        DemoCity.Project project = city.projects.stream()
                .filter(p -> "UNDER_CONSTRUCTION".equals(p.stage()) && p.suspendedOn() == null)
                .filter(p -> city.projects.stream()
                                .filter(q ->
                                        q.park().equals(p.park()) && q.name().equals(p.name()))
                                .count()
                        == 1)
                .findFirst()
                .orElseThrow();
        try (Session s = new Session("园区统计员", project.park())) {
            s.page.click("nav >> text=项目建设");
            s.page.waitForURL(u -> u.endsWith("/parks/" + project.park() + "/projects"));
            s.page.locator("table.projects a")
                    .filter(hasText(project.name()))
                    .first()
                    .click();
            assertThat(s.page.locator("#stage")).hasText("在建");
            String projectUrl = s.page.url();

            // Only the moves the project allows are offered; each is a button that records it, dated today.
            assertEquals(0, s.page.locator("form[data-to=IN_PRODUCTION]").count());
            s.page.click("form[data-to=COMPLETED] button");
            assertThat(s.page.locator("#stage")).hasText("竣工");
            s.page.click("form[data-to=TRIAL_PRODUCTION] button");
            assertThat(s.page.locator("#stage")).hasText("试生产");
            assertThat(s.page.locator("[role=status]")).containsText("已记录阶段变更");
            s.shot("project");

            // A figure the service refuses comes back beside its input, as typed, in Chinese.
            s.page.fill("#physicalProgress", "150");
            s.page.click("#progress-form button[type=submit]");
            assertThat(s.page.locator("#physicalProgress-e")).containsText("必须小于或等于100");
            assertEquals("150", s.page.inputValue("#physicalProgress"));
            // The refusal is the page's 400, which the browser logs; it is not a script error.
            s.errors.removeIf(
                    e -> e.startsWith(projectUrl.replaceFirst("\\?.*$", "") + "/progress: Failed to load resource"));
            s.shot("project-progress-refused");

            s.page.click("nav >> text=招商引资");
            assertThat(s.page.locator("h1")).containsText("招商引资");
            s.shot("leads");
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (Session s = new Session("市局管理员", null)) {
            s.page.click("text=退出");
            s.page.waitForURL(u -> u.endsWith("/console/sign-in"));
            assertTrue(s.page.url().endsWith("/console/sign-in"), s.page.url());
            s.open("/city");
            assertTrue(s.page.url().endsWith("/console/sign-in"), "a signed-out browser is sent to sign in");
        }
    }

    /**
     * Last, because it deletes every topic and rebuilds the read model, which answers 503 meanwhile; whatever the
     * tests above changed is part of the state it must rebuild.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aReadModelRebuiltFromRepublishedStatesRanksAndScoresAsBefore() throws Exception {
        new RepublishCheck(platform, city, topicPrefix, infra).verify();
    }
}
