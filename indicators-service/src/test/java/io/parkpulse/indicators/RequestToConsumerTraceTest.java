package io.parkpulse.indicators;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * One trace from a park's registration through the outbox, the broker and a consumer's handler, and the log
 * line the handler writes, as JSON, carrying that trace and the event.
 */
@QuarkusTest
class RequestToConsumerTraceTest {

    static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @Inject
    TraceProbe probe;

    @Test
    void aRequestsTraceTravelsWithItsEventIntoTheConsumersHandlerAndLogLine() throws Exception {
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(random.generateSeed(16));
        String callerSpan = HexFormat.of().formatHex(random.generateSeed(8));
        String park =
                TraceProbe.PREFIX + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        given().auth()
                .oauth2(Tokens.token("bureau-admin", null))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        park,
                        "name",
                        "追踪测试园区" + park,
                        "level",
                        "PROVINCIAL",
                        "kind",
                        "INDUSTRIAL_PARK",
                        "district",
                        "江北区",
                        "developedLandMu",
                        100))
                .post("/api/v1/parks")
                .then()
                .statusCode(201);

        // The relay sent it later, from its own thread, with the request's trace on the record.
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> records =
                TestEvents.read(bootstrap, Topics.PARKS, r -> park.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "the park's registration on " + Topics.PARKS);
        ConsumerRecord<String, String> record = records.get(0);
        String carried = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT);
        assertNotNull(carried, "ce_traceparent on the record");
        Matcher m = TRACEPARENT.matcher(carried);
        assertTrue(m.matches(), carried);
        assertEquals(traceId, m.group(1), "the caller's trace");
        assertNotEquals(callerSpan, m.group(2), "the service's own span within it, not the caller's");
        String eventId = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);

        // The consumer handled it in a new span of the same trace, with the event in the log context.
        TestEvents.await(
                "the consumer to handle " + eventId, Duration.ofSeconds(30), () -> probe.seen(eventId) != null);
        TraceProbe.Seen seen = probe.seen(eventId);
        assertEquals(traceId, seen.traceId(), "the handler runs in the request's trace");
        assertNotEquals(m.group(2), seen.spanId(), "in a span of its own, the record's span its parent");
        assertEquals(traceId, seen.logContext().get("traceId"));
        assertEquals(seen.spanId(), seen.logContext().get("spanId"));
        assertEquals(park, seen.logContext().get("park"));
        assertEquals(eventId, seen.logContext().get("eventId"));
        assertEquals("parkpulse.parks.park-registered.v1", seen.logContext().get("eventType"));

        // The handler's log line, as the JSON formatter writes it.
        JsonNode line = null;
        ObjectMapper json = new ObjectMapper();
        for (String l : Files.readAllLines(Path.of("target/quarkus-json.log"), StandardCharsets.UTF_8)) {
            if (l.contains("trace probe handled " + eventId)) {
                line = json.readTree(l);
            }
        }
        assertNotNull(line, "the handler's line in target/quarkus-json.log");
        JsonNode mdc = line.path("mdc");
        assertEquals(traceId, mdc.path("traceId").asText(), line.toString());
        assertEquals(seen.spanId(), mdc.path("spanId").asText(), line.toString());
        assertEquals(park, mdc.path("park").asText(), line.toString());
        assertEquals(eventId, mdc.path("eventId").asText(), line.toString());
    }
}
