package io.parkpulse.indicators;

import static io.parkpulse.indicators.NarrativeReportApiTest.corpus;
import static io.parkpulse.indicators.NarrativeReportApiTest.narrativeEvents;
import static io.parkpulse.indicators.NarrativeReportApiTest.sameFigure;
import static io.parkpulse.indicators.NarrativeReportApiTest.upload;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.repository.NarrativeReportRepository;
import io.parkpulse.infra.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * What a confirmation publishes (the rows accepted, as sent, and the draft's pipeline figures), and the counts a
 * list of reports carries without reading drafts or documents — also as V13 computes them for reports kept before.
 */
@QuarkusTest
class NarrativeReportCountsApiTest {

    @Inject
    NarrativeReportRepository repository;

    @Inject
    EntityManager em;

    static JsonPath list(String token, String park) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/parks/{p}/narrative-reports", park)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theConfirmedEventStatesTheRowsAcceptedAndTheListCountsThem() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        JsonPath d =
                upload(staff, park, corpus("report-04.txt").getBytes(StandardCharsets.UTF_8), "text/plain", "2024-06");
        long id = d.getLong("report.id");
        JsonPath listed = list(staff, park);
        assertEquals(4, listed.getInt("items[0].proposedRows"), "the catalog's rows; the pipeline's is only checked");
        assertNull(listed.get("items[0].confirmedRows"));
        JsonNode uploaded = narrativeEvents(park, EventTypes.NARRATIVE_REPORT_UPLOADED)
                .get(0)
                .get("statedFigures");

        // Two of the four catalog rows, one edited in another unit, and a row the batch refuses.
        List<Map<String, Object>> sent = List.of(
                Map.of("indicator", "above_scale_industrial_output", "value", 3907000, "unit", "万元"),
                Map.of("indicator", "fixed_asset_investment", "period", "2024-06", "value", 7.5, "unit", "亿元"),
                Map.of("indicator", "no_such_indicator", "value", 1));
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("rows", sent))
                .post("/api/v1/parks/{p}/narrative-reports/{id}/confirm", park, id)
                .then()
                .statusCode(200)
                .body("outcome.rows.outcome", equalTo(List.of("imported", "imported", "rejected")));

        JsonNode confirmed =
                narrativeEvents(park, EventTypes.NARRATIVE_REPORT_CONFIRMED).get(0);
        assertEquals(3, confirmed.get("confirmedRows").asInt(), "the rows sent");
        JsonNode stated = confirmed.get("statedFigures");
        assertEquals(
                List.of("above_scale_industrial_output", "fixed_asset_investment", "projects_completed"),
                List.of(
                        stated.get(0).get("code").asText(),
                        stated.get(1).get("code").asText(),
                        stated.get(2).get("code").asText()),
                "the rows taken as sent, then the draft's pipeline figure; the rows not sent and the refused one are"
                        + " absent: "
                        + stated);
        assertEquals(3, stated.size());
        sameFigure(uploaded.get(1), stated.get(0));
        sameFigure(uploaded.get(4), stated.get(2));
        JsonNode edited = stated.get(1);
        assertEquals(0, new BigDecimal("75000").compareTo(edited.get("value").decimalValue()), "7.5亿元 in 万元");
        assertEquals("万元", edited.get("unit").asText());
        assertEquals(0, BigDecimal.ZERO.compareTo(edited.get("rounding").decimalValue()));
        assertEquals(uploaded.get(3).get("stated"), edited.get("stated"));
        assertEquals(uploaded.get(3).get("sentence"), edited.get("sentence"));

        listed = list(staff, park);
        assertEquals(4, listed.getInt("items[0].proposedRows"));
        assertEquals(3, listed.getInt("items[0].confirmedRows"));

        // A list reads its columns, not the reports: no entity, so neither bytes nor text, is loaded.
        PageRequest page = new PageRequest();
        page.size = 10;
        int loaded = QuarkusTransaction.requiringNew().call(() -> {
            assertEquals(1, repository.ofPark(park, page, r -> r).items().size());
            return em.unwrap(Session.class).getStatistics().getEntityCount();
        });
        assertEquals(0, loaded, "entities in the session after listing");

        // V13's backfill gives reports kept before it the same counts as upload and confirmation set.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update narrative_report set proposed_rows = 0, confirmed_rows = null where id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
            for (String update : backfill()) {
                em.createNativeQuery(update).executeUpdate();
            }
        });
        listed = list(staff, park);
        assertEquals(4, listed.getInt("items[0].proposedRows"));
        assertEquals(3, listed.getInt("items[0].confirmedRows"));
    }

    /** The update statements of V13, as Flyway runs them on the reports kept before. */
    static List<String> backfill() {
        try (InputStream in = NarrativeReportCountsApiTest.class
                .getClassLoader()
                .getResourceAsStream("db/migration/V13__narrative_report_counts.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
            return Arrays.stream(sql.split(";"))
                    .map(String::strip)
                    .filter(s -> s.startsWith("update"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
