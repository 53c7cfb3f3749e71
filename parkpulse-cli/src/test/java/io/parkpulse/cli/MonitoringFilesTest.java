package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring without running anything: the PromQL reader finds exactly the metric names, the rule file has
 * the alerts docs/operations.md promises, each explained in Chinese first and English second. Whether the names
 * exist is BrokerOutageCheck's part, against real scrapes.
 */
class MonitoringFilesTest {

    static final Path ROOT =
            Path.of(System.getProperty("parkpulse.root", "..")).toAbsolutePath().normalize();

    static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Test
    void theReaderKeepsMetricNamesAndDropsFunctionsLabelsAndVariables() {
        assertEquals(
                Set.of("http_server_requests_seconds_bucket"),
                MonitoringFiles.namesIn(
                        "histogram_quantile(0.95, sum by (application, uri, le) "
                                + "(rate(http_server_requests_seconds_bucket{application=~\"$application\", status=~\"5..\"}[5m])))"));
        assertEquals(
                Set.of("parkpulse_consumer_lag"),
                MonitoringFiles.namesIn("sum by (application, topic) (deriv(parkpulse_consumer_lag[5m])) > 0\n"
                        + "  and sum by (application, topic) (parkpulse_consumer_lag) > 0"));
        assertEquals(
                Set.of("a_total", "b"),
                MonitoringFiles.namesIn(
                        "sum(increase(a_total{x=\"y\"}[$__range])) by (x) / on (x) group_left b * 1e3"));
        assertEquals(Set.of("parkpulse_ready"), MonitoringFiles.namesIn("label_values(parkpulse_ready, application)"));
        assertEquals(Set.of("up"), MonitoringFiles.namesIn("up{job=~\"a|b\"} == 0"));
    }

    @Test
    void theFilesNameOnlyParkPulseAndHttpServerMetrics() {
        Set<String> names = MonitoringFiles.metricNames(ROOT);
        assertTrue(names.size() >= 15, "the files query the meters: " + names);
        for (String n : names) {
            assertTrue(
                    n.startsWith("parkpulse_")
                            || n.startsWith("http_server_requests_seconds_")
                            || MonitoringFiles.PROMETHEUS_OWN.contains(n),
                    n + " is a ParkPulse meter, Quarkus' request timer or Prometheus' own");
        }
        assertFalse(MonitoringFiles.dashboardExpressions(ROOT).isEmpty());
    }

    @Test
    void everyPromisedAlertIsThereAndExplainedInBothLanguages() {
        List<JsonNode> rules = MonitoringFiles.alertRules(ROOT);
        List<String> names = rules.stream().map(r -> r.path("alert").asText()).toList();
        for (String expected : List.of(
                "ParkPulseOutboxStuck",
                "ParkPulseConsumerLagGrowing",
                "ParkPulseDeadLetter",
                "ParkPulseAssessmentRunFailed",
                "ParkPulseReadinessFlapping")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
        for (JsonNode r : rules) {
            String alert = r.path("alert").asText();
            JsonNode a = r.path("annotations");
            for (String key : List.of("summary", "description")) {
                assertTrue(CHINESE.matcher(a.path(key).asText()).find(), alert + " " + key + " is Chinese");
                String en = a.path(key + "_en").asText();
                assertTrue(!en.isBlank() && !CHINESE.matcher(en).find(), alert + " " + key + "_en is English");
            }
            assertFalse(r.path("labels").path("severity").asText().isBlank(), alert + " has a severity");
        }
    }
}
