package io.parkpulse.cli;

import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Infra;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.Tokens;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * {@code ./parkpulse bench national}: reporting-service at national scale — 2,700 parks, 25 indicators,
 * 24 months (1.62 million values) — measures the quarterly assessment's duration and the ranking
 * endpoint's latency at a fixed request rate, beside the same ranking by one hand-written SQL query on
 * the same database in the same run. The read model is filled with COPY, not through the event stream:
 * this measures the city's view; ingestion has its own benchmark (bench import). Writes
 * docs/benchmarks.md.
 */
final class NationalBenchmark {

    static final int PARKS = 2_700;
    static final int GROUPS = 31;
    static final YearMonth FIRST = YearMonth.of(2024, 1);
    static final int MONTHS = 24;
    static final int COLD_SECONDS = 10;
    /** The import benchmark's indicators and four the catalog added since: a national read model holds them all. */
    static final List<String> INDICATORS = Stream.concat(
                    ImportBenchmark.INDICATORS.stream(),
                    Stream.of(
                            "digital_economy_output",
                            "strategic_emerging_output",
                            "patents_granted",
                            "green_factory_count"))
            .toList();

    static final String RANKING_SQL = """
            with cur as (
                select f.park_code, f.value, rank() over (order by f.value desc) as rnk
                  from indicator_fact f join park_replica p on p.code = f.park_code
                 where f.indicator_code = ? and f.period = ? and p.status = 'ACTIVE' and (cast(? as varchar) is null or p.peer_group = ?)),
            prev as (
                select f.park_code, rank() over (order by f.value desc) as rnk
                  from indicator_fact f join park_replica p on p.code = f.park_code
                 where f.indicator_code = ? and f.period = ? and p.status = 'ACTIVE' and (? is null or p.peer_group = ?))
            select cur.rnk, cur.park_code, p.name, cur.value, prev.rnk
              from cur join park_replica p on p.code = cur.park_code left join prev on prev.park_code = cur.park_code
             order by cur.rnk, cur.park_code""";

    record Query(String indicator, YearMonth month, String group) {}

    record Latency(double p50, double p99, double max, int requests, int errors) {}

