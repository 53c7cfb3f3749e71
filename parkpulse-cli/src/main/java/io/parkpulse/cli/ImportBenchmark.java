package io.parkpulse.cli;

import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Infra;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.Tokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./parkpulse bench import}: 100,000 values through indicators-service's batch API (one
 * request per park and month, then one per park and year, four clients) beside a plain JDBC multi-row INSERT of the same rows
 * into the same PostgreSQL server, in the same run. Writes the figures to docs/benchmarks.md.
 * A benchmark, not a test: it asserts nothing.
 */
public final class ImportBenchmark {

    static final List<String> INDICATORS = List.of(
            "industrial_output",
            "above_scale_industrial_output",
            "industrial_value_added",
            "main_business_revenue",
            "total_profit",
            "tax_revenue",
            "fixed_asset_investment",
            "industrial_investment",
            "tech_upgrade_investment",
            "infrastructure_investment",
            "export_value",
            "foreign_capital_used",
            "industrial_electricity",
            "energy_consumption",
            "rd_expenditure",
            "above_scale_enterprises",
            "high_tech_enterprises",
            "specialized_smes",
            "employees",
            "standard_factory_area",
            "revitalized_idle_land");
    /** The catalog's stock indicators among them (a level at month end, not a total since January). */
    static final java.util.Set<String> STOCKS = java.util.Set.of(
            "above_scale_enterprises",
            "high_tech_enterprises",
            "specialized_smes",
            "employees",
            "standard_factory_area");

    static final int MONTHS = 48;
    static final int CLIENTS = 4;

    /** {@code period}: the batch's month, or null when every row names its own. */
    record Batch(String park, String period, List<Map<String, Object>> rows) {}

    /** One API run's figures. */
    record Run(int values, int requests, double seconds, double p50Ms, double p99Ms) {
        double rate() {
            return values / seconds;
        }
    }

