package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.KafkaBroker;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fault injection against the packaged services as separate processes (docs/operations.md, "故障演练"). One
 * platform serves every case, started once: indicators-service (the owner of the values) and reporting-service
 * (the read model), each on a PostgreSQL server of its own, projects-service and investment-service on the build's
 * shared server, and all four on a broker of this test's own, because the cases kill processes, stop databases and
 * the broker, and move consumer offsets. Each case ends with the same judgement, {@link ReadModelCheck}: the read
 * model equals the source row by row, and the city totals are the sums; the broker's outage has checks of its own
 * before that ({@link BrokerOutageCheck}).
 * <p>
 * The cases run in order and build on each other's data: the owner is started with its outbox relay off, so the
 * first case finds every event of the setup still in the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    static final List<String> PARKS = List.of("FI-A", "FI-B", "FI-C", "FI-D");
    static final List<String> INDICATORS = List.of("tax_revenue", "industrial_output", "fixed_asset_investment");
    static final String INDICATORS_TOPIC = "parkpulse.indicators";
    static final String GROUP = "reporting-service";

    /** A request during an outage is answered, not left hanging: far above the pool's 5 s acquisition timeout. */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Path root;
    Path work;
    KafkaBroker broker;
    PostgresServer indicatorsDb;
    PostgresServer reportingDb;
    Endpoints indicatorsInfra;
    Endpoints reportingInfra;
    Endpoints sharedInfra;
    int indicatorsPort;
    int projectsPort;
    int investmentPort;
    int reportingPort;
    ServiceProcess indicators;
    ServiceProcess projects;
    ServiceProcess investment;
    ServiceProcess reporting;
    ReadModelCheck check;
    final AtomicInteger seq = new AtomicInteger();

    @BeforeAll
    void platform() throws Exception {
        root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        work = Files.createTempDirectory("parkpulse-faults");
        broker = KafkaBroker.start(work.resolve("kafka"));
        indicatorsDb = PostgresServer.start(work.resolve("pg-indicators"));
        reportingDb = PostgresServer.start(work.resolve("pg-reporting"));
        indicatorsInfra = indicatorsDb.endpoints(broker.bootstrap());
        reportingInfra = reportingDb.endpoints(broker.bootstrap());
        Endpoints shared = SharedInfra.endpoints();
        sharedInfra = new Endpoints(shared.jdbcBase(), shared.user(), shared.password(), broker.bootstrap());
        PostgresServer.createDatabase(indicatorsInfra, "fi_indicators");
        PostgresServer.createDatabase(reportingInfra, "fi_reporting");
        PostgresServer.recreateDatabase(sharedInfra, "fi_projects");
        PostgresServer.recreateDatabase(sharedInfra, "fi_investment");
        indicatorsPort = Ports.free();
        projectsPort = Ports.free();
        investmentPort = Ports.free();
        reportingPort = Ports.free();
        // The first case needs rows that stay in the outbox: the relay is off until the owner is killed.
        indicators = startIndicators(Map.of("PARKPULSE_OUTBOX_ENABLED", "false"));
        reporting = startReporting();
        projects = ServiceProcess.start(
                root, "projects-service", projectsPort, "fi_projects", sharedInfra, work.resolve("logs"));
        investment = ServiceProcess.start(
                root, "investment-service", investmentPort, "fi_investment", sharedInfra, work.resolve("logs"));
        for (ServiceProcess s : List.of(indicators, reporting, projects, investment)) {
            s.awaitUp(Duration.ofMinutes(3));
        }
        Api admin = new Api(Tokens.token("bureau-admin", null));
        for (String park : PARKS) {
            admin.post(
                            indicators.baseUrl() + "/api/v1/parks",
                            Map.of(
                                    "code",
                                    park,
                                    "name",
                                    "故障演练" + park,
                                    "level",
                                    "MUNICIPAL",
                                    "kind",
                                    "INDUSTRIAL_PARK",
                                    "district",
                                    "演练区",
                                    "developedLandMu",
                                    1000))
                    .expect(201);
        }
        check = new ReadModelCheck(indicators.baseUrl(), reporting.baseUrl(), PARKS);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c :
                new AutoCloseable[] {reporting, indicators, projects, investment, reportingDb, indicatorsDb, broker}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("stopping " + c + " failed: " + e);
                }
            }
        }
    }

    ServiceProcess startIndicators(Map<String, String> env) throws Exception {
        return ServiceProcess.start(
                root,
                "indicators-service",
                indicatorsPort,
                "fi_indicators",
                indicatorsInfra,
                work.resolve("logs"),
                true,
                env);
    }

    ServiceProcess startReporting() throws Exception {
        return ServiceProcess.start(
                root,
                "reporting-service",
                reportingPort,
                "fi_reporting",
                reportingInfra,
                work.resolve("logs"),
                true,
                Platform.console(
                        root,
                        "reporting-service",
                        List.of(indicatorsPort, projectsPort, investmentPort, reportingPort)));
    }

    /**
     * 2. The owner is killed (SIGKILL) between commit and relay: its answers were 200, its events wait in the
     * outbox. After the restart every pending row is published, each once, and the read model equals the source.
     */
    @Test
    @Order(1)
    void anOwnerKilledWithEventsInItsOutboxPublishesThemAfterRestart() throws Exception {
        for (String park : PARKS) {
            for (int month = 1; month <= 6; month++) {
                Submission s = submit(park, "2025-%02d".formatted(month));
                assertEquals(200, s.status, s.toString());
            }
        }
        long pending = messaging(indicators).get("outboxPending").asLong();
        assertTrue(pending >= PARKS.size() + PARKS.size() * 6L, "the parks and batches wait in the outbox: " + pending);
        assertTrue(
                check.readModel(Set.of("tax_revenue|2025-06")).isEmpty(),
                "nothing has reached the read model while the relay is off");

        indicators.kill();
        indicators = startIndicators(Map.of());
        indicators.awaitUp(Duration.ofMinutes(3));

        int rows = check.awaitEqual("the owner's restart", Duration.ofSeconds(90));
        assertEquals(PARKS.size() * 6 * INDICATORS.size(), rows);
        TestEvents.await(
                "the outbox to drain",
                Duration.ofSeconds(30),
                () -> messaging(indicators).get("outboxPending").asLong() == 0);
        // Each pending row on the broker once: no row lost with the killed JVM, none sent twice by the new one.
        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        for (String topic : List.of(INDICATORS_TOPIC, "parkpulse.parks")) {
            published.addAll(
                    TestEvents.read(broker.bootstrap(), topic, r -> true, Integer.MAX_VALUE, Duration.ofSeconds(5)));
        }
        Set<String> ids = new HashSet<>();
        published.forEach(r -> ids.add(header(r, "ce_id")));
        assertEquals(published.size(), ids.size(), "no event published twice");
        assertTrue(ids.size() >= PARKS.size() * 7, "the parks and every batch were published: " + ids.size());
    }

    /**
     * The broker stopped while the owner keeps accepting values, and started again: see {@link BrokerOutageCheck}.
     * After the first case, which leaves the owner relaying again and its outbox empty.
     */
    @Test
    @Order(2)
    void aBrokerOutageDelaysEventsAndLosesOrDoublesNone() throws Exception {
        Map<String, String> urls = new LinkedHashMap<>();
        for (ServiceProcess s : List.of(indicators, projects, investment, reporting)) {
            urls.put(s.name(), s.baseUrl());
        }
        new BrokerOutageCheck(root, broker, urls).aBrokerOutageDelaysEventsAndLosesOrDoublesNone();
        // Its parks are the city's now, in its totals too: from here on the judgement covers them as well.
        List<String> all = new ArrayList<>(PARKS);
        all.addAll(BrokerOutageCheck.PARKS);
        check = new ReadModelCheck(indicators.baseUrl(), reporting.baseUrl(), all);
        check.awaitEqual("the broker's outage", Duration.ofSeconds(90));
    }

    /**
     * 1. reporting-service is killed (SIGKILL) while it consumes a burst of batch submissions, which go on; once it
     * is back it catches up, and the read model equals the source: no event lost with the killed JVM's uncommitted
     * offsets, none applied twice when they are delivered again.
     */
    @Test
    @Order(3)
    void reportingKilledMidBurstCatchesUpExactly() throws Exception {
        List<String[]> burst = new ArrayList<>();
        for (int month = 7; month <= 12; month++) {
            for (String park : PARKS) {
                burst.add(new String[] {park, "2025-%02d".formatted(month)});
            }
        }
        // Corrections of earlier months: second versions, which must win over the first in the end.
        for (String park : PARKS) {
            for (int month = 1; month <= 4; month++) {
                burst.add(new String[] {park, "2025-%02d".formatted(month)});
            }
        }
        long before = messaging(reporting).get("eventsProcessed").asLong();
        AtomicInteger submitted = new AtomicInteger();
        List<Submission> refused = new CopyOnWriteArrayList<>();
        Thread load = new Thread(() -> {
            for (String[] b : burst) {
                Submission s = submit(b[0], b[1]);
                if (s.status != 200) {
                    refused.add(s);
                }
                submitted.incrementAndGet();
                ReadModelCheck.sleep(100);
            }
        });
        // A daemon, so that a failed case does not leave it keeping the test JVM alive.
        load.setDaemon(true);
        load.start();
        TestEvents.await(
                "reporting to be consuming the burst",
                Duration.ofSeconds(30),
                () -> messaging(reporting).get("eventsProcessed").asLong() >= before + 8);
        int atKill = submitted.get();
        reporting.kill();
        load.join(TimeUnit.MINUTES.toMillis(2));
        assertTrue(atKill < burst.size(), "killed in the middle of the burst (" + atKill + " of " + burst.size() + ")");
        assertEquals(List.of(), refused, "the owner accepts every batch whatever happens to reporting");

        reporting = startReporting();
        reporting.awaitUp(Duration.ofMinutes(3));
        check.awaitEqual("reporting's restart", Duration.ofSeconds(90));
        assertEquals(0, messaging(reporting).get("deadLettered").asLong());
    }

    /**
     * 4. Deliveries duplicated and reordered: records of parkpulse.indicators already consumed are produced again in
     * a shuffled order with their ce_id headers; then, with reporting stopped, its group's offsets are moved back
     * over a range and it reads that range again. Every one of them is recognised as a duplicate: nothing is applied
     * again, and the read model still equals the source.
     */
    @Test
    @Order(4)
    void duplicatedReorderedAndRewoundDeliveriesChangeNothing() throws Exception {
        check.awaitEqual("the earlier cases", Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> consumed = TestEvents.read(
                broker.bootstrap(), INDICATORS_TOPIC, r -> true, Integer.MAX_VALUE, Duration.ofSeconds(5));
        assertTrue(consumed.size() >= 40, "enough records to re-send: " + consumed.size());
        // An offset range of each partition: the middle half, shuffled across and within partitions.
        List<ConsumerRecord<String, String>> resend = new ArrayList<>();
        Map<Integer, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
        consumed.forEach(r -> byPartition
                .computeIfAbsent(r.partition(), p -> new ArrayList<>())
                .add(r));
        byPartition.values().forEach(rs -> resend.addAll(rs.subList(rs.size() / 4, rs.size() * 3 / 4 + 1)));
        Collections.shuffle(resend, new Random(17));
        JsonNode start = messaging(reporting);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrap(), "acks", "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (ConsumerRecord<String, String> r : resend) {
                ProducerRecord<String, String> copy =
                        new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), r.headers());
                p.send(copy).get(30, TimeUnit.SECONDS);
            }
        }
        long processedBefore = start.get("eventsProcessed").asLong();
        long duplicatesBefore = start.get("duplicatesIgnored").asLong();
        TestEvents.await(
                "reporting to see every re-sent record",
                Duration.ofSeconds(60),
                () -> messaging(reporting).get("duplicatesIgnored").asLong() >= duplicatesBefore + resend.size());
        JsonNode after = messaging(reporting);
        assertEquals(processedBefore, after.get("eventsProcessed").asLong(), "no re-sent record was applied again");
        assertEquals(
                duplicatesBefore + resend.size(), after.get("duplicatesIgnored").asLong());
        check.awaitEqual("re-sent shuffled duplicates", Duration.ofSeconds(30));

        // Rewind the group while reporting is stopped (a group with members refuses new offsets).
        reporting.close();
        long rewound = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> back = new LinkedHashMap<>();
            for (var e : committed.entrySet()) {
                if (e.getKey().topic().equals(INDICATORS_TOPIC)) {
                    long to = e.getValue().offset() / 3;
                    back.put(e.getKey(), new OffsetAndMetadata(to));
                    rewound += e.getValue().offset() - to;
                }
            }
            assertFalse(back.isEmpty(), "reporting had committed offsets on " + INDICATORS_TOPIC + ": " + committed);
            admin.alterConsumerGroupOffsets(GROUP, back).all().get(30, TimeUnit.SECONDS);
            assertTrue(rewound > 0, "a range to read again");
        }
        reporting = startReporting();
        reporting.awaitUp(Duration.ofMinutes(3));
        long rewoundRange = rewound;
        TestEvents.await(
                "reporting to read the rewound range again",
                Duration.ofSeconds(60),
                () -> messaging(reporting).get("duplicatesIgnored").asLong() >= rewoundRange);
        assertEquals(0, messaging(reporting).get("eventsProcessed").asLong(), "nothing of the range applied again");
        check.awaitEqual("a rewound consumer group", Duration.ofSeconds(30));
    }

    /**
     * 3a. The owner's PostgreSQL stopped for 20 s under a steady load of batch submissions: requests are answered
     * promptly with 503 problem+json, readiness goes DOWN (the service leaves rotation) while liveness stays UP, and
     * comes back UP without the service being restarted, every batch accepted before and after is in the read model,
     * and no refused batch is half applied.
     */
    @Test
    @Order(5)
    void theOwnersDatabaseStoppedUnderLoad() throws Exception {
        long pid = indicators.pid();
        Load load = Load.start(this, 2023);
        waitFor(load, 5);
        assertEquals(200, BrokerOutageCheck.health(indicators.baseUrl() + "/q/health/ready"), "in rotation before");
        indicatorsDb.stop();
        TestEvents.await(
                "indicators' readiness to go DOWN",
                Duration.ofSeconds(20),
                () -> BrokerOutageCheck.health(indicators.baseUrl() + "/q/health/ready") == 503);
        Thread.sleep(20_000);
        assertEquals(
                200, BrokerOutageCheck.health(indicators.baseUrl() + "/q/health/live"), "alive: nothing to restart");
        indicatorsDb.start();
        TestEvents.await(
                "indicators' readiness to come back UP",
                Duration.ofSeconds(60),
                () -> BrokerOutageCheck.health(indicators.baseUrl() + "/q/health/ready") == 200);
        int accepted = load.accepted();
        TestEvents.await(
                "submissions to be accepted again", Duration.ofSeconds(30), () -> load.accepted() >= accepted + 5);
        List<Submission> all = load.stop();
        assertEquals(pid, indicators.pid(), "the same process throughout");

        List<Submission> refused = all.stream().filter(s -> s.status != 200).toList();
        assertTrue(refused.size() >= 2, "requests were made during the outage: " + refused);
        for (Submission s : all) {
            assertTrue(s.status == 200 || s.status == 503, "answered 200 or 503: " + s);
            assertTrue(s.took.compareTo(ANSWER_BOUND) < 0, "answered within " + ANSWER_BOUND + ": " + s);
        }
        for (Submission s : refused) {
            assertTrue(s.contentType.startsWith("application/problem+json"), s.toString());
            assertEquals("database_unavailable", s.body.path("code").asText(), s.toString());
        }
        check.awaitEqual("the owner's database outage", Duration.ofSeconds(90));
        assertApplied(all);
    }

    /**
     * 3b. reporting-service's PostgreSQL stopped for 20 s while the owner keeps accepting batches: its readiness goes
     * DOWN and back UP without a restart, and the events that arrived meanwhile are applied after it, not
     * dead-lettered (they were, before the consumer told an outage from a failing event).
     */
    @Test
    @Order(6)
    void theReadModelsDatabaseStoppedUnderLoad() throws Exception {
        long pid = reporting.pid();
        Load load = Load.start(this, 2018);
        waitFor(load, 5);
        reportingDb.stop();
        TestEvents.await(
                "reporting's readiness to go DOWN",
                Duration.ofSeconds(20),
                () -> BrokerOutageCheck.health(reporting.baseUrl() + "/q/health/ready") == 503);
        Thread.sleep(20_000);
        reportingDb.start();
        TestEvents.await(
                "reporting's readiness to come back UP",
                Duration.ofSeconds(60),
                () -> BrokerOutageCheck.health(reporting.baseUrl() + "/q/health/ready") == 200);
        List<Submission> all = load.stop();
        assertEquals(pid, reporting.pid(), "the same process throughout");
        assertEquals(List.of(), all.stream().filter(s -> s.status != 200).toList(), "the owner accepted every batch");
        check.awaitEqual("the read model's database outage", Duration.ofSeconds(90));
        assertEquals(0, messaging(reporting).get("deadLettered").asLong(), "no event dead-lettered for the outage");
    }

    /** Accepted batches are stored whole, refused ones not at all (or, if the answer was lost, whole). */
    void assertApplied(List<Submission> all) {
        Map<String, BigDecimal> source = check.source();
        for (Submission s : all) {
            int present = 0;
            for (var row : s.values.entrySet()) {
                BigDecimal stored = source.get(row.getKey());
                if (stored != null && stored.compareTo(row.getValue()) == 0) {
                    present++;
                }
            }
            if (s.status == 200) {
                assertEquals(s.values.size(), present, "an accepted batch is stored: " + s);
            } else {
                assertTrue(present == 0 || present == s.values.size(), "a refused batch is not half applied: " + s);
            }
        }
    }

    static void waitFor(Load load, int accepted) {
        TestEvents.await("the load to run", Duration.ofSeconds(30), () -> load.accepted() >= accepted);
    }

    /** A steady load: one batch about every 300 ms, each for a park and month of its own, until stopped. */
    static final class Load {
        final List<Submission> done = new CopyOnWriteArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        Thread thread;

        static Load start(FaultInjectionIT it, int year) {
            Load l = new Load();
            l.thread = new Thread(() -> {
                int i = 0;
                while (l.running.get()) {
                    String park = PARKS.get(i % PARKS.size());
                    int n = i / PARKS.size();
                    // A new (park, month) each time, so that every stored value names the batch that wrote it.
                    String period = "%d-%02d".formatted(year - n / 12, n % 12 + 1);
                    l.done.add(it.submit(park, period));
                    i++;
                    ReadModelCheck.sleep(300);
                }
            });
            l.thread.setDaemon(true);
            l.thread.start();
            return l;
        }

        int accepted() {
            return (int) done.stream().filter(s -> s.status == 200).count();
        }

        List<Submission> stop() throws InterruptedException {
            running.set(false);
            thread.join(TimeUnit.SECONDS.toMillis(60));
            return List.copyOf(done);
        }
    }

    /** One batch request and how it was answered. */
    record Submission(
            String park,
            String period,
            Map<String, BigDecimal> values,
            int status,
            String contentType,
            JsonNode body,
            Duration took) {
        @Override
        public String toString() {
            return park + " " + period + " → " + status + " " + contentType + " in " + took.toMillis() + " ms: " + body;
        }
    }

    /**
     * One month's batch of a park: every value carries a sequence number, so that the value stored says which
     * request wrote it. Year-to-date values grow with the month, as the checks of cumulative values expect.
     */
    Submission submit(String park, String period) {
        int n = seq.incrementAndGet();
        int month = Integer.parseInt(period.substring(5));
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int j = 0; j < INDICATORS.size(); j++) {
            BigDecimal v =
                    BigDecimal.valueOf(100_000L * month + 20_000L * j + n).add(new BigDecimal("0.5"));
            values.put(ReadModelCheck.key(park, INDICATORS.get(j), period), v);
            rows.add(Map.of("indicator", INDICATORS.get(j), "value", v));
        }
        Instant t0 = Instant.now();
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(indicators.baseUrl() + "/api/v1/parks/" + park + "/values?atomic=true"))
                            .header("Authorization", "Bearer " + Tokens.token("park-staff", park))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    Api.JSON.writeValueAsString(Map.of("period", period, "rows", rows)),
                                    StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isEmpty() ? null : Api.JSON.readTree(r.body());
            return new Submission(
                    park,
                    period,
                    values,
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    body,
                    Duration.between(t0, Instant.now()));
        } catch (Exception e) {
            // No answer at all (a hang beyond 30 s or a refused connection) is recorded as status -1.
            return new Submission(park, period, values, -1, "", null, Duration.between(t0, Instant.now()));
        }
    }

    static JsonNode messaging(ServiceProcess s) {
        return new Api(Tokens.token("service", null))
                .get(s.baseUrl() + "/api/v1/operations/messaging", Map.of())
                .expect(200)
                .body();
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "missing-" + UUID.randomUUID() : new String(h.value(), StandardCharsets.UTF_8);
    }
}