    static void run(Path root, int rate, int seconds) throws Exception {
        Path work = Files.createTempDirectory("parkpulse-national");
        try (Infra infra = Infra.start(work.resolve("infra"))) {
            Endpoints e = infra.endpoints();
            PostgresServer.recreateDatabase(e, "bench_reporting");
            try (ServiceProcess svc = ServiceProcess.forBenchmark(
                    root, "reporting-service", "bench_reporting", e, work.resolve("logs"))) {
                svc.awaitUp(Duration.ofMinutes(3));
                long loadStart = System.nanoTime();
                int values = load(e);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf("loaded %,d values for %,d parks in %.1f s%n", values, PARKS, loadSeconds);

                String base = svc.baseUrl() + "/api/v1";
                Api admin = new Api(Tokens.token("bureau-admin", null));
                String quarter = FIRST.plusMonths(MONTHS - 1).getYear() + "-Q4";
                long runStart = System.nanoTime();
                admin.post(base + "/assessments", Map.of("quarter", quarter)).expect(201);
                double runSeconds = (System.nanoTime() - runStart) / 1e9;
                System.out.printf("quarterly run of %s over %,d parks: %.2f s%n", quarter, PARKS, runSeconds);

                Random rnd = new Random(11);
                String token = Tokens.token("bureau-analyst", null);
                // Warm-up: the JIT compiles the hot paths before anything is measured.
                http(base, token, queries(rnd, 400, false), 100, 4);
                // Right after a change of the parks the service keeps nothing: each indicator-month is read again on
                // first use.
                changed(e);
                Latency cold = http(base, token, queries(rnd, rate * COLD_SECONDS, true), rate, COLD_SECONDS);
                Thread.sleep(2_000);
                // Peer groups first: a city-wide phase the machine cannot keep up with would leave a backlog behind.
                int light = Math.max(1, rate / 4);
                Latency groupLight = http(base, token, queries(rnd, light * seconds, true), light, seconds);
                Thread.sleep(2_000);
                Latency group = http(base, token, queries(rnd, rate * seconds, true), rate, seconds);
                Thread.sleep(5_000);
                Latency city = http(base, token, queries(rnd, rate * seconds, false), rate, seconds);
                Thread.sleep(5_000);
                Latency cityLarge = http(base, token, queries(rnd, rate * seconds, false), rate, seconds, "&size=500");
                String plan = explain(e);
                System.out.println(plan);
                Latency sqlCity = sql(e, queries(rnd, 1_000, false));
                Latency sqlGroup = sql(e, queries(rnd, 1_000, true));
                String report = String.format(
                        """
                        ## National scale: %,d parks × %d indicators × %d months

                        Measured %s on this machine (%d cores), `./parkpulse bench national`: reporting-service as its packaged
                        JAR (full JIT, 1 GB heap) on the embedded PostgreSQL 17, its read model filled with %,d values, %,d
                        annual targets and %,d parks in %d peer groups by COPY in %.0f s (not through events: ingestion is
                        measured by the import benchmark). Rankings were requested open-loop at a fixed %d requests/s for %d s
                        each, a random indicator and month per request, latency counted from the moment a request was due;
                        the SQL rows run the ranking's query, hand-written, over JDBC one after another. The service keeps
                        each indicator-month's values in memory until a value of that indicator and month changes; a
                        change of the parks or a rebuild drops them all: the cold row starts right after such a change
                        (every indicator-month read from the database on first use, 575 of them in play), the rows above
                        it run later in the same read model, as a bureau's repeated reads would.

                        | what | p50 | p99 | max | requests | errors |
                        |---|---:|---:|---:|---:|---:|
                        | `GET /api/v1/rankings`, whole city (%,d parks), first page (50) at %d/s | %.1f ms | %.1f ms | %.1f ms | %,d | %d |
                        | `GET /api/v1/rankings`, whole city, pages of 500 (the largest) at %d/s | %.1f ms | %.1f ms | %.1f ms | %,d | %d |
                        | `GET /api/v1/rankings`, one peer group (~%d parks) at %d/s | %.1f ms | %.1f ms | %.1f ms | %,d | %d |
                        | `GET /api/v1/rankings`, one peer group at %d/s | %.1f ms | %.1f ms | %.1f ms | %,d | %d |
                        | `GET /api/v1/rankings`, one peer group at %d/s, the first %d s after the read model changed | %.1f ms | %.1f ms | %.1f ms | %,d | %d |
                        | hand-written SQL, whole city | %.1f ms | %.1f ms | %.1f ms | %,d | — |
                        | hand-written SQL, one peer group | %.1f ms | %.1f ms | %.1f ms | %,d | — |

                        Ratio endpoint p50 ÷ SQL p50: whole city, first page **%.1f**, peer group **%.1f**.

                        Quarterly assessment of %s (default scheme, every park scored, results stored and published): **%.2f s**
                        (target under 10 s). Ranking p99 targets: under 50 ms at 200 requests/s. Errors are answers other
                        than 200 or no answer within 30 s (counted with a latency of 30 s or more).

                        The city-wide query's plan in this run:

                        ```
                        %s
                        ```
                        """,
                        PARKS,
                        INDICATORS.size(),
                        MONTHS,
                        LocalDate.now(),
                        Runtime.getRuntime().availableProcessors(),
                        values,
                        PARKS * 3 * 2,
                        PARKS,
                        GROUPS,
                        loadSeconds,
                        rate,
                        seconds,
                        PARKS,
                        rate,
                        city.p50(),
                        city.p99(),
                        city.max(),
                        city.requests(),
                        city.errors(),
                        rate,
                        cityLarge.p50(),
                        cityLarge.p99(),
                        cityLarge.max(),
                        cityLarge.requests(),
                        cityLarge.errors(),
                        PARKS / GROUPS,
                        light,
                        groupLight.p50(),
                        groupLight.p99(),
                        groupLight.max(),
                        groupLight.requests(),
                        groupLight.errors(),
                        rate,
                        group.p50(),
                        group.p99(),
                        group.max(),
                        group.requests(),
                        group.errors(),
                        rate,
                        COLD_SECONDS,
                        cold.p50(),
                        cold.p99(),
                        cold.max(),
                        cold.requests(),
                        cold.errors(),
                        sqlCity.p50(),
                        sqlCity.p99(),
                        sqlCity.max(),
                        sqlCity.requests(),
                        sqlGroup.p50(),
                        sqlGroup.p99(),
                        sqlGroup.max(),
                        sqlGroup.requests(),
                        city.p50() / sqlCity.p50(),
                        group.p50() / sqlGroup.p50(),
                        quarter,
                        runSeconds,
                        plan.strip());
                System.out.println(report);
                ImportBenchmark.write(root.resolve("docs/benchmarks.md"), "national", report);
            }
        }
    }

