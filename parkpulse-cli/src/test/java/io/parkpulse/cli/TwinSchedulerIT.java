package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.KafkaBroker;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        YearMonth m = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(3);
        String quarter = m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"))) {
            Endpoints infra = new Endpoints(shared.jdbcBase(), shared.user(), shared.password(), broker.bootstrap());
            Map<String, String> env =
                    Map.of("PARKPULSE_ASSESSMENT_CRON", "0/2 * * * * ?", "PARKPULSE_CONSUMER_GROUP", "twin-reporting");
            List<ServiceProcess> twins = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    twins.add(ServiceProcess.start(
                            root,
                            "reporting-service",
                            Ports.free(),
                            "twin_reporting",
                            infra,
                            work.resolve("logs-" + i),
                            true,
                            env));
                }
                for (ServiceProcess s : twins) {
                    s.awaitUp(Duration.ofMinutes(2));
                }
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
                // Quartz lets one node take the triggers while it lives; stop whichever ran it and the other fires on,
                // through the same guard.
                ServiceProcess ran = firings(List.of(twins.get(0)), quarter, "ran") == 1 ? twins.get(0) : twins.get(1);
                ServiceProcess other = ran == twins.get(0) ? twins.get(1) : twins.get(0);
                int before = firings(List.of(other), quarter, "already taken");
                ran.close();
                while (firings(List.of(other), quarter, "already taken") < before + 3) {
                    assertTrue(
                            Instant.now().isBefore(deadline.plusSeconds(60)),
                            "the surviving instance did not take over the schedule");
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
