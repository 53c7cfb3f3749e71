package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's history lost: with every topic deleted and created empty, each owning service re-publishes what it owns
 * (POST /api/v1/operations/republish), reporting-service rebuilds its read model from those snapshots alone, and
 * the rankings and an assessment's scores are the same as before, row by row (docs/operations.md).
 * <p>
 * {@link ConsoleIT} runs this as its last test, on the platform and demo city its browser tests used: starting four
 * services and loading a city through the APIs is most of what such a test costs, and everything here compares the
 * read model after the rebuild with the one before it, so what the console's tests changed (a published quarter, a
 * flagged value, a project moved on) is simply part of "before" and must survive the rebuild too.
 */
final class RepublishCheck {

    /**
     * The quarter assessed before the topics are lost. Not the city's last quarter: the console's tests publish
     * that one, and a published quarter is refused a second run.
     */
    static final String QUARTER = "2024-Q4";

    static final List<String> INDICATORS = List.of(
            "industrial_output", "tax_revenue", "main_business_revenue", "fixed_asset_investment", "rd_expenditure");

    static final List<String> TOPICS = List.of(
            "parkpulse.parks",
            "parkpulse.indicators",
            "parkpulse.projects",
            "parkpulse.investment",
            "parkpulse.assessments");

    final Platform platform;
    final DemoCity city;
    final YearMonth last;
    /** The topic prefix the platform's services were started with. */
    final String prefix;

    final Endpoints infra;
    final Api admin =
            new Api(Tokens.builder().role("bureau-admin").user("it-admin").sign());

    RepublishCheck(Platform platform, DemoCity city, String prefix, Endpoints infra) {
        this.platform = platform;
        this.city = city;
        this.last = city.lastMonth;
        this.prefix = prefix;
        this.infra = infra;
    }

    String url(String module, String path) {
        return platform.url(module) + "/api/v1" + path;
    }

    /** Each indicator's ranking of the last month: park, value and rank of every entry, in order. */
    List<String> rankings() {
        List<String> out = new ArrayList<>();
        for (String indicator : INDICATORS) {
            for (YearMonth m : List.of(last, last.minusYears(1))) {
                JsonNode r = Demo.ranking(platform, indicator, m);
                r.get("entries")
                        .forEach(e -> out.add(
                                indicator + " " + m + " " + e.get("park").asText() + " "
                                        + e.get("value")
                                                .decimalValue()
                                                .stripTrailingZeros()
                                                .toPlainString() + " #"
                                        + e.get("rank").asText()));
            }
        }
        return out;
    }

    /** The quarter scored again from the read model with the shipped scheme: each park's total, rank and tier. */
    List<String> preview() {
        List<String> out = new ArrayList<>();
        admin.post(url("reporting-service", "/assessments/preview"), Map.of("quarter", QUARTER))
                .expect(200)
                .body()
                .forEach(r -> out.add(r.get("park").asText() + " "
                        + r.get("total").decimalValue().stripTrailingZeros().toPlainString() + " #"
                        + r.get("rank").asText() + " " + r.get("tier").asText()));
        return out;
    }