    /**
     * What a change of the parks or a rebuild does to what the service keeps: everything is dropped (the V10
     * triggers' effect, without a write). A value drops only its own indicator-month.
     */
    static void changed(Endpoints e) throws Exception {
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_reporting"), e.user(), e.password());
                var s = c.createStatement()) {
            s.executeUpdate("update read_model_generation set generation = generation + 1,"
                    + " everything_changed_at = generation + 1 where id = 1");
        }
    }

    /** Parks, values (year to date, growing month by month) and annual targets, written with COPY. */
    static int load(Endpoints e) throws Exception {
        return load(e, true);
    }

    /**
     * {@code withParks}: false when the parks came in as events already (registered through indicators-service),
     * with the codes, peer groups and land written here.
     */
    static int load(Endpoints e, boolean withParks) throws Exception {
        Random rnd = new Random(2700);
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_reporting"), e.user(), e.password())) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder parks = new StringBuilder();
            StringBuilder targets = new StringBuilder();
            StringBuilder facts = new StringBuilder();
            int n = 0;
            for (int p = 0; p < PARKS; p++) {
                if (p % 100 == 0 && facts.length() > 0) {
                    copyFacts(copy, facts);
                }
                String code = String.format("N%04d", p);
                parks.append(code)
                        .append('\t')
                        .append("国家级基准园区")
                        .append(p)
                        .append('\t')
                        .append(p % 5 == 0 ? "NATIONAL" : "PROVINCIAL")
                        .append("\tINDUSTRIAL_PARK\tG")
                        .append(p % GROUPS)
                        .append('\t')
                        .append(1000 + rnd.nextInt(30_000))
                        .append("\tACTIVE\t0\n");
                double size = 20_000 + rnd.nextInt(2_000_000);
                for (int i = 0; i < INDICATORS.size(); i++) {
                    double share = 0.001 + rnd.nextDouble() * (i < 15 ? 0.9 : 0.0005);
                    for (int m = 0; m < MONTHS; m++) {
                        YearMonth ym = FIRST.plusMonths(m);
                        double yearFactor = 1 + (ym.getYear() - FIRST.getYear()) * (rnd.nextDouble() * 0.2 - 0.03);
                        double v = size * share * yearFactor * ym.getMonthValue() / 12.0;
                        facts.append(code)
                                .append('\t')
                                .append(INDICATORS.get(i))
                                .append('\t')
                                .append(ym)
                                .append('\t')
                                .append(INDICATORS.get(i))
                                .append('\t')
                                .append(String.format("%.2f", v))
                                .append("\t万元\t1\t2026-01-10 10:00:00+08\n");
                        n++;
                        if (i < 3 && ym.getMonthValue() == 12) {
                            targets.append(code)
                                    .append('\t')
                                    .append(INDICATORS.get(i))
                                    .append('\t')
                                    .append(ym.getYear())
                                    .append('\t')
                                    .append(String.format("%.2f", v * (1.05 + rnd.nextDouble() * 0.1)))
                                    .append("\t10\t万元\t1\n");
                        }
                    }
                }
            }
            if (withParks) {
                copy.copyIn(
                        "copy park_replica (code, name, level, kind, peer_group, developed_land_mu, status, version) from stdin",
                        new StringReader(parks.toString()));
            }
            copyFacts(copy, facts);
            copy.copyIn(
                    "copy target_fact (park_code, indicator_code, year, annual, planned_growth_pct, unit, version) from stdin",
                    new StringReader(targets.toString()));
            try (var s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
            return n;
        }
    }

    private static void copyFacts(org.postgresql.copy.CopyManager copy, StringBuilder facts) throws Exception {
        copy.copyIn(
                "copy indicator_fact (park_code, indicator_code, period, indicator_name, value, unit, version, recorded_at) "
                        + "from stdin",
                new StringReader(facts.toString()));
        facts.setLength(0);
    }

    static String explain(Endpoints e) throws Exception {
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_reporting"), e.user(), e.password());
                PreparedStatement ps =
                        c.prepareStatement("explain (analyze, buffers, costs off, timing off) " + RANKING_SQL)) {
            int i = 1;
            for (String m : List.of("2025-06", "2025-05")) {
                ps.setString(i++, "tax_revenue");
                ps.setString(i++, m);
                ps.setString(i++, null);
                ps.setString(i++, null);
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }

    static List<Query> queries(Random rnd, int n, boolean grouped) {
        List<Query> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Query(
                    INDICATORS.get(rnd.nextInt(INDICATORS.size())),
                    FIRST.plusMonths(1 + rnd.nextInt(MONTHS - 1)),
                    grouped ? "G" + rnd.nextInt(GROUPS) : null));
        }
        return out;
    }

    /** Open loop: request i is due at start + i / rate, sent then whatever the earlier ones are doing. */
    static Latency http(String base, String token, List<Query> queries, int rate, int seconds) throws Exception {
        return http(base, token, queries, rate, seconds, "");
    }

    /** {@code extra}: more query parameters for every request ({@code &size=500}). */
    static Latency http(String base, String token, List<Query> queries, int rate, int seconds, String extra)
            throws Exception {
        // Daemon threads, shut down at the end: a leftover pool would keep the benchmark (and the services it watches)
        // alive.
        java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(pool)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        List<CompletableFuture<long[]>> done = new ArrayList<>();
        long start = System.nanoTime() + 50_000_000L;
        int total = Math.min(queries.size(), rate * seconds);
        for (int i = 0; i < total; i++) {
            Query q = queries.get(i);
            long due = start + (long) (i * 1e9 / rate);
            String url = base + "/rankings?indicator=" + q.indicator() + "&period=" + q.month()
                    + (q.group() == null ? "" : "&peerGroup=" + q.group()) + extra;
            HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            CompletableFuture<long[]> f = new CompletableFuture<>();
            clock.schedule(
                    () -> client.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, t) -> f.complete(
                                    new long[] {System.nanoTime() - due, t == null && r.statusCode() == 200 ? 0 : 1})),
                    Math.max(0, due - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            done.add(f);
        }
        List<Long> latencies = new ArrayList<>();
        int errors = 0;
        for (CompletableFuture<long[]> f : done) {
            long[] r = f.get(2, TimeUnit.MINUTES);
            latencies.add(r[0]);
            errors += (int) r[1];
        }
        clock.shutdown();
        pool.shutdownNow();
        return latency(latencies, errors);
    }

    static Latency sql(Endpoints e, List<Query> queries) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_reporting"), e.user(), e.password());
                PreparedStatement ps = c.prepareStatement(RANKING_SQL)) {
            for (int warm = 0; warm < 2; warm++) {
                for (Query q : queries) {
                    long t0 = System.nanoTime();
                    int i = 1;
                    for (YearMonth m : List.of(q.month(), q.month().minusMonths(1))) {
                        ps.setString(i++, q.indicator());
                        ps.setString(i++, m.toString());
                        ps.setString(i++, q.group());
                        ps.setString(i++, q.group());
                    }
                    int rows = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getBigDecimal(4);
                            rows++;
                        }
                    }
                    if (warm == 1) {
                        latencies.add(System.nanoTime() - t0);
                    }
                    if (rows == 0) {
                        throw new IllegalStateException("the hand-written ranking found nothing for " + q);
                    }
                }
            }
        }
        return latency(latencies, 0);
    }

    static Latency latency(List<Long> nanos, int errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Latency(
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6,
                sorted.size(),
                errors);
    }

    private NationalBenchmark() {}
}