    public static void run(Path root, int targetValues) throws Exception {
        int parks = Math.max(1, (int) Math.ceil(targetValues / (double) (INDICATORS.size() * MONTHS)));
        Path work = Files.createTempDirectory("parkpulse-bench");
        try (Infra infra = Infra.start(work.resolve("infra"))) {
            Endpoints e = infra.endpoints();
            PostgresServer.recreateDatabase(e, "bench_indicators");
            // The JVM as a server runs (full JIT, default collector), not the small one of the demo.
            try (ServiceProcess svc = ServiceProcess.forBenchmark(
                    root, "indicators-service", "bench_indicators", e, work.resolve("logs"))) {
                svc.awaitUp(Duration.ofMinutes(3));
                String base = svc.baseUrl() + "/api/v1";
                Api admin = new Api(Tokens.token("bureau-admin", null));
                // The same figures twice, for two sets of parks: as the monthly report sends them (one
                // request per park and month) and as a history import does (one request per park and year).
                List<Batch> monthly = batches(admin, base, "BENCH-M", parks, false);
                List<Batch> yearly = batches(admin, base, "BENCH-Y", parks, true);
                // A service answers a month's reports warm, as a running server does: both shapes run twice,
                // unmeasured, on parks of their own — about 6,000 requests, because HotSpot compiles a method
                // fully only after some 5,000 calls and much of a request's code runs once per request.
                // Every run starts on an idle service (see awaitIdle).
                int warmMonthly = Math.max(1, parks * 6 / 10);
                int warmYearly = Math.max(1, parks / 10);
                List<Double> idle = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    importAll(base, batches(admin, base, "WARM" + round + "-M", warmMonthly, false));
                    importAll(base, batches(admin, base, "WARM" + round + "-Y", warmYearly, true));
                    idle.add(awaitIdle(svc));
                }
                Run month = importAll(base, monthly);
                idle.add(awaitIdle(svc));
                Run year = importAll(base, yearly);
                // The baseline runs on a quiet server: every event sent, every dirty page written, and the
                // median of five runs (one short run swings with whatever else the machine does).
                awaitOutboxDrained(e);
                List<Double> raw = new ArrayList<>();
                for (int r = 0; r < 5; r++) {
                    raw.add(jdbcBaseline(e, monthly));
                }
                Collections.sort(raw);
                double jdbcSeconds = raw.get(2);
                int values = month.values();
                double jdbcRate = values / jdbcSeconds;
                String report = String.format(
                        """
                        ## Import: %,d values through the batch API vs a plain JDBC insert

                        Measured %s on this machine (%d cores), `./parkpulse bench import`: %d parks × %d months ×
                        %d indicators, %d concurrent clients (HTTP/1.1 keep-alive; bodies and tokens made before the
                        clock starts; every answer checked for HTTP 200 and no rejected row), against indicators-service
                        running as its packaged JAR (full JIT, 1 GB heap) on the embedded PostgreSQL 17, twice: as the
                        monthly report sends them (one batch per park and month, %d rows) and as a history import does (one batch per park and year, %d rows,
                        every row naming its month), each for its own %d parks, after both shapes ran unmeasured twice,
                        on %d and %d further parks (%,d requests: a warm JVM, as a running server is). Each measured run started once
                        the service was idle — under 5 %% of a core, its JIT compiler through with what the runs before
                        made hot and every event sent (waits of %s s). The baseline inserts the same rows
                        with multi-row `INSERT … VALUES (…), (…)` statements of 1,000 rows over plain JDBC into a
                        table of the same shape, on the same server, in the same run, once the service had sent every
                        event, each run after a checkpoint (median of five runs: %s s).

                        | path | requests | seconds | values/s | request latency p50 / p99 | ratio to raw |
                        |---|---:|---:|---:|---:|---:|
                        | batch API, a park's month per request (validation, audit row and review checks per value, one event per request) | %,d | %.1f | %,.0f | %.0f ms / %.0f ms | %.3f |
                        | batch API, a park's year per request (the same work per value) | %,d | %.1f | %,.0f | %.0f ms / %.0f ms | **%.3f** |
                        | plain JDBC multi-row INSERT | — | %.2f | %,.0f | — | 1 |

                        Target: the API reaches at least a quarter (0.25) of the raw insert rate.
                        """,
                        values,
                        LocalDate.now(),
                        Runtime.getRuntime().availableProcessors(),
                        parks,
                        MONTHS,
                        INDICATORS.size(),
                        CLIENTS,
                        INDICATORS.size(),
                        12 * INDICATORS.size(),
                        parks,
                        2 * warmMonthly,
                        2 * warmYearly,
                        2 * (warmMonthly * MONTHS + warmYearly * MONTHS / 12),
                        idle.stream()
                                .map(d -> String.format("%.0f", d))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        raw.stream()
                                .map(d -> String.format("%.2f", d))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        month.requests(),
                        month.seconds(),
                        month.rate(),
                        month.p50Ms(),
                        month.p99Ms(),
                        month.rate() / jdbcRate,
                        year.requests(),
                        year.seconds(),
                        year.rate(),
                        year.p50Ms(),
                        year.p99Ms(),
                        year.rate() / jdbcRate,
                        jdbcSeconds,
                        jdbcRate);
                System.out.println(report);
                write(root.resolve("docs/benchmarks.md"), "import", report);
            }
        }
    }

    /** Registers the parks and builds their 48 months of figures, a month or a year per batch, shuffled. */
    static List<Batch> batches(Api admin, String base, String prefix, int parks, boolean byYear) {
        List<Batch> batches = new ArrayList<>();
        for (int p = 0; p < parks; p++) {
            String code = String.format("%s-%03d", prefix, p);
            admin.post(
                            base + "/parks",
                            Map.of(
                                    "code",
                                    code,
                                    "name",
                                    "基准园区" + code,
                                    "level",
                                    "PROVINCIAL",
                                    "kind",
                                    "INDUSTRIAL_PARK",
                                    "district",
                                    "基准区",
                                    "developedLandMu",
                                    5000))
                    .expect(201);
            List<Map<String, Object>> year = new ArrayList<>();
            for (int m = 0; m < MONTHS; m++) {
                YearMonth ym = YearMonth.of(2021, 1).plusMonths(m);
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < INDICATORS.size(); i++) {
                    // Shaped like real reports, so every row is valid and none is flagged for review: a
                    // year-to-date figure grows by the same amount every month, a stock stays level.
                    long month = STOCKS.contains(INDICATORS.get(i)) ? 1 : ym.getMonthValue();
                    BigDecimal v = BigDecimal.valueOf((long) (p + 1) * (i + 1) * 1000L * month, 2);
                    rows.add(
                            byYear
                                    ? Map.of("indicator", INDICATORS.get(i), "value", v, "period", ym.toString())
                                    : Map.of("indicator", INDICATORS.get(i), "value", v));
                }
                if (!byYear) {
                    batches.add(new Batch(code, ym.toString(), rows));
                    continue;
                }
                year.addAll(rows);
                if (ym.getMonthValue() == 12 || m == MONTHS - 1) {
                    batches.add(new Batch(code, null, year));
                    year = new ArrayList<>();
                }
            }
        }
        Collections.shuffle(batches, new java.util.Random(7));
        return batches;
    }

    /**
     * Sends the batches from {@link #CLIENTS} threads and times them. The load generator shares the
     * machine with the service, so it does as little as a client can: request bodies and tokens are
     * made before the clock starts, one HTTP/1.1 client keeps its connections, and an answer is only
     * checked for its status and for no rejected row.
     */
    static Run importAll(String base, List<Batch> batches) throws Exception {
        int values = batches.stream().mapToInt(b -> b.rows().size()).sum();
        System.out.printf("importing %,d values in %,d batches with %d clients ...%n", values, batches.size(), CLIENTS);
        Map<String, String> tokens = new LinkedHashMap<>();
        List<HttpRequest> requests = new ArrayList<>(batches.size());
        for (Batch b : batches) {
            String token = tokens.computeIfAbsent(b.park(), k -> Tokens.token("park-staff", k));
            Map<String, Object> body =
                    b.period() == null ? Map.of("rows", b.rows()) : Map.of("period", b.period(), "rows", b.rows());
            requests.add(HttpRequest.newBuilder(URI.create(base + "/parks/" + b.park() + "/values"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Api.JSON.writeValueAsBytes(body)))
                    .build());
        }
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        Instant start = Instant.now();
        List<Future<?>> futures = new ArrayList<>();
        for (HttpRequest req : requests) {
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - t0);
                if (r.statusCode() != 200 || !r.body().contains("\"rejected\":0")) {
                    throw new IllegalStateException("batch not imported whole: HTTP " + r.statusCode() + " "
                            + r.body().substring(0, Math.min(500, r.body().length())));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Run(
                values,
                batches.size(),
                seconds,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }

    /**
     * Waits until the service uses less than 5 % of a core (at most a minute) and returns how long that took.
     * After a burst of requests its JIT compiler still has a queue of methods the burst made hot, and
     * its relay a backlog of events: on two cores shared with PostgreSQL, the compiler alone took
     * 40–55 % of the service's CPU during a measured run that followed at once. A server that has been
     * running has compiled its code; each measured run starts from that state.
     */
    static double awaitIdle(ServiceProcess svc) throws InterruptedException {
        Instant start = Instant.now();
        Duration last = svc.cpuTime().orElse(null);
        while (last != null && Duration.between(start, Instant.now()).toSeconds() < 60) {
            Thread.sleep(1000);
            Duration now = svc.cpuTime().orElse(last);
            boolean quiet = now.minus(last).toMillis() < 50;
            last = now;
            if (quiet) {
                break;
            }
        }
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    static void awaitOutboxDrained(Endpoints e) throws Exception {
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_indicators"), e.user(), e.password());
                Statement s = c.createStatement()) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (Instant.now().isBefore(deadline)) {
                try (var rs = s.executeQuery("select count(*) from outbox_event")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(500);
            }
            s.execute("checkpoint");
        }
    }

    static double jdbcBaseline(Endpoints e, List<Batch> batches) throws Exception {
        PostgresServer.recreateDatabase(e, "bench_raw");
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_raw"), e.user(), e.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create table indicator_value (park_code varchar(32) not null, indicator_code varchar(64) not null,
                          period char(7) not null, value numeric(24, 6) not null, version bigint not null,
                          recorded_at timestamptz not null, recorded_by varchar(200) not null, source varchar(16) not null,
                          primary key (park_code, period, indicator_code))""");
                // Every run starts from a clean buffer pool and WAL, so the baseline is as fast as this server gets.
                s.execute("checkpoint");
            }
            List<Object[]> rows = new ArrayList<>();
            for (Batch b : batches) {
                for (Map<String, Object> r : b.rows()) {
                    rows.add(new Object[] {b.park(), r.get("indicator"), b.period(), r.get("value")});
                }
            }
            int chunk = 1000;
            String sql = "insert into indicator_value values "
                    + String.join(",", Collections.nCopies(chunk, "(?, ?, ?, ?, 1, ?, 'bench', 'API')"));
            Instant start = Instant.now();
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            for (int from = 0; from < rows.size(); from += chunk) {
                List<Object[]> part = rows.subList(from, Math.min(from + chunk, rows.size()));
                String q = part.size() == chunk
                        ? sql
                        : "insert into indicator_value values "
                                + String.join(
                                        ",", Collections.nCopies(part.size(), "(?, ?, ?, ?, 1, ?, 'bench', 'API')"));
                try (PreparedStatement ps = c.prepareStatement(q)) {
                    int i = 1;
                    for (Object[] r : part) {
                        ps.setString(i++, (String) r[0]);
                        ps.setString(i++, (String) r[1]);
                        ps.setString(i++, (String) r[2]);
                        ps.setBigDecimal(i++, (BigDecimal) r[3]);
                        ps.setTimestamp(i++, now);
                    }
                    ps.executeUpdate();
                }
            }
            c.commit();
            return Duration.between(start, Instant.now()).toMillis() / 1000.0;
        }
    }

    /** Replaces this benchmark's section of the file (between its markers), keeping the others. */
    static void write(Path file, String name, String section) throws Exception {
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String text = Files.exists(file)
                ? Files.readString(file)
                : "# Benchmarks\n\nFigures written by the benchmark commands; rerun them to refresh a section.\n\n";
        String block = begin + "\n" + section.strip() + "\n" + end;
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        text = a >= 0 && b > a ? text.substring(0, a) + block + text.substring(b + end.length()) : text + block + "\n";
        Files.writeString(file, text);
    }

    private ImportBenchmark() {}
}
