package io.parkpulse.indicators;

import static io.parkpulse.indicators.NarrativeReportApiTest.corpus;
import static io.parkpulse.indicators.NarrativeReportApiTest.docx;
import static io.parkpulse.indicators.NarrativeReportApiTest.upload;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.indicators.domain.narrative.DocumentText;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every report of the corpus, as the park's office would send it — the .txt and a .docx made from it — gives a draft
 * whose rows each point to their own sentence and span, the same from both files; confirming the draft's catalog
 * rows stores them with source NARRATIVE. The reports that mask their year ("**年") are sent with the period the
 * office would give; report-06 names its own.
 */
@QuarkusTest
class NarrativeCorpusUploadTest {

    @ParameterizedTest
    @CsvSource({
        "report-01.txt, 2018-12",
        "report-02.txt, 2018-10",
        "report-03.txt, 2018-06",
        "report-04.txt, 2018-06",
        "report-05.txt, 2018-06",
        "report-06.txt, ''"
    })
    void aCorpusReportGivesADraftPointingToItsSentencesAndIsConfirmed(String file, String period) {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String text = corpus(file);
        String given = period.isEmpty() ? null : period;
        JsonPath fromText =
                upload(staff, park, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8", given);
        JsonPath fromDocx = upload(staff, park, docx(text), DocumentText.DOCX, given);
        assertTrue(fromText.getString("report.period") != null, file + ": the draft has a period");

        List<Map<String, Object>> rows = fromText.getList("rows");
        for (Map<String, Object> r : rows) {
            int start = (Integer) r.get("start"), end = (Integer) r.get("end");
            int ss = (Integer) r.get("sentenceStart"), se = (Integer) r.get("sentenceEnd");
            assertTrue(ss <= start && start < end && end <= se, file + " " + r);
            assertEquals(r.get("sentence"), text.substring(ss, se), file + ": the row's sentence is where it says");
            assertTrue(text.substring(start, end).contains((String) r.get("stated")), file + " " + r);
        }
        for (Map<String, Object> r : fromDocx.<Map<String, Object>>getList("rows")) {
            String sentence = (String) r.get("sentence");
            int ss = (Integer) r.get("sentenceStart");
            String span = sentence.substring((Integer) r.get("start") - ss, (Integer) r.get("end") - ss);
            assertTrue(span.contains((String) r.get("stated")), file + " .docx " + r);
        }
        assertEquals(fromText.getList("rows.indicator"), fromDocx.getList("rows.indicator"), file);
        assertEquals(fromText.getList("rows.value"), fromDocx.getList("rows.value"), file);
        assertEquals(fromText.getList("rows.sentence"), fromDocx.getList("rows.sentence"), file);

        // The office accepts the catalog rows as proposed; a figure stated twice is sent once, as a person would.
        Map<String, Map<String, Object>> accepted = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            Object owner = r.get("owner");
            if (owner == null || "indicators".equals(owner)) {
                accepted.putIfAbsent(
                        r.get("indicator") + "@" + r.get("period"),
                        Map.of(
                                "indicator", r.get("indicator"),
                                "period", r.get("period"),
                                "value", r.get("value"),
                                "unit", r.get("unit")));
            }
        }
        if (accepted.isEmpty()) {
            // report-01 states only forecasts: its draft proposes nothing to store.
            assertEquals("report-01.txt", file);
            return;
        }
        long id = fromText.getLong("report.id");
        JsonPath outcome = given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("rows", new ArrayList<>(accepted.values())))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> outcomes = outcome.getList("outcome.rows.outcome");
        assertEquals(accepted.size(), outcomes.size(), file);
        assertFalse(outcomes.contains("rejected"), file + ": " + outcome.prettify());
        Map<String, Object> first = accepted.values().iterator().next();
        given().auth()
                .oauth2(staff)
                .get(
                        "/api/v1/parks/{p}/values/{period}/{indicator}/history",
                        park,
                        first.get("period"),
                        first.get("indicator"))
                .then()
                .statusCode(200)
                .body("[0].source", equalTo("NARRATIVE"));
    }
}
