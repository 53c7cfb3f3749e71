package io.parkpulse.indicators;

import static io.parkpulse.indicators.NarrativeReportApiTest.upload;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.indicators.service.NarrativeReportService;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The bounds that keep one upload from harming the service: a document of more than 2,000,000 bytes, a draft of more
 * than 500 proposed figures (or 2,000 in all) are refused and nothing is kept; a draft at the limit gives events far
 * below Kafka's 1 MB record limit, its sentences cut around their figures.
 */
@QuarkusTest
class NarrativeReportBoundsApiTest {

    /** The park's output, stated n times with its rates, in sentences as long as the extractor reads (1000 chars). */
    static String figures(int n) {
        return "1-6月工作情况汇报\n" + "园区完成规模以上工业总产值390.7亿元,同比增长16.33%,完成全年任务的45.67%,".repeat(n) + "\n";
    }

    static long reports(String token, String park) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    @Test
    void aHostileDocumentOfEndlessFiguresIsRefusedAndNothingIsKept() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        // The reviewed attack: 30,000 proposed figures in 1 MB of text, an event of some 90 MB.
        byte[] hostile = "园区完成工业总产值1亿元,".repeat(30_000).getBytes(StandardCharsets.UTF_8);
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .queryParam("period", "2024-06")
                .body(hostile)
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .contentType(containsString("problem+json"))
                .body("code", equalTo("too_many_figures"))
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("最多接受500个"));
        given().auth()
                .oauth2(staff)
                .header("Accept-Language", "en")
                .contentType("text/plain")
                .queryParam("period", "2024-06")
                .body(figures(NarrativeReportService.MAX_PROPOSED + 1).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .body("code", equalTo("too_many_figures"))
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("at most 500"));
        // Forecasts only: none proposed, but each would be kept in the draft with its sentence.
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .queryParam("period", "2024-06")
                .body("预计完成工业总产值1亿元,"
                        .repeat(NarrativeReportService.MAX_FIGURES + 1)
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .body("code", equalTo("too_many_figures"))
                .body("detail", containsString("最多接受2000个"));
        assertEquals(0, reports(staff, park), "nothing of a refused document is kept");
    }

    @Test
    void aDraftAtTheLimitGivesAnEventFarBelowKafkasRecordLimit() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String text = figures(NarrativeReportService.MAX_PROPOSED);
        JsonPath d = upload(staff, park, text.getBytes(StandardCharsets.UTF_8), "text/plain", "2024-06");
        assertEquals(NarrativeReportService.MAX_PROPOSED, d.getList("rows").size());
        assertTrue(
                d.<Integer>getList("rows.sentenceEnd").get(0)
                                - d.<Integer>getList("rows.sentenceStart").get(0)
                        > 900,
                "the draft keeps each figure's whole sentence, here nearly 1000 characters");

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        ConsumerRecord<String, String> record = TestEvents.read(
                        bootstrap,
                        Topics.INDICATORS,
                        r -> park.equals(r.key())
                                && EventTypes.NARRATIVE_REPORT_UPLOADED.equals(
                                        CloudEventHeaders.get(r.headers(), "ce_type")),
                        1,
                        Duration.ofSeconds(30))
                .get(0);
        int bytes = record.value().getBytes(StandardCharsets.UTF_8).length;
        // 500 figures with their whole sentences would be about 1.6 MB: refused by the broker.
        assertTrue(bytes < 512 * 1024, "the uploaded event has " + bytes + " bytes");
        JsonNode stated;
        try {
            stated = new ObjectMapper().readTree(record.value()).get("statedFigures");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(NarrativeReportService.MAX_PROPOSED, stated.size());
        for (JsonNode f : stated) {
            String sentence = f.get("sentence").asText();
            String span = text.substring(f.get("start").asInt(), f.get("end").asInt());
            assertTrue(sentence.length() <= NarrativeReportService.MAX_STATED_SENTENCE, sentence);
            assertTrue(sentence.contains(span), "the cut sentence holds its figure: " + f);
            assertTrue(span.contains(f.get("stated").asText()), f.toString());
            int at = text.indexOf(sentence, Math.max(0, f.get("end").asInt() - sentence.length()));
            assertTrue(
                    at >= 0 && at <= f.get("start").asInt() && f.get("end").asInt() <= at + sentence.length(),
                    "the cut sentence is the document's text around the span: " + f);
        }
    }

    @Test
    void theDocumentLimitLeavesRoomForTheConsolesMultipartUnderTheBodyLimit() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        long bodyLimit = ConfigProvider.getConfig()
                .getOptionalValue("parkpulse.http.limits.max-body-bytes", Long.class)
                .orElse(2_097_152L);
        assertTrue(
                bodyLimit - NarrativeReportService.MAX_BYTES >= 64 * 1024,
                "a console upload of an accepted document, with its multipart framing, fits the body limit");
        byte[] over = new byte[NarrativeReportService.MAX_BYTES + 1];
        Arrays.fill(over, (byte) 'a');
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .body(over)
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .contentType(containsString("problem+json"))
                .body("code", equalTo("document_too_large"))
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("不超过2MB"));
        given().auth()
                .oauth2(staff)
                .header("Accept-Language", "en")
                .contentType("text/plain")
                .body(over)
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .body("detail", containsString("at most 2 MB"));
        // At the limit the size passes (this text is then too long to read, a check of its own).
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .body(Arrays.copyOf(over, NarrativeReportService.MAX_BYTES))
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .body("code", equalTo("document_too_long"));
        assertEquals(0, reports(staff, park));
    }
}
