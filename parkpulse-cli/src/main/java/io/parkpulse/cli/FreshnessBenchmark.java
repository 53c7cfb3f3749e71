package io.parkpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ./parkpulse bench freshness}: how soon a park's submitted month report shows in the city's rankings
 * while the city submits continuously, and how rankings answer meanwhile. indicators-service and
 * reporting-service run as their packaged JARs on the embedded PostgreSQL and a real Kafka broker; the 2,700
 * parks of the national benchmark are registered through indicators-service (so reporting learns them by
 * events), and reporting's read model gets the national history (24 months) by COPY. Then, open-loop (a
 * request is sent when it is due, whatever the earlier ones are doing): a park's month report every
 * 1/{@code rate} s, rankings at {@code readRate}/s, and for every {@value #SAMPLE_EVERY}th report a prober
 * that polls the public ranking until the report's value is there. Writes docs/benchmarks.md.
 */
final class FreshnessBenchmark {

    static final int SAMPLE_EVERY = 10;
    static final int POLL_MS = 20;
    /** The month the unmeasured warm-up reports; the measured reports follow month after month. */
    static final YearMonth WARM_MONTH = YearMonth.of(2026, 1);

    /** One measured report: when it was due, when its 200 came, and (sampled) when reporting showed it. */
    static final class Submission {
        final String park;
        final YearMonth month;
        final BigDecimal tax;
        final long due;
        volatile long answered;
        volatile int status;
        volatile long visible;
        volatile int polls;

        Submission(String park, YearMonth month, BigDecimal tax, long due) {
            this.park = park;
            this.month = month;
            this.tax = tax;
            this.due = due;
        }
    }

    record Read(long latency, boolean current, boolean ok) {}

    record Stats(double p50, double p99, double max, int n) {
        static Stats of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            List<Long> s = new ArrayList<>(nanos);
            Collections.sort(s);
            return new Stats(
                    s.get(s.size() / 2) / 1e6,
                    s.get(Math.min(s.size() - 1, (int) (s.size() * 0.99))) / 1e6,
                    s.get(s.size() - 1) / 1e6,
                    s.size());
        }

        String row() {
            return String.format("%.0f ms | %.0f ms | %.0f ms | %,d", p50, p99, max, n);
        }
    }

    static void run(Path root, int rate, int seconds, int readRate, String label) throws Exception {
        Path work = Files.createTempDirectory("parkpulse-freshness");
        int parks = NationalBenchmark.PARKS;
        try (Infra infra = Infra.start(work.resolve("infra"))) {
            Endpoints e = infra.endpoints();
            PostgresServer.recreateDatabase(e, "bench_indicators");
            PostgresServer.recreateDatabase(e, "bench_reporting");
            try (ServiceProcess reporting = ServiceProcess.forBenchmark(
                            root, "reporting-service", "bench_reporting", e, work.resolve("logs"));
                    ServiceProcess indicators = ServiceProcess.forBenchmark(
                            root, "indicators-service", "bench_indicators", e, work.resolve("logs"))) {
                reporting.awaitUp(Duration.ofMinutes(8));
                indicators.awaitUp(Duration.ofMinutes(8));
                String write = indicators.baseUrl() + "/api/v1";
                String read = reporting.baseUrl() + "/api/v1";
                long t0 = System.nanoTime();
                register(write, parks);
                awaitParks(e, parks);
                System.out.printf("registered %,d parks in %.0f s%n", parks, (System.nanoTime() - t0) / 1e9);
                int values = NationalBenchmark.load(e, false);
                System.out.printf("loaded %,d values of history into reporting%n", values);

                List<String> codes = new ArrayList<>();
                for (int p = 0; p < parks; p++) {
                    codes.add(String.format("N%04d", p));
                }
                Collections.shuffle(codes, new Random(17));
                Map<String, String> tokens = new ConcurrentHashMap<>();
                codes.parallelStream().forEach(c -> tokens.put(c, Tokens.token("park-staff", c)));
                String analyst = Tokens.token("bureau-analyst", null);

                // Warm-up, unmeasured: one month of every park and rankings beside it, so both JVMs are compiled.
                System.out.println("warm-up: a month of every park ...");
                phase(write, read, analyst, tokens, codes, WARM_MONTH, 0, parks, rate, readRate);
                Thread.sleep(5_000);

                System.out.printf("measuring: %d reports/s and %d rankings/s for %d s ...%n", rate, readRate, seconds);
                double load0 = load();
                Phase m = phase(
                        write,
                        read,
                        analyst,
                        tokens,
                        codes,
                        WARM_MONTH.plusMonths(1),
                        0,
                        rate * seconds,
                        rate,
                        readRate);
                double load1 = load();
                Breakdown b = breakdown(e, m.submissions);

                List<Submission> all = m.submissions;
                int ok = (int) all.stream().filter(s -> s.status == 200).count();
                Stats answer = Stats.of(all.stream()
                        .filter(s -> s.status == 200)
                        .map(s -> s.answered - s.due)
                        .toList());
                List<Submission> sampled =
                        all.stream().filter(s -> s.status == 200 && s.polls > 0).toList();
                Stats fresh = Stats.of(sampled.stream()
                        .filter(s -> s.visible > 0)
                        .map(s -> s.visible - s.answered)
                        .toList());
                long unseen = sampled.stream().filter(s -> s.visible == 0).count();
                Stats current = Stats.of(m.reads.stream()
                        .filter(r -> r.current)
                        .map(Read::latency)
                        .toList());
                Stats history = Stats.of(m.reads.stream()
                        .filter(r -> !r.current)
                        .map(Read::latency)
                        .toList());
                Stats reads = Stats.of(m.reads.stream().map(Read::latency).toList());
                long readErrors = m.reads.stream().filter(r -> !r.ok).count();
                String report = String.format(
                        """
                        ### %s

                        Measured %s, `./parkpulse bench freshness --rate %d --seconds %d --read-rate %d`, load average
                        %.1f before and %.1f after the measured minute (%d cores). Reports achieved: %,d of %,d answered 200
                        (%.1f/s over the %d s); rankings: %,d sent (%.1f/s), %d errors.

                        | what | p50 | p99 | max | n |
                        |---|---:|---:|---:|---:|
                        | a park's month report (21 values), due → 200 | %s |
                        | **freshness**: 200 → the value visible in the park's peer-group ranking (polled every %d ms) | %s |
                        | of which 200 → the event on the broker (the outbox relay) | %s |
                        | of which the broker → applied in reporting's read model (consumer, handler transaction) | %s |
                        | of which applied → seen by the prober (cache check, recompute, poll interval) | %s |
                        | rankings, whole city first page, all | %s |
                        | rankings of the month being reported (its values change ~%d times/s) | %s |
                        | rankings of other months (history) | %s |

                        Sampled reports never seen within 30 s: %d.
                        """,
                        label,
                        LocalDate.now(),
                        rate,
                        seconds,
                        readRate,
                        load0,
                        load1,
                        Runtime.getRuntime().availableProcessors(),
                        ok,
                        all.size(),
                        ok / m.seconds,
                        seconds,
                        m.reads.size(),
                        m.reads.size() / m.seconds,
                        readErrors,
                        answer.row(),
                        POLL_MS,
                        fresh.row(),
                        b.relay.row(),
                        b.consumer.row(),
                        b.visible.row(),
                        reads.row(),
                        rate,
                        current.row(),
                        history.row(),
                        unseen);
                System.out.println(report);
                Path out = root.resolve("docs/benchmarks-freshness-" + System.currentTimeMillis() + ".md");
                Files.writeString(out, report);
                System.out.println("written to " + out + " (copy into docs/benchmarks.md's freshness section)");
            }
        }
    }

    record Phase(List<Submission> submissions, List<Read> reads, double seconds) {}

    /**
     * Reports {@code from}..{@code to} (report k: park k mod parks, month {@code first} + k / parks, so a park's
     * months arrive in order) at {@code rate}/s, rankings at {@code readRate}/s, sampled reports probed.
     */
    static Phase phase(
            String write,
            String read,
            String analyst,
            Map<String, String> tokens,
            List<String> codes,
            YearMonth first,
            int from,
            int to,
            int rate,
            int readRate)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(pool)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-clock");
            t.setDaemon(true);
            return t;
        });
        int n = to - from;
        double seconds = n / (double) rate;
        long start = System.nanoTime() + 200_000_000L;
        List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int k = from + i;
            String park = codes.get(k % codes.size());
            YearMonth month = first.plusMonths(k / codes.size());
            long due = start + (long) (i * 1e9 / rate);
            List<Map<String, Object>> rows = rows(Integer.parseInt(park.substring(1)), month);
            BigDecimal tax = (BigDecimal)
                    rows.get(ImportBenchmark.INDICATORS.indexOf("tax_revenue")).get("value");
            Submission s = new Submission(park, month, tax, due);
            submissions.add(s);
            HttpRequest req = HttpRequest.newBuilder(URI.create(write + "/parks/" + park + "/values"))
                    .header("Authorization", "Bearer " + tokens.get(park))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            Api.JSON.writeValueAsBytes(Map.of("period", month.toString(), "rows", rows))))
                    .build();
            boolean probe = i % SAMPLE_EVERY == 0;
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            clock.schedule(
                    () -> http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                            .whenComplete((r, t) -> {
                                s.answered = System.nanoTime();
                                s.status = t == null ? r.statusCode() : -1;
                                if (s.status == 200 && probe) {
                                    poll(http, clock, read, analyst, s, done);
                                } else {
                                    done.complete(null);
                                }
                            }),
                    Math.max(0, due - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
        // Rankings: the whole city's first page, half of the month being reported, half of a random earlier month.
        Random rnd = new Random(5);
        List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        int readCount = (int) (seconds * readRate);
        for (int i = 0; i < readCount; i++) {
            long due = start + (long) (i * 1e9 / readRate);
            int k = from + (int) ((due - start) / 1e9 * rate);
            boolean current = rnd.nextBoolean();
            YearMonth month = current
                    ? first.plusMonths(k / codes.size())
                    : NationalBenchmark.FIRST.plusMonths(1 + rnd.nextInt(NationalBenchmark.MONTHS - 1));
            String indicator = current
                    ? ImportBenchmark.INDICATORS.get(rnd.nextInt(ImportBenchmark.INDICATORS.size()))
                    : NationalBenchmark.INDICATORS.get(rnd.nextInt(NationalBenchmark.INDICATORS.size()));
            HttpRequest req = HttpRequest.newBuilder(
                            URI.create(read + "/rankings?indicator=" + indicator + "&period=" + month))
                    .header("Authorization", "Bearer " + analyst)
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            clock.schedule(
                    () -> http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                            .whenComplete((r, t) -> {
                                reads.add(
                                        new Read(System.nanoTime() - due, current, t == null && r.statusCode() == 200));
                                done.complete(null);
                            }),
                    Math.max(0, due - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
        for (CompletableFuture<?> f : new ArrayList<>(pending)) {
            f.get(2, TimeUnit.MINUTES);
        }
        clock.shutdownNow();
        pool.shutdownNow();
        return new Phase(new ArrayList<>(submissions), new ArrayList<>(reads), seconds);
    }

    /** Asks the park's peer-group ranking every {@link #POLL_MS} ms until it shows the report's value (30 s at most). */
    static void poll(
            HttpClient http,
            ScheduledExecutorService clock,
            String read,
            String analyst,
            Submission s,
            CompletableFuture<Void> done) {
        String group = "G" + (Integer.parseInt(s.park.substring(1)) % NationalBenchmark.GROUPS);
        HttpRequest req = HttpRequest.newBuilder(URI.create(read + "/rankings?indicator=tax_revenue&period=" + s.month
                        + "&peerGroup=" + group + "&size=500"))
                .header("Authorization", "Bearer " + analyst)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        s.polls++;
        http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, t) -> {
            long now = System.nanoTime();
            if (t == null && r.statusCode() == 200 && shows(r.body(), s)) {
                s.visible = now;
                done.complete(null);
            } else if (now - s.answered > 30_000_000_000L) {
                done.complete(null);
            } else {
                clock.schedule(() -> poll(http, clock, read, analyst, s, done), POLL_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    static boolean shows(byte[] body, Submission s) {
        try {
            for (JsonNode entry : Api.JSON.readTree(body).path("entries")) {
                if (s.park.equals(entry.path("park").asText())) {
                    return entry.path("value").decimalValue().compareTo(s.tax) == 0;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A month report shaped as bench import's: valid, nothing flagged; year-to-date figures grow every month. */
    static List<Map<String, Object>> rows(int park, YearMonth month) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ImportBenchmark.INDICATORS.size(); i++) {
            String indicator = ImportBenchmark.INDICATORS.get(i);
            long m = ImportBenchmark.STOCKS.contains(indicator) ? 1 : month.getMonthValue();
            rows.add(Map.of(
                    "indicator", indicator, "value", BigDecimal.valueOf((long) (park + 1) * (i + 1) * 1000L * m, 2)));
        }
        return rows;
    }

    static void register(String write, int parks) throws Exception {
        Api admin = new Api(Tokens.token("bureau-admin", null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < parks; p++) {
            int n = p;
            futures.add(pool.submit(() -> admin.post(
                            write + "/parks",
                            Map.of(
                                    "code",
                                    String.format("N%04d", n),
                                    "name",
                                    "国家级基准园区" + n,
                                    "level",
                                    n % 5 == 0 ? "NATIONAL" : "PROVINCIAL",
                                    "kind",
                                    "INDUSTRIAL_PARK",
                                    "district",
                                    "基准区",
                                    "developedLandMu",
                                    1000 + n,
                                    "peerGroup",
                                    "G" + n % NationalBenchmark.GROUPS))
                    .expect(201)));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static void awaitParks(Endpoints e, int parks) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_reporting"), e.user(), e.password());
                var st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("select count(*) from park_replica")) {
                    rs.next();
                    if (rs.getInt(1) >= parks) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("reporting-service did not learn the parks within 5 minutes");
    }

    record Breakdown(Stats relay, Stats consumer, Stats visible) {}

    /**
     * Where a sampled report's time went: its event's broker timestamp (the relay's producer sets it when sending)
     * and reporting's processed_at (its transaction's start; the commit follows within milliseconds), against the
     * 200 and the prober's first sight. All clocks are this machine's.
     */
    static Breakdown breakdown(Endpoints e, List<Submission> submissions) throws Exception {
        List<Submission> sampled =
                submissions.stream().filter(s -> s.visible > 0).toList();
        Map<String, Submission> byKey = sampled.stream().collect(Collectors.toMap(s -> s.park + "|" + s.month, s -> s));
        // nanoTime → wall clock, at one instant.
        long wallNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        Map<String, Long> brokerMs = new java.util.HashMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers",
                e.kafkaBootstrap(),
                "key.deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer",
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                "false",
                "group.id",
                "bench-freshness-" + System.nanoTime()))) {
            consumer.subscribe(List.of("parkpulse.indicators"));
            long idle = 0;
            while (idle < 3) {
                var records = consumer.poll(Duration.ofSeconds(2));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (var r : records) {
                    JsonNode v = Api.JSON.readTree(r.value());
                    JsonNode first = v.path("values").path(0);
                    String key =
                            v.path("park").asText() + "|" + first.path("period").asText();
                    if (byKey.containsKey(key)) {
                        brokerMs.put(key, r.timestamp());
                        var id = r.headers().lastHeader("ce_id");
                        if (id != null) {
                            idToKey.put(new String(id.value(), java.nio.charset.StandardCharsets.UTF_8), key);
                        }
                    }
                }
            }
        }
        Map<String, Long> processed = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("bench_reporting"), e.user(), e.password());
                var ps = c.prepareStatement("select event_id::text, (extract(epoch from processed_at) * 1000)::bigint"
                        + " from processed_event where topic = 'parkpulse.indicators'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String key = idToKey.get(rs.getString(1));
                if (key != null) {
                    processed.put(key, rs.getLong(2));
                }
            }
        }
        List<Long> relay = new ArrayList<>();
        List<Long> consumer = new ArrayList<>();
        List<Long> visible = new ArrayList<>();
        for (Map.Entry<String, Submission> en : byKey.entrySet()) {
            Long broker = brokerMs.get(en.getKey());
            Long applied = processed.get(en.getKey());
            if (broker == null || applied == null) {
                continue;
            }
            Submission s = en.getValue();
            long answeredMs = (s.answered + wallNanos) / 1_000_000L;
            long visibleMs = (s.visible + wallNanos) / 1_000_000L;
            relay.add((broker - answeredMs) * 1_000_000L);
            consumer.add((applied - broker) * 1_000_000L);
            visible.add((visibleMs - applied) * 1_000_000L);
        }
        idToKey.clear();
        return new Breakdown(Stats.of(relay), Stats.of(consumer), Stats.of(visible));
    }

    private static final Map<String, String> idToKey = new ConcurrentHashMap<>();

    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private FreshnessBenchmark() {}
}
