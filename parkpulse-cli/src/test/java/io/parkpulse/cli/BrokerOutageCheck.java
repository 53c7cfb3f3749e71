package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.KafkaBroker;
import io.parkpulse.infra.MetricsScrape;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A broker outage against the packaged services as separate processes: values submitted over HTTP reach
 * reporting-service; while the broker is down submissions are still accepted and wait in the outbox; after it returns
 * every value arrives exactly once, and the services' meters say the same.
 * <p>
 * {@link FaultInjectionIT} runs this as one of its cases, on its platform, whose broker is its own (this stops it):
 * starting four services and a broker for this alone cost as much as the check. That platform has served other
 * cases before, so every count here is taken from the moment the check starts, once reporting-service is idle.
 */
final class BrokerOutageCheck {

    static final List<String> PARKS = List.of("E2E-A", "E2E-B", "E2E-C");

    final Path root;
    final KafkaBroker broker;
    /** Each service's base URL, by module name ({@link Platform#MODULES}). */
    final Map<String, String> urls;

    BrokerOutageCheck(Path root, KafkaBroker broker, Map<String, String> urls) {
        this.root = root;
        this.broker = broker;
        this.urls = urls;
    }

    String url(String module) {
        return urls.get(module);
    }

    /** What the services have counted so far: the check's own counts are the differences from these. */
    record Counts(long eventsProcessed, double processedMeter, double published, double publishFailures) {
        static Counts now(BrokerOutageCheck c) {
            String reporting = scrape(c.url("reporting-service"));
            String indicators = scrape(c.url("indicators-service"));
            return new Counts(
                    messaging(c.url("reporting-service")).get("eventsProcessed").asLong(),
                    MetricsScrape.sum(reporting, "parkpulse_events_consumed_total", "outcome=processed"),
                    MetricsScrape.sum(indicators, "parkpulse_outbox_published_total"),
                    MetricsScrape.sum(indicators, "parkpulse_outbox_publish_failures_total"));
        }
    }

    void aBrokerOutageDelaysEventsAndLosesOrDoublesNone() throws Exception {
        Counts before = idle();
        String indicators = url("indicators-service") + "/api/v1";
        Api admin = new Api(Tokens.token("bureau-admin", null));
        for (String park : PARKS) {
            admin.post(
                            indicators + "/parks",
                            Map.of(
                                    "code",
                                    park,
                                    "name",
                                    "端到端" + park,
                                    "level",
                                    "MUNICIPAL",
                                    "kind",
                                    "INDUSTRIAL_PARK",
                                    "district",
                                    "测试区",
                                    "developedLandMu",
                                    1000))
                    .expect(201);
        }
        Map<String, Map<String, BigDecimal>> expected = new LinkedHashMap<>();
        int valueEvents = 0;
        for (int month = 1; month <= 6; month++) {
            valueEvents += submit(indicators, month, expected);
        }
        awaitReporting(expected, Duration.ofSeconds(90));

        broker.stop();
        int duringOutage = 0;
        for (int month = 7; month <= 12; month++) {
            duringOutage += submit(indicators, month, expected);
        }
        // A correction while the broker is down: a second version of one value.
        BigDecimal corrected = new BigDecimal("6543.21");
        new Api(Tokens.token("park-staff", "E2E-A"))
                .put(indicators + "/parks/E2E-A/values/2025-06/tax_revenue", Map.of("value", corrected))
                .expect(200);
        expected.get("2025-06").put("E2E-A", corrected);
        duringOutage++;
        // Every service stays in rotation: its readiness is its database; the broker's state is reported
        // in the messaging group, where an operator sees it without pods leaving their Service.
        for (String module : Platform.MODULES) {
            assertEquals(200, health(url(module) + "/q/health/ready"), module + " ready");
        }
        TestEvents.await(
                "the messaging health group to report the broker gone",
                Duration.ofSeconds(30),
                () -> health(url("indicators-service") + "/q/health/group/messaging") == 503);
        assertEquals(
                duringOutage,
                messaging(url("indicators-service")).get("outboxPending").asLong(),
                "every write made during the outage was accepted and waits in the outbox");
        valueEvents += duringOutage;
        int waiting = duringOutage;
        TestEvents.await("/q/metrics to show the same backlog, and its age", Duration.ofSeconds(30), () -> {
            String m = scrape(url("indicators-service"));
            return MetricsScrape.sum(m, "parkpulse_outbox_pending") == waiting
                    && MetricsScrape.sum(m, "parkpulse_outbox_oldest_age_seconds") > 0;
        });

        // The relay gives up on a round within the producer's delivery timeout (15 s): an outage longer
        // than that must show on the dashboard as failed rounds, not only as a growing backlog.
        TestEvents.await(
                "the relay to count a failed round against the stopped broker",
                Duration.ofSeconds(60),
                () -> MetricsScrape.sum(scrape(url("indicators-service")), "parkpulse_outbox_publish_failures_total")
                        > before.publishFailures());
        broker.start();
        awaitReporting(expected, Duration.ofMinutes(3));
        TestEvents.await(
                "reporting to have applied every event",
                Duration.ofSeconds(60),
                () -> messaging(url("reporting-service")).get("eventsProcessed").asLong()
                        >= before.eventsProcessed() + PARKS.size() + valueEventsTotal(expected));
        JsonNode reporting = messaging(url("reporting-service"));
        assertEquals(
                PARKS.size() + valueEvents,
                reporting.get("eventsProcessed").asLong() - before.eventsProcessed(),
                "each park and value event applied exactly once");
        assertEquals(0, reporting.get("deadLettered").asLong());
        TestEvents.await(
                "the outbox to drain",
                Duration.ofSeconds(60),
                () -> messaging(url("indicators-service")).get("outboxPending").asLong() == 0);
        metricsAgreeAndCoverTheMonitoringFiles(before, PARKS.size() + valueEvents);
    }