    void verify() throws Exception {
        admin.post(url("reporting-service", "/assessments"), Map.of("quarter", QUARTER))
                .expect(201);
        List<String> rankingsBefore = rankings();
        List<String> previewBefore = preview();
        assertTrue(rankingsBefore.size() >= INDICATORS.size() * city.parks.size(), "the city is ranked");
        assertEquals(city.parks.size(), previewBefore.size(), "every park is scored");
        JsonNode countsBefore = admin.get(url("reporting-service", "/read-model"), Map.of())
                .expect(200)
                .body();

        recreateTopics();

        // Each owner publishes what it owns again; the outboxes drain into the empty topics.
        for (String module :
                List.of("indicators-service", "projects-service", "investment-service", "reporting-service")) {
            admin.post(url(module, "/operations/republish"), Map.of()).expect(202);
        }
        for (String module : Platform.MODULES) {
            await(module + " to have re-published", Duration.ofMinutes(3), () -> {
                JsonNode p = admin.get(url(module, "/operations/republish"), Map.of())
                        .expect(200)
                        .body();
                assertTrue(!p.get("state").asText().equals("FAILED"), p.toString());
                return p.get("state").asText().equals("DONE");
            });
            await(
                    module + "'s outbox to drain",
                    Duration.ofMinutes(3),
                    () -> admin.get(url(module, "/operations/messaging"), Map.of())
                                    .expect(200)
                                    .body()
                                    .get("outboxPending")
                                    .asLong()
                            == 0);
        }
        JsonNode report = admin.get(url("indicators-service", "/operations/republish"), Map.of())
                .expect(200)
                .body();
        assertEquals(city.parks.size(), report.get("rows").get("parks").asInt(), report.toString());
        assertEquals(
                city.parks.size(),
                report.get("events").get("parkpulse.parks.park-updated.v1").asInt(),
                report.toString());

        String rebuild = admin.post(url("reporting-service", "/read-model/rebuild"), Map.of())
                .expect(202)
                .body()
                .path("id")
                .asText();
        await("the read model rebuilt from the snapshots", Duration.ofMinutes(3), () -> {
            JsonNode now = admin.get(url("reporting-service", "/read-model"), Map.of())
                    .expect(200)
                    .body();
            return List.of(
                            "indicator_fact",
                            "target_fact",
                            "project_fact",
                            "lead_fact",
                            "funds_fact",
                            "problem_fact",
                            "project_progress_fact",
                            "park_replica")
                    .stream()
                    .allMatch(t -> now.get(t).asLong() == countsBefore.get(t).asLong());
        });
        // Reads answer 503 until the rebuild is DONE, whatever the row counts already say.
        await(
                "the rebuild to be done",
                Duration.ofMinutes(3),
                () -> "DONE"
                        .equals(admin.get(url("reporting-service", "/read-model/rebuilds/" + rebuild), Map.of())
                                .expect(200)
                                .body()
                                .path("state")
                                .asText()));
        await("the same rankings", Duration.ofMinutes(1), () -> rankings().equals(rankingsBefore));
        assertEquals(rankingsBefore, rankings());
        assertEquals(previewBefore, preview(), "the quarter scores the same, park by park");
    }

    /** Every topic of the run deleted and created empty, as after a lost cluster. */
    void recreateTopics() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap());
        try (Admin kafka = Admin.create(p)) {
            Set<String> names = TOPICS.stream().map(t -> prefix + t).collect(Collectors.toSet());
            kafka.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
            await("the topics to be gone", Duration.ofMinutes(1), () -> {
                try {
                    return kafka.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                            .noneMatch(names::contains);
                } catch (Exception e) {
                    return false;
                }
            });
            List<NewTopic> topics = new ArrayList<>();
            for (String t : TOPICS) {
                topics.add(new NewTopic(prefix + t, 3, (short) 1)
                        .configs(
                                t.equals("parkpulse.parks")
                                        ? Map.of("cleanup.policy", "compact")
                                        : Map.of(
                                                "cleanup.policy",
                                                "delete",
                                                "retention.ms",
                                                "-1",
                                                "retention.bytes",
                                                "-1")));
            }
            await("the topics to be created again", Duration.ofMinutes(1), () -> {
                try {
                    Set<String> existing = kafka.listTopics().names().get(10, TimeUnit.SECONDS);
                    List<NewTopic> missing = topics.stream()
                            .filter(t -> !existing.contains(t.name()))
                            .toList();
                    if (!missing.isEmpty()) {
                        kafka.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    }
                    return true;
                } catch (Exception e) {
                    return false; // the deletion is still being finished on the broker
                }
            });
        }
    }

    static void await(String what, Duration bound, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + bound + " for " + what);
            }
            Thread.sleep(500);
        }
    }
}
