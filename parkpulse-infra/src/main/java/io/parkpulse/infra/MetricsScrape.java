package io.parkpulse.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /q/metrics} of one service: open without a token like health, carrying the service's own meters, and
 * tagging requests by route template, so that neither a park code nor any text a caller puts in a path reaches a
 * series (docs/security.md, "Metrics").
 */
public final class MetricsScrape {

    /** Every service exports these from parkpulse-common. */
    public static final List<String> COMMON = List.of(
            "parkpulse_outbox_pending",
            "parkpulse_outbox_oldest_age_seconds",
            "parkpulse_outbox_published_total",
            "parkpulse_outbox_publish_failures_total",
            "parkpulse_events_consumed_total",
            "parkpulse_ready",
            "parkpulse_readiness_changes_total");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)", Pattern.MULTILINE);

    private MetricsScrape() {}

    /** The metric names of a Prometheus text exposition (samples, not HELP/TYPE comments). */
    public static Set<String> names(String exposition) {
        Set<String> out = new TreeSet<>();
        Matcher m = SAMPLE.matcher(exposition);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The sum of the samples of {@code name} whose labels include every {@code label=value} pair given; NaN
     * samples count as 0. Exposition lines look like {@code name{a="x",b="y",} 12.0}.
     */
    public static double sum(String exposition, String name, String... labels) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int brace = line.indexOf('}');
            String tags = brace < 0 ? "" : line.substring(name.length(), brace + 1);
            boolean all = true;
            for (String l : labels) {
                int eq = l.indexOf('=');
                String pair = l.substring(0, eq) + "=\"" + l.substring(eq + 1) + "\"";
                all &= tags.contains("{" + pair) || tags.contains("," + pair);
            }
            if (all) {
                // With tracing on, a sample may carry an exemplar after " # " (OpenMetrics): its value and
                // timestamp are not the sample's.
                int exemplar = line.indexOf(" # ");
                String sample = exemplar < 0 ? line : line.substring(0, exemplar);
                double v = Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
                total += Double.isNaN(v) ? 0 : v;
            }
        }
        return total;
    }

    /**
     * @param route a route of the service with one path parameter in braces, as the OpenAPI document names it
     *     (/api/v1/parks/{code}); it is called with a made-up value, with and without a token
     * @param ownMeters the service's own meters beyond {@link #COMMON}
     */
    public static void verify(String route, String... ownMeters) {
        String marker =
                "METRICPROBE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String path = route.replaceFirst("\\{[^}]+}", marker);
        String admin = Tokens.token("bureau-admin", null);
        given().auth().oauth2(admin).get(path);
        given().get(path);
        given().auth().oauth2(admin).get("/api/v1/" + marker + "/nowhere");
        given().auth().oauth2(admin).get("/api/v1/" + marker + "/nowhere?x=%00");

        Response r = given().get("/q/metrics");
        assertEquals(200, r.statusCode(), "/q/metrics answers without a token");
        String body = r.asString();
        Set<String> names = names(body);
        for (String meter : COMMON) {
            assertTrue(names.contains(meter), meter + " is exported: " + names);
        }
        for (String meter : ownMeters) {
            assertTrue(names.contains(meter), meter + " is exported: " + names);
        }
        assertTrue(
                body.contains("http_server_requests_seconds_count{") && body.contains("uri=\"" + route + "\""),
                "requests are counted under their route template " + route);
        assertTrue(body.contains("http_server_requests_seconds_bucket{"), "request latency has buckets");
        assertFalse(body.contains(marker), "no text of a request path reaches a series");
    }
}
