package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.KafkaBroker;
import io.parkpulse.infra.MetricsScrape;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Two packaged reporting-service processes on one database, their quarterly schedule set to fire every
 * two seconds: the last closed quarter is assessed exactly once, the firings after it find it taken, and
 * when the instance that ran it stops, the other fires on and finds it taken too. The test owns its broker, so that the quarter-closed event it causes reaches
 * no other test's services.
 */
class TwinSchedulerIT {

    static final Pattern FIRED = Pattern.compile("scheduled assessment of (\\d{4}-Q\\d): (ran|already taken)");

    @Test
    void twoInstancesRunTheScheduledQuarterOnce() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        Endpoints shared = SharedInfra.endpoints();
        Path work = Files.createTempDirectory("parkpulse-twins");
        PostgresServer.createDatabase(shared, "twin_reporting");
        String quarter = lastClosedQuarter();
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"))) {
            Endpoints infra = new Endpoints(shared.jdbcBase(), shared.user(), shared.password(), broker.bootstrap());
            Map<String, String> env =
                    Map.of("PARKPULSE_ASSESSMENT_CRON", "0/2 * * * * ?", "PARKPULSE_CONSUMER_GROUP", "twin-reporting");
            List<ServiceProcess> twins = new ArrayList<>();
            try {
                startTwins(twins, root, "twin_reporting", infra, work, env);
                // A run needs a park to assess (the services create the topics, so the park comes now): until the
                // instances have read it, a firing fails, rolls back its claim, and a later one tries again.
                TestEvents.publishNewPark(broker.bootstrap(), "TWIN", "双实例园区");
                // Both are up and clustered; wait until the schedule has fired at least six times after the run.
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                while (firings(twins, quarter, "already taken") < 6) {
                    assertTrue(
                            Instant.now().isBefore(deadline),
                            "the schedule did not keep firing: " + firings(twins, quarter, null));
                    Thread.sleep(500);
                }
                assertEquals(1, firings(twins, quarter, "ran"), "exactly one firing ran the quarter");
                rebuildOnOneInstanceRebuildsTheWholeReadModel(twins, infra, broker.bootstrap());
                // Quartz lets one node take the triggers while it lives; stop whichever ran it and the other fires on,
                // through the same guard.
                ServiceProcess ran = firings(List.of(twins.get(0)), quarter, "ran") == 1 ? twins.get(0) : twins.get(1);
                ServiceProcess other = ran == twins.get(0) ? twins.get(1) : twins.get(0);
                int before = firings(List.of(other), quarter, "already taken");
                Instant takeover = Instant.now().plusSeconds(60);
                // What an operator's dashboard shows of the same firings (counted before each is logged).
                String ranMetrics = BrokerOutageCheck.scrape(ran.baseUrl());
                String otherMetrics = BrokerOutageCheck.scrape(other.baseUrl());
                assertEquals(1.0, MetricsScrape.sum(ranMetrics, "parkpulse_assessment_job_runs_total", "outcome=ran"));
                assertEquals(
                        0.0, MetricsScrape.sum(otherMetrics, "parkpulse_assessment_job_runs_total", "outcome=ran"));
                assertTrue(
                        MetricsScrape.sum(ranMetrics, "parkpulse_assessment_job_runs_total", "outcome=already_taken")
                                        + MetricsScrape.sum(
                                                otherMetrics,
                                                "parkpulse_assessment_job_runs_total",
                                                "outcome=already_taken")
                                >= 6,
                        "every firing that found the quarter taken is counted");
                ran.close();
                while (firings(List.of(other), quarter, "already taken") < before + 3) {
                    assertTrue(
                            Instant.now().isBefore(takeover), "the surviving instance did not take over the schedule");
                    Thread.sleep(500);
                }
                assertEquals(1, firings(twins, quarter, "ran"), "still exactly one run");
                Api analyst = new Api(Tokens.token("bureau-analyst", null));
                for (ServiceProcess s : List.of(other)) {
                    JsonNode runs = analyst.get(s.baseUrl() + "/api/v1/assessments", Map.of())
                            .expect(200)
                            .body();
                    List<JsonNode> ofQuarter = new ArrayList<>();
                    (runs.isArray() ? runs : runs.path("items")).forEach(r -> {
                        if (quarter.equals(r.path("quarter").asText())) {
                            ofQuarter.add(r);
                        }
                    });
                    assertEquals(1, ofQuarter.size(), s.name() + " sees " + ofQuarter);
                    assertEquals(1, ofQuarter.get(0).path("revision").asInt());
                    assertEquals("SCHEDULED", ofQuarter.get(0).path("trigger").asText());
                }
            } finally {
                twins.forEach(ServiceProcess::close);
            }
        }
    }

    static final String INDICATOR = "twin_out";

    static final String RANKED = "2020-06";

    /**
     * A rebuild asked of the first instance: it alone rebuilds (the second's log never claims one), it rebuilds
     * every park's data whichever instance's partitions it is in (the damage it must repair is in every partition),
     * the values published while it runs are applied once by the group consumers after it, and both instances then
     * serve the same ranking. Thousands of records make the rebuild last long enough to publish during it.
     */
    static void rebuildOnOneInstanceRebuildsTheWholeReadModel(
            List<ServiceProcess> twins, Endpoints infra, String bootstrap) throws Exception {
        ServiceProcess a = twins.get(0);
        ServiceProcess b = twins.get(1);
        Api admin = new Api(Tokens.token("bureau-admin", null));
        List<String> parks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parks.add(TestEvents.publishNewPark(bootstrap, "TWR", "重建园区" + i));
        }
        // Two indicators, every month of 2000-2025, for each park: 3,744 records over the three partitions.
        int published = 1 + parks.size(); // the TWIN park and these
        try (KafkaProducer<String, String> p = producer(bootstrap)) {
            for (String park : parks) {
                for (String indicator : List.of(INDICATOR, "twin_other")) {
                    for (YearMonth m = YearMonth.of(2000, 1); m.getYear() < 2026; m = m.plusMonths(1)) {
                        int value = 100 + parks.indexOf(park) * 10 + m.getMonthValue();
                        send(p, park, indicator, m.toString(), value, 1);
                        published++;
                    }
                }
            }
            p.flush();
        }
        Map<String, String> query = Map.of("indicator", INDICATOR, "period", RANKED, "size", "100");
        int first = published;
        awaitTrue("both instances ranking the six parks", Duration.ofSeconds(120), () -> {
            for (ServiceProcess s : twins) {
                Api.Reply r = admin.get(s.baseUrl() + "/api/v1/rankings", query);
                if (r.status() != 200 || r.body().path("entries").size() != 6) {
                    return false;
                }
            }
            return processed(infra) == first;
        });

        // Damage every park's figure behind the events' back: only replaying all three partitions repairs it.
        execute(infra, "update indicator_fact set value = 0 where indicator_code = '" + INDICATOR + "'");

        Api.Reply started =
                admin.post(a.baseUrl() + "/api/v1/read-model/rebuild", Map.of()).expect(202);
        String id = started.body().path("id").asText();
        // Published while it runs: held by every instance's group consumer, applied once after it.
        try (KafkaProducer<String, String> p = producer(bootstrap)) {
            for (String park : parks) {
                send(p, park, INDICATOR, RANKED, 1000 + parks.indexOf(park), 2);
                published++;
            }
            p.flush();
        }
        JsonNode during = admin.get(b.baseUrl() + "/api/v1/read-model/rebuilds/" + id, Map.of())
                .expect(200)
                .body();
        assertEquals(
                "RUNNING",
                during.path("state").asText(),
                "the late values must be published while the rebuild runs: " + during);
        admin.post(b.baseUrl() + "/api/v1/read-model/rebuild", Map.of()).expect(409);
        assertEquals(
                503,
                admin.get(b.baseUrl() + "/api/v1/rankings", query).status(),
                "the other instance does not serve the half-built read model");

        awaitTrue(
                "the rebuild to end",
                Duration.ofSeconds(180),
                () -> !"RUNNING"
                        .equals(admin.get(b.baseUrl() + "/api/v1/read-model/rebuilds/" + id, Map.of())
                                .body()
                                .path("state")
                                .asText()));
        JsonNode done = admin.get(a.baseUrl() + "/api/v1/read-model/rebuilds/" + id, Map.of())
                .expect(200)
                .body();
        assertEquals("DONE", done.path("state").asText(), done.toString());
        assertEquals(
                1,
                admin.get(b.baseUrl() + "/api/v1/read-model/rebuilds", Map.of())
                        .body()
                        .size());
        assertTrue(Files.readString(a.log()).contains("rebuild " + id + " of the read model claimed by"));
        assertTrue(!Files.readString(b.log()).contains("of the read model claimed by"), "the second does not rebuild");
        for (JsonNode t : done.path("topics")) {
            assertEquals(t.path("total").asLong(), t.path("replayed").asLong(), t.toString());
        }

        int all = published;
        awaitTrue(
                "every event applied once, the late ones by the group consumers",
                Duration.ofSeconds(120),
                () -> processed(infra) == all);
        String[] rankings = new String[2];
        awaitTrue("both instances ranking the late values", Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 2; i++) {
                Api.Reply r = admin.get(twins.get(i).baseUrl() + "/api/v1/rankings", query);
                if (r.status() != 200) {
                    return false;
                }
                rankings[i] = r.body().path("entries").toString();
            }
            return rankings[0].contains("1005") && rankings[0].equals(rankings[1]);
        });
        assertEquals(rankings[0], rankings[1], "both instances serve the same ranking");
        JsonNode entries = Api.JSON.readTree(rankings[0]);
        assertEquals(6, entries.size());
        for (JsonNode e : entries) {
            int i = parks.indexOf(e.path("park").asText());
            assertTrue(i >= 0, e.toString());
            assertEquals(1000 + i, e.path("value").asInt(), "each park's late value, none left at 0: " + e);
        }
        assertEquals(all, processed(infra), "no event applied twice or lost");
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", "20"),
                new StringSerializer(),
                new StringSerializer());
    }

    static void send(KafkaProducer<String, String> p, String park, String indicator, String period, int value, long v) {
        ProducerRecord<String, String> r = new ProducerRecord<>(
                TestEvents.onBroker("parkpulse.indicators"),
                park,
                "{\"park\":\"" + park + "\",\"indicator\":\"" + indicator + "\",\"indicatorName\":\"工业总产值\","
                        + "\"period\":\"" + period + "\",\"value\":" + value + ",\"unit\":\"万元\",\"version\":" + v
                        + ",\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2025-07-10T10:00:00+08:00\"}");
        for (String[] h : List.of(
                new String[] {"ce_specversion", "1.0"},
                new String[] {"ce_id", UUID.randomUUID().toString()},
                new String[] {"ce_source", "/parkpulse/tests"},
                new String[] {"ce_type", "parkpulse.indicators.value-recorded.v1"},
                new String[] {"ce_subject", park},
                new String[] {"ce_time", OffsetDateTime.now().toString()},
                new String[] {"content-type", "application/json"})) {
            r.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
        }
        p.send(r);
    }

    static long processed(Endpoints infra) {
        try (Connection c =
                        DriverManager.getConnection(infra.jdbcUrl("twin_reporting"), infra.user(), infra.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from processed_event")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(Endpoints infra, String sql) throws java.sql.SQLException {
        try (Connection c =
                        DriverManager.getConnection(infra.jdbcUrl("twin_reporting"), infra.user(), infra.password());
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    static void awaitTrue(String what, Duration bound, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        Instant deadline = Instant.now().plus(bound);
        while (!condition.call()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            Thread.sleep(500);
        }
    }

    /**
     * The instance running the quarter is killed (SIGKILL) in the middle of the run — scored, not yet committed, held
     * there by the test-only {@code parkpulse.assessment.run-pause}. Its transaction dies with it, claim and results
     * alike; the other instance, whose firing waited on the claimed row, then claims the quarter and runs it. One
     * result set is published: one assessment of the quarter, one assessment-published event on the broker.
     */
    @Test
    void aRunKilledMidwayIsCompletedOnceByTheOther() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        Endpoints shared = SharedInfra.endpoints();
        Path work = Files.createTempDirectory("parkpulse-twins-kill");
        PostgresServer.recreateDatabase(shared, "twin_kill_reporting");
        String quarter = lastClosedQuarter();
        Pattern midway = Pattern.compile("scheduled assessment of " + quarter + ": scored, committing in");
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"))) {
            Endpoints infra = new Endpoints(shared.jdbcBase(), shared.user(), shared.password(), broker.bootstrap());
            Map<String, String> env = Map.of(
                    "PARKPULSE_ASSESSMENT_CRON", "0/2 * * * * ?",
                    "PARKPULSE_CONSUMER_GROUP", "twin-kill-reporting",
                    "PARKPULSE_ASSESSMENT_RUN_PAUSE", "PT10S");
            List<ServiceProcess> twins = new ArrayList<>();
            try {
                startTwins(twins, root, "twin_kill_reporting", infra, work, env);
                TestEvents.publishNewPark(broker.bootstrap(), "TWINK", "双实例断电园区");
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                ServiceProcess running = null;
                while (running == null) {
                    assertTrue(Instant.now().isBefore(deadline), "no instance began the run");
                    for (ServiceProcess s : twins) {
                        if (Files.exists(s.log())
                                && midway.matcher(Files.readString(s.log())).find()) {
                            running = s;
                        }
                    }
                    Thread.sleep(200);
                }
                running.kill();
                ServiceProcess other = running == twins.get(0) ? twins.get(1) : twins.get(0);
                assertEquals(0, firings(List.of(running), quarter, "ran"), "killed before its run committed");
                while (firings(List.of(other), quarter, "already taken") < 2) {
                    assertTrue(
                            Instant.now().isBefore(deadline.plusSeconds(60)),
                            "the surviving instance did not complete the run: " + firings(twins, quarter, null));
                    Thread.sleep(500);
                }
                assertEquals(1, firings(List.of(other), quarter, "ran"), "the survivor ran the quarter once");
                JsonNode runs = new Api(Tokens.token("bureau-analyst", null))
                        .get(other.baseUrl() + "/api/v1/assessments", Map.of())
                        .expect(200)
                        .body();
                List<JsonNode> ofQuarter = new ArrayList<>();
                (runs.isArray() ? runs : runs.path("items")).forEach(r -> {
                    if (quarter.equals(r.path("quarter").asText())) {
                        ofQuarter.add(r);
                    }
                });
                assertEquals(1, ofQuarter.size(), "one assessment of the quarter: " + ofQuarter);
                assertEquals(1, ofQuarter.get(0).path("revision").asInt());
                List<ConsumerRecord<String, String>> published = TestEvents.read(
                        broker.bootstrap(),
                        "parkpulse.assessments",
                        r -> {
                            var type = r.headers().lastHeader("ce_type");
                            return type != null
                                    && new String(type.value(), StandardCharsets.UTF_8)
                                            .equals("parkpulse.assessments.assessment-published.v1")
                                    && r.value().contains(quarter);
                        },
                        2,
                        Duration.ofSeconds(20));
                assertEquals(1, published.size(), "one assessment-published event for " + quarter);
            } finally {
                twins.forEach(ServiceProcess::close);
            }
        }
    }

    /** The quarter the schedule assesses: the last one that has ended, in the city's time. */
    static String lastClosedQuarter() {
        YearMonth m = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(3);
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * Two packaged reporting-service instances on one database, added to {@code twins} as they start so that the
     * caller's finally closes whichever did.
     */
    static void startTwins(
            List<ServiceProcess> twins, Path root, String db, Endpoints infra, Path work, Map<String, String> env)
            throws Exception {
        for (int i = 0; i < 2; i++) {
            twins.add(ServiceProcess.start(
                    root, "reporting-service", Ports.free(), db, infra, work.resolve("logs-" + i), true, env));
        }
        for (ServiceProcess s : twins) {
            s.awaitUp(Duration.ofMinutes(2));
        }
    }

    /** Firings for the quarter logged by either instance with the given outcome (any outcome when null). */
    static int firings(List<ServiceProcess> twins, String quarter, String outcome) throws java.io.IOException {
        int n = 0;
        for (ServiceProcess s : twins) {
            if (!Files.exists(s.log())) {
                continue;
            }
            Matcher f = FIRED.matcher(Files.readString(s.log()));
            while (f.find()) {
                if (f.group(1).equals(quarter) && (outcome == null || f.group(2).equals(outcome))) {
                    n++;
                }
            }
        }
        return n;
    }
}
