package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.indicators.domain.narrative.DocumentText;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A corpus report uploaded as .txt and as .docx (built here with POI from the .txt), its draft, the cross-check that
 * flags a stated growth the stored values contradict, confirmation through the batch path (source NARRATIVE,
 * once), park isolation, and hostile uploads refused as problem+json naming the field.
 */
@QuarkusTest
class NarrativeReportApiTest {

    static String corpus(String name) {
        try (InputStream in = NarrativeReportApiTest.class.getClassLoader().getResourceAsStream("narrative/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n", -1)) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonPath upload(String token, String park, byte[] body, String type, String period) {
        return given().auth()
                .oauth2(token)
                .contentType(type)
                .queryParam("period", period)
                .queryParam("fileName", "二季度工作情况汇报")
                .body(body)
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void aReportBecomesADraftThatIsCrossCheckedAndConfirmedOnce() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        // Last year's half-year output and this year's as the park submitted it: growth 3907000 ÷ 3735182 − 1 = 4.60 %,
        // while the report says 累计增速4.2%.
        Values.put(staff, park, "2023-06", "above_scale_industrial_output", "3735182")
                .statusCode(200);
        Values.put(staff, park, "2024-06", "above_scale_industrial_output", "3907000")
                .statusCode(200);

        String text = corpus("report-04.txt");
        JsonPath d = upload(staff, park, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8", "2024-06");
        assertEquals("DRAFT", d.getString("report.status"));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, d.getInt("report.sizeBytes"));
        assertEquals(64, d.getString("report.sha256").length());
        assertEquals("截止**年二季度", d.getString("report.detectedEvidence"));
        assertEquals("2024-06", d.getString("report.period"));
        List<Map<String, Object>> proposed = d.getList("rows");
        assertEquals(
                List.of(
                        "above_scale_enterprises",
                        "above_scale_industrial_output",
                        "industrial_value_added",
                        "fixed_asset_investment",
                        "projects_completed"),
                proposed.stream().map(r -> r.get("indicator")).toList());
        assertEquals(
                List.of("indicators", "indicators", "indicators", "indicators", "projects"),
                proposed.stream().map(r -> r.get("owner")).toList());
        // "西安高通流体等7个项目竣工投产": projects-service's figure, proposed for reporting-service's check only.
        Map<String, Object> completed = proposed.get(4);
        assertEquals("PIPELINE", completed.get("scope"));
        assertEquals(Boolean.TRUE, completed.get("proposed"));
        assertEquals("竣工项目数", completed.get("indicatorName"));
        assertEquals(7, ((Number) completed.get("value")).intValue());
        assertEquals("个", completed.get("unit"));
        assertEquals(List.of(), completed.get("checks"), "checked by reporting-service, not here");
        assertEquals("规上工业总产值", proposed.get(1).get("indicatorName"));
        assertTrue(d.getList("apart.owner").contains("indicators"), "every row names its owner");
        List<Map<String, Object>> rows = proposed.subList(0, 4);
        for (Map<String, Object> r : rows) {
            int start = (Integer) r.get("start"), end = (Integer) r.get("end");
            int ss = (Integer) r.get("sentenceStart"), se = (Integer) r.get("sentenceEnd");
            assertTrue(ss <= start && end <= se, r.toString());
            assertEquals(r.get("sentence"), text.substring(ss, se));
            assertTrue(text.substring(start, end).contains((String) r.get("stated")), r.toString());
        }
        // Sub-groups are shown apart, not proposed.
        assertTrue(d.getList("apart.scope").contains("SUBGROUP"));
        // The stated growth disagrees with the stored values beyond its rounding: flagged on the stored value.
        Map<String, Object> output = rows.get(1);
        assertEquals(3907000, ((Number) output.get("value")).intValue());
        List<Map<String, Object>> checks = (List<Map<String, Object>>) output.get("checks");
        Map<String, Object> growth = checks.stream()
                .filter(c -> c.get("kind").equals("growth"))
                .findFirst()
                .orElseThrow();
        assertEquals(Boolean.TRUE, growth.get("disagrees"));
        assertEquals(4.6f, ((Number) growth.get("platform")).floatValue());
        assertEquals(Boolean.FALSE, checks.get(0).get("disagrees"), "the value itself agrees");
        assertEquals(1, d.getList("flags").size());
        assertEquals("narrative_growth_differs", d.getString("flags[0].reason"));
        assertTrue(d.getString("flags[0].message").contains("增长4.2%，按已报数值计算为4.6%"), d.getString("flags[0].message"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .statusCode(200)
                .body("items.reason", hasItem("narrative_growth_differs"));

        long id = d.getLong("report.id");
        // Read back: the same rows, the same flag (not raised twice).
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/narrative-reports/{id}", park, id)
                .then()
                .statusCode(200)
                .body("rows", hasSize(5))
                .body("rows[4].owner", equalTo("projects"))
                .body("flags", hasSize(1));

        // The uploaded event carries every proposed figure with its owner, for reporting-service's check.
        JsonNode uploaded =
                narrativeEvents(park, EventTypes.NARRATIVE_REPORT_UPLOADED).get(0);
        JsonNode stated = uploaded.get("statedFigures");
        assertEquals(5, stated.size(), stated.toString());
        assertEquals(4, uploaded.get("proposedRows").asInt(), "values to store: the catalog's only");
        JsonNode pipeline = stated.get(4);
        assertEquals("projects_completed", pipeline.get("code").asText());
        assertEquals("projects", pipeline.get("owner").asText());
        assertEquals("2024-06", pipeline.get("period").asText());
        assertEquals(7, pipeline.get("value").asInt());
        assertEquals("个", pipeline.get("unit").asText());
        assertEquals("7个", pipeline.get("stated").asText());
        assertEquals(
                "7个项目竣工投产",
                text.substring(
                        pipeline.get("start").asInt(), pipeline.get("end").asInt()));
        JsonNode statedOutput = stated.get(1);
        assertEquals("above_scale_industrial_output", statedOutput.get("code").asText());
        assertEquals("indicators", statedOutput.get("owner").asText());
        assertEquals(new BigDecimal("4.2"), statedOutput.get("growthPct").decimalValue());
        assertEquals(new BigDecimal("45.67"), statedOutput.get("completionPct").decimalValue());
        assertEquals(
                0, new BigDecimal("500").compareTo(statedOutput.get("rounding").decimalValue()));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));

        // Another park's staff: the same 404 as a report that does not exist.
        String other = Tokens.token("park-staff", registerPark(uniqueCode()));
        given().auth()
                .oauth2(other)
                .get("/api/v1/parks/{p}/narrative-reports/{id}", park, id)
                .then()
                .statusCode(404)
                .contentType(containsString("problem+json"));
        given().auth()
                .oauth2(other)
                .contentType(ContentType.JSON)
                .body(Map.of("rows", List.of()))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(other)
                .contentType("text/plain")
                .body("1-6月,园区完成税收100万元。")
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(404);

        // A pipeline row is refused whole, naming the row, before anything is stored.
        Map<String, Object> pipelineRow = Map.of("indicator", "projects_completed", "period", "2024-06", "value", 7);
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("rows", List.of(Map.of("indicator", "tax_revenue", "value", 1), pipelineRow)))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(400)
                .contentType(containsString("problem+json"))
                .body("code", equalTo("not_an_indicator"))
                .body("errors[0].field", equalTo("rows[1].indicator"))
                .body("detail", containsString("由项目建设（projects-service）管理"))
                .body("detail", containsString("只用于核对"));
        given().auth()
                .oauth2(staff)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(Map.of("rows", List.of(pipelineRow)))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rows[0].indicator"))
                .body("detail", containsString("owned by projects-service"));

        // Confirm the proposed rows, one of them edited, as one batch with source NARRATIVE.
        List<Map<String, Object>> accepted = rows.stream()
                .map(r -> Map.<String, Object>of(
                        "indicator", r.get("indicator"),
                        "period", r.get("period"),
                        "value", r.get("indicator").equals("fixed_asset_investment") ? 74950 : r.get("value"),
                        "unit", r.get("unit")))
                .toList();
        JsonPath c = given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("rows", accepted))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(false, c.getBoolean("repeated"));
        assertEquals("CONFIRMED", c.getString("draft.report.status"));
        JsonNode confirmed =
                narrativeEvents(park, EventTypes.NARRATIVE_REPORT_CONFIRMED).get(0);
        assertEquals(4, confirmed.get("confirmedRows").asInt());
        assertEquals(4, confirmed.get("proposedRows").asInt());
        // The confirmed event states what the person accepted: the catalog rows as sent (one edited), then the
        // draft's pipeline figure, which no one edits.
        JsonNode confirmedFigures = confirmed.get("statedFigures");
        assertEquals(5, confirmedFigures.size(), confirmedFigures.toString());
        for (int i : new int[] {0, 1, 2, 4}) {
            sameFigure(stated.get(i), confirmedFigures.get(i));
        }
        JsonNode edited = confirmedFigures.get(3);
        assertEquals("fixed_asset_investment", edited.get("code").asText());
        assertEquals(0, new BigDecimal("74950").compareTo(edited.get("value").decimalValue()), edited.toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(edited.get("rounding").decimalValue()), "an edited value is exact");
        assertEquals("万元", edited.get("unit").asText());
        assertEquals("2024-06", edited.get("period").asText());
        assertEquals(stated.get(3).get("stated"), edited.get("stated"), "the report's words stay the report's");
        assertEquals(stated.get(3).get("sentence"), edited.get("sentence"));
        assertEquals(stated.get(3).get("start"), edited.get("start"));
        assertEquals(List.of("imported", "unchanged", "imported", "imported"), c.getList("outcome.rows.outcome"));
        // Each value version the confirmation wrote is linked to the document (the unchanged one was not written).
        assertEquals(
                List.of("above_scale_enterprises", "fixed_asset_investment", "industrial_value_added"),
                c.getList("draft.written.indicator"));
        assertEquals(List.of(1, 1, 1), c.getList("draft.written.version"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2024-06/fixed_asset_investment/history", park)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].source", equalTo("NARRATIVE"))
                .body("[0].newValue", equalTo(74950));

        // Confirming again stores nothing and answers the first outcome.
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("rows", accepted))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(200)
                .body("repeated", equalTo(true))
                .body("outcome.rows.outcome", equalTo(List.of("imported", "unchanged", "imported", "imported")));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2024-06/fixed_asset_investment/history", park)
                .then()
                .body("size()", equalTo(1));
    }

    /** The same figure, its numbers compared as numbers (a value the batch stored may be written 3.907E+6). */
    static void sameFigure(JsonNode expected, JsonNode actual) {
        for (String field : List.of("code", "owner", "period", "unit", "stated", "sentence", "start", "end")) {
            assertEquals(expected.get(field), actual.get(field), field + " of " + actual);
        }
        for (String field : List.of("value", "rounding", "growthPct", "completionPct")) {
            JsonNode e = expected.get(field), a = actual.get(field);
            if (e == null || e.isNull()) {
                assertTrue(a == null || a.isNull(), field + " of " + actual);
            } else {
                assertEquals(0, e.decimalValue().compareTo(a.decimalValue()), field + " of " + actual);
            }
        }
    }

    /** The narrative-report events of one park of a type, oldest first. */
    static List<JsonNode> narrativeEvents(String park, String type) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return TestEvents.read(
                        bootstrap,
                        Topics.INDICATORS,
                        r -> park.equals(r.key()) && type.equals(CloudEventHeaders.get(r.headers(), "ce_type")),
                        1,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> {
                    try {
                        return new ObjectMapper().readTree(r.value());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aDocxReportGivesTheSameDraftAsItsText() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String text = corpus("report-06.txt");
        JsonPath fromText = upload(staff, park, text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
        JsonPath fromDocx = upload(ADMIN, park, docx(text), DocumentText.DOCX, null);
        assertEquals("2023-11", fromDocx.getString("report.detectedPeriod"));
        // 8 catalog figures, and the projects signed, their total investment and the projects completed.
        assertEquals(11, fromDocx.getList("rows").size());
        assertEquals(
                List.of("investment", "investment", "projects"),
                fromDocx.getList("rows.owner").stream()
                        .filter(o -> !o.equals("indicators"))
                        .toList());
        assertEquals(fromText.getList("rows.indicator"), fromDocx.getList("rows.indicator"));
        assertEquals(fromText.getList("rows.value"), fromDocx.getList("rows.value"));
        for (Map<String, Object> r : fromDocx.<Map<String, Object>>getList("rows")) {
            String sentence = (String) r.get("sentence");
            int ss = (Integer) r.get("sentenceStart");
            String span = sentence.substring((Integer) r.get("start") - ss, (Integer) r.get("end") - ss);
            assertTrue(span.contains((String) r.get("stated")), r.toString());
        }
        long id = fromDocx.getLong("report.id");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "rows",
                        List.of(Map.of("indicator", "tax_revenue", "period", "2023-11", "value", 15200, "unit", "万元"))))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(200)
                .body("outcome.rows[0].outcome", equalTo("imported"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2023-11/tax_revenue/history", park)
                .then()
                .body("[0].source", equalTo("NARRATIVE"));
    }

    @Test
    void hostileUploadsAreRefusedAsProblemsNamingTheField() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        given().auth()
                .oauth2(staff)
                .contentType(DocumentText.DOCX)
                .body(new byte[] {'P', 'K', 3, 4, 1, 2, 3})
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .contentType(containsString("problem+json"))
                .body("code", equalTo("unreadable_document"))
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("不是可读取的 Word"));
        given().auth()
                .oauth2(staff)
                .header("Accept-Language", "en")
                .contentType("text/plain")
                .body(docx("园区完成税收100万元。"))
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("neither UTF-8 nor GB18030"));
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .body(new byte[0])
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"));
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .queryParam("period", "2024-13")
                .body("园区完成税收100万元。")
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().auth()
                .oauth2(staff)
                .contentType("application/pdf")
                .body(new byte[] {'%', 'P', 'D', 'F'})
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(415)
                .contentType(containsString("problem+json"));
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        given().auth()
                .oauth2(staff)
                .contentType("text/plain")
                .body(big)
                .post("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(413)
                .contentType(containsString("problem+json"));
        // A template full of placeholders is kept, with no figure proposed.
        upload(
                        staff,
                        park,
                        corpus("template-placeholders.txt").getBytes(StandardCharsets.UTF_8),
                        "text/plain",
                        "2024-06")
                .getList("rows")
                .forEach(r -> {
                    throw new AssertionError("no figure expected: " + r);
                });
    }
}