    /**
     * Waits until reporting-service has nothing left to apply (its lag is 0 and its count of applied events holds
     * still) and the owner's outbox is empty, and answers the counts at that moment.
     */
    Counts idle() {
        long[] last = {-1};
        TestEvents.await("reporting-service to be idle and the outbox empty", Duration.ofSeconds(90), () -> {
            String m = scrape(url("reporting-service"));
            long processed =
                    messaging(url("reporting-service")).get("eventsProcessed").asLong();
            boolean still = processed == last[0];
            last[0] = processed;
            ReadModelCheck.sleep(1000);
            return still
                    && MetricsScrape.names(m).contains("parkpulse_consumer_lag")
                    && MetricsScrape.sum(m, "parkpulse_consumer_lag") == 0
                    && messaging(url("indicators-service")).get("outboxPending").asLong() == 0;
        });
        return Counts.now(this);
    }

    /**
     * The meters say what the messaging status says, and every metric deploy/monitoring's dashboard and alert rules
     * query exists in a scrape (here, where all four services have seen traffic, an outage and its end): a
     * misspelt or removed name would leave a panel empty or an alert unable to fire.
     */
    void metricsAgreeAndCoverTheMonitoringFiles(Counts before, int eventsApplied) throws java.io.IOException {
        Set<String> exported = new TreeSet<>();
        Path kept = Path.of("target", "scrapes");
        Files.createDirectories(kept);
        for (String module : Platform.MODULES) {
            String m = scrape(url(module));
            Files.writeString(kept.resolve(module + ".txt"), m);
            exported.addAll(MetricsScrape.names(m));
            assertEquals(1.0, MetricsScrape.sum(m, "parkpulse_ready"), module + " reports itself ready");
            assertEquals(
                    0.0,
                    MetricsScrape.sum(m, "parkpulse_events_consumed_total", "outcome=dead_lettered"),
                    module + " dead-lettered nothing");
        }
        String reporting = scrape(url("reporting-service"));
        assertEquals(
                eventsApplied,
                MetricsScrape.sum(reporting, "parkpulse_events_consumed_total", "outcome=processed")
                        - before.processedMeter(),
                "reporting's counter of processed events matches what it applied");
        TestEvents.await(
                "reporting's lag gauges to reach 0",
                Duration.ofSeconds(30),
                () -> MetricsScrape.names(scrape(url("reporting-service"))).contains("parkpulse_consumer_lag")
                        && MetricsScrape.sum(scrape(url("reporting-service")), "parkpulse_consumer_lag") == 0);
        String indicators = scrape(url("indicators-service"));
        assertTrue(
                MetricsScrape.sum(indicators, "parkpulse_outbox_publish_failures_total") > before.publishFailures(),
                "the relay's failed rounds during the outage were counted");
        assertTrue(MetricsScrape.sum(indicators, "parkpulse_outbox_published_total") - before.published()
                >= eventsApplied);
        Set<String> missing = new TreeSet<>(MonitoringFiles.metricNames(root));
        missing.removeAll(exported);
        missing.removeAll(MonitoringFiles.PROMETHEUS_OWN);
        assertEquals(Set.of(), missing, "metrics deploy/monitoring queries but no service exports (target/scrapes)");
    }

    /** /q/metrics, as Prometheus reads it: without a token. */
    static String scrape(String base) {
        try {
            var r = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), base + "/q/metrics");
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of a health endpoint, which anyone who reaches the port may ask. */
    static int health(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int valueEventsTotal(Map<String, Map<String, BigDecimal>> expected) {
        // one event per (month, park), plus the correction of E2E-A's June figure
        return expected.values().stream().mapToInt(Map::size).sum() + 1;
    }

    /** Each park reports its year-to-date tax revenue for the month; returns the number of events made. */
    static int submit(String indicators, int month, Map<String, Map<String, BigDecimal>> expected) {
        String period = String.format("2025-%02d", month);
        int i = 0;
        for (String park : PARKS) {
            BigDecimal value = BigDecimal.valueOf(1000L * month * (++i)).add(new BigDecimal("0.25"));
            new Api(Tokens.token("park-staff", park))
                    .put(indicators + "/parks/" + park + "/values/" + period + "/tax_revenue", Map.of("value", value))
                    .expect(200);
            expected.computeIfAbsent(period, k -> new LinkedHashMap<>()).put(park, value);
        }
        return PARKS.size();
    }

    void awaitReporting(Map<String, Map<String, BigDecimal>> expected, Duration bound) {
        Api analyst = new Api(Tokens.token("bureau-analyst", null));
        TestEvents.await("reporting-service to show every submitted value", bound, () -> {
            for (var month : expected.entrySet()) {
                JsonNode r = analyst.get(
                                url("reporting-service") + "/api/v1/rankings",
                                Map.of("indicator", "tax_revenue", "period", month.getKey()))
                        .body();
                if (r == null || !r.has("entries")) {
                    return false;
                }
                Map<String, BigDecimal> seen = new LinkedHashMap<>();
                r.get("entries").forEach(e -> {
                    if (PARKS.contains(e.get("park").asText())) {
                        seen.put(e.get("park").asText(), e.get("value").decimalValue());
                    }
                });
                for (var v : month.getValue().entrySet()) {
                    BigDecimal s = seen.get(v.getKey());
                    if (s == null || s.compareTo(v.getValue()) != 0) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /** The service's outbox and consumer counters, which the open health endpoint no longer shows. */
    static JsonNode messaging(String base) {
        return new Api(Tokens.token("service", null))
                .get(base + "/api/v1/operations/messaging", Map.of())
                .body();
    }
}
