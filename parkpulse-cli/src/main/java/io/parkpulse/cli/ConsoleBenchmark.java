package io.parkpulse.cli;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.parkpulse.infra.Chromium;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Infra;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./parkpulse bench console}: how long the console's first screen takes at national scale, in a real
 * browser. reporting-service's read model holds the national benchmark's 2,700 parks (loaded by COPY), beside it
 * runs indicators-service with its catalog, and headless Chromium opens the whole city's ranking of a random
 * indicator and month: from the navigation's start until the page's bar chart is drawn. Writes docs/benchmarks.md.
 */
final class ConsoleBenchmark {

    static final int OPENS = 40;

    record Timing(double p50, double p95, double max) {}

    static void run(Path root) throws Exception {
        Path work = Files.createTempDirectory("parkpulse-console-bench");
        try (Infra infra = Infra.start(work.resolve("infra"))) {
            Endpoints e = infra.endpoints();
            PostgresServer.recreateDatabase(e, "bench_reporting");
            PostgresServer.recreateDatabase(e, "bench_indicators");
            int indicatorsPort = Ports.free();
            int reportingPort = Ports.free();
            try (ServiceProcess indicators = ServiceProcess.start(
                            root,
                            "indicators-service",
                            indicatorsPort,
                            "bench_indicators",
                            e,
                            work.resolve("logs"),
                            true);
                    ServiceProcess reporting = ServiceProcess.start(
                            root,
                            "reporting-service",
                            reportingPort,
                            "bench_reporting",
                            e,
                            work.resolve("logs"),
                            true,
                            Map.of(
                                    "PARKPULSE_CONSOLE_INDICATORS_URL",
                                    "http://localhost:" + indicatorsPort,
                                    "PARKPULSE_CONSOLE_LOCAL_SIGNING_KEY",
                                    root.resolve("deploy/local-keys/local-only-private.pem")
                                            .toString()),
                            ServiceProcess.THROUGHPUT)) {
                indicators.awaitUp(Duration.ofMinutes(3));
                reporting.awaitUp(Duration.ofMinutes(3));
                int values = NationalBenchmark.load(e);
                System.out.printf("loaded %,d values for %,d parks%n", values, NationalBenchmark.PARKS);
                String console = reporting.baseUrl() + "/console";
                try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                        Browser browser = playwright
                                .chromium()
                                .launch(new BrowserType.LaunchOptions()
                                        .setExecutablePath(Chromium.executable())
                                        .setHeadless(true)
                                        .setArgs(Chromium.FLAGS))) {
                    BrowserContext context = browser.newContext(
                            new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1366, 768));
                    Page page = context.newPage();
                    page.navigate(console + "/sign-in");
                    page.getByLabel("市局分析员", new Page.GetByLabelOptions().setExact(true))
                            .check();
                    page.click("button.primary");
                    page.waitForURL(u -> !u.endsWith("/console/sign-in"));

                    Random rnd = new Random(7);
                    // Warm-up: the JIT compiles the hot paths and the service keeps the indicator-months in use.
                    List<String> urls = new ArrayList<>();
                    for (int i = 0; i < OPENS; i++) {
                        String indicator = NationalBenchmark.INDICATORS.get(rnd.nextInt(15));
                        YearMonth month = NationalBenchmark.FIRST.plusMonths(12 + rnd.nextInt(12));
                        urls.add(console + "/rankings?indicator=" + indicator + "&kind=value&period=" + month);
                    }
                    for (String url : urls) {
                        open(page, url);
                    }
                    List<Double> firstScreen = new ArrayList<>();
                    List<Double> html = new ArrayList<>();
                    for (String url : urls) {
                        double[] t = open(page, url);
                        firstScreen.add(t[0]);
                        html.add(t[1]);
                    }
                    Timing screen = timing(firstScreen);
                    Timing server = timing(html);
                    int rows = page.locator("table tbody tr").count();
                    String report = String.format(
                            """
                            ## The console's first screen at national scale

                            Measured %s on this machine (%d cores), `./parkpulse bench console`: reporting-service as its
                            packaged JAR (full JIT) with the national read model (%,d parks, %,d values, by COPY), indicators-service
                            beside it for the catalog, and headless Chromium (Debian's) at 1366×768 opening the whole city's ranking
                            (园区排名, 累计值) of a random indicator and month, %d times after as many warm-up opens. The first
                            screen counts from the navigation's start until the bar chart's canvas is drawn (the page shows its
                            first %d parks, the rest are paged); "HTML" is the navigation's response end, i.e. the console's
                            own work including its calls to reporting-service and indicators-service.

                            | what | p50 | p95 | max |
                            |---|---:|---:|---:|
                            | first screen: ranking of %,d parks, table and bar chart drawn | %.0f ms | %.0f ms | %.0f ms |
                            | of which the page's HTML (server) | %.0f ms | %.0f ms | %.0f ms |

                            Target: the first screen under 1 s.
                            """,
                            LocalDate.now(),
                            Runtime.getRuntime().availableProcessors(),
                            NationalBenchmark.PARKS,
                            values,
                            OPENS,
                            rows,
                            NationalBenchmark.PARKS,
                            screen.p50(),
                            screen.p95(),
                            screen.max(),
                            server.p50(),
                            server.p95(),
                            server.max());
                    System.out.println(report);
                    ImportBenchmark.write(root.resolve("docs/benchmarks.md"), "console", report);
                }
            }
        }
    }

    /** Opens a page; answers the milliseconds until its chart is drawn and until its HTML arrived. */
    private static double[] open(Page page, String url) {
        long start = System.nanoTime();
        page.navigate(url);
        page.waitForSelector(".chart canvas");
        double screen = (System.nanoTime() - start) / 1e6;
        Object responseEnd = page.evaluate("() => performance.getEntriesByType('navigation')[0].responseEnd");
        return new double[] {screen, ((Number) responseEnd).doubleValue()};
    }

    private static Timing timing(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return new Timing(
                sorted.get((int) Math.floor(0.5 * (sorted.size() - 1))),
                sorted.get((int) Math.ceil(0.95 * (sorted.size() - 1))),
                sorted.get(sorted.size() - 1));
    }

    private ConsoleBenchmark() {}
}
