package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RankingTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void park(String code, String name, String group) {
        TestEvents.publish(
                bootstrap(),
                Topics.PARKS,
                code,
                EventTypes.PARK_REGISTERED,
                "{\"code\":\"" + code + "\",\"name\":\"" + name
                        + "\",\"level\":\"PROVINCIAL\",\"kind\":\"INDUSTRIAL_PARK\"," + "\"peerGroup\":\"" + group
                        + "\",\"status\":\"ACTIVE\",\"version\":0}",
                null);
    }

    static UUID value(String park, String indicator, String period, String value, long version, UUID id) {
        return TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.VALUE_RECORDED,
                "{\"park\":\"" + park + "\",\"indicator\":\"" + indicator + "\",\"indicatorName\":\"税收\",\"period\":\""
                        + period + "\",\"value\":" + value + ",\"unit\":\"万元\",\"version\":" + version
                        + ",\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2025-07-10T10:00:00+08:00\"}",
                id);
    }

    static String valueJson(String park, String period, String value, long version) {
        return "{\"park\":\"" + park + "\",\"indicator\":\"tax_revenue\",\"indicatorName\":\"税收\",\"period\":\""
                + period
                + "\",\"value\":" + value + ",\"unit\":\"万元\",\"version\":" + version
                + ",\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2025-07-10T10:00:00+08:00\"}";
    }

    @Test
    void aBatchEventAppliesEachValueByItsVersion() {
        String g = "B" + UUID.randomUUID().toString().substring(0, 6);
        String a = g + "A", b = g + "B";
        park(a, "甲园区", g);
        park(b, "乙园区", g);
        value(a, "tax_revenue", "2025-06", "900", 3, null);
        // One batch request of park A (a stale version of June and a new May) and one of park B.
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                a,
                EventTypes.VALUES_RECORDED,
                "{\"park\":\"" + a + "\",\"values\":[" + valueJson(a, "2025-06", "100", 2) + ","
                        + valueJson(a, "2025-05", "50", 1) + "]}",
                null);
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                b,
                EventTypes.VALUES_RECORDED,
                "{\"park\":\"" + b + "\",\"values\":[" + valueJson(b, "2025-06", "400", 1) + ","
                        + valueJson(b, "2025-05", "60", 1) + "]}",
                null);
        TestEvents.await(
                "both parks ranked for 2025-05",
                Duration.ofSeconds(30),
                () -> ranking("tax_revenue", "2025-05", g)
                        .extract()
                        .path("entries.size()")
                        .equals(2));
        ranking("tax_revenue", "2025-05", g)
                .statusCode(200)
                .body("entries.park", contains(b, a))
                .body("entries.value", contains(60, 50));
        // June of park A keeps version 3 (900): the batch's older version 2 did not move it back.
        ranking("tax_revenue", "2025-06", g)
                .statusCode(200)
                .body("entries.park", contains(a, b))
                .body("entries.value", contains(900, 400));
    }

    ValidatableResponse ranking(String indicator, String period, String group) {
        return given().auth()
                .oauth2(ANALYST)
                .queryParam("indicator", indicator)
                .queryParam("period", period)
                .queryParam("peerGroup", group)
                .get("/api/v1/rankings")
                .then();
    }

    @Test
    void parksAreRankedWithTiesAndRankChangesAndEventsCountOnce() {
        String g = "G" + UUID.randomUUID().toString().substring(0, 6);
        String a = g + "A", b = g + "B", c = g + "C";
        park(a, "甲园区", g);
        park(b, "乙园区", g);
        park(c, "丙园区", g);
        value(a, "tax_revenue", "2025-05", "100", 1, null);
        value(b, "tax_revenue", "2025-05", "300", 1, null);
        value(c, "tax_revenue", "2025-05", "200", 1, null);
        UUID first = value(a, "tax_revenue", "2025-06", "500", 1, null);
        value(b, "tax_revenue", "2025-06", "400.5", 1, null);
        value(c, "tax_revenue", "2025-06", "400.50", 1, null);
        TestEvents.await(
                "three parks ranked for 2025-06",
                Duration.ofSeconds(30),
                () -> ranking("tax_revenue", "2025-06", g)
                        .extract()
                        .path("entries.size()")
                        .equals(3));

        ranking("tax_revenue", "2025-06", g)
                .statusCode(200)
                .body("unit", equalTo("万元"))
                .body("indicatorName", equalTo("税收"))
                .body("entries.park", contains(a, b, c))
                .body("entries.rank", contains(1, 2, 2))
                .body("entries.parkName", contains("甲园区", "乙园区", "丙园区"))
                .body("entries.previousRank", contains(3, 1, 2))
                .body("entries.rankChange", contains(2, -1, 0));

        // Lower first: equal values share a rank and are listed by park code, in both periods.
        given().auth()
                .oauth2(ANALYST)
                .queryParam("indicator", "tax_revenue")
                .queryParam("period", "2025-06")
                .queryParam("peerGroup", g)
                .queryParam("order", "asc")
                .get("/api/v1/rankings")
                .then()
                .statusCode(200)
                .body("ascending", equalTo(true))
                .body("entries.park", contains(b, c, a))
                .body("entries.rank", contains(1, 1, 3))
                .body("entries.previousRank", contains(3, 2, 1))
                .body("entries.rankChange", contains(2, 1, -2));

        // Paged like every list: the second page of two holds the third park, keeping its rank in the whole ranking.
        given().auth()
                .oauth2(ANALYST)
                .queryParam("indicator", "tax_revenue")
                .queryParam("period", "2025-06")
                .queryParam("peerGroup", g)
                .queryParam("size", 2)
                .get("/api/v1/rankings")
                .then()
                .statusCode(200)
                .body("entries.park", contains(a, b))
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(2));
        given().auth()
                .oauth2(ANALYST)
                .queryParam("indicator", "tax_revenue")
                .queryParam("period", "2025-06")
                .queryParam("peerGroup", g)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/rankings")
                .then()
                .statusCode(200)
                .body("entries.park", contains(c))
                .body("entries.rank", contains(2))
                .body("total", equalTo(3));

        // A quarter is read at its last month; its previous period is the quarter before.
        ranking("tax_revenue", "2025-Q2", g)
                .statusCode(200)
                .body("valueMonth", equalTo("2025-06"))
                .body("entries.previousRank", contains(null, null, null));

        // The same event again, and an older version of a value, change nothing.
        value(a, "tax_revenue", "2025-06", "1", 1, first);
        value(b, "tax_revenue", "2025-06", "999", 0, null);
        value(c, "tax_revenue", "2025-06", "600", 2, null);
        TestEvents.await(
                "the newer version of C applied",
                Duration.ofSeconds(30),
                () -> ranking("tax_revenue", "2025-06", g)
                        .extract()
                        .path("entries[0].park")
                        .equals(c));
        ranking("tax_revenue", "2025-06", g)
                .body("entries.park", contains(c, a, b))
                .body("entries.value", contains(600, 500, 400.5f));
    }

    @Test
    void badQueriesAreNamedAndParkStaffCannotSeeTheCityRanking() {
        ranking("tax_revenue", "2025-13", null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_period"))
                .body("errors[0].field", equalTo("period"));
        ranking("tax_revenue", null, null).statusCode(400).body("errors[0].field", equalTo("period"));
        ranking("no_such_indicator", "2025-06", null).statusCode(400).body("code", equalTo("unknown_indicator"));
        given().auth()
                .oauth2(ANALYST)
                .queryParam("period", "2025-06")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("indicator"));
        given().auth()
                .oauth2(ANALYST)
                .queryParam("period", "2025-06")
                .queryParam("indicator", "x")
                .queryParam("order", "sideways")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("order"));
        given().auth()
                .oauth2(ANALYST)
                .queryParams("period", "2025-06", "indicator", "tax_revenue", "size", 501)
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().auth()
                .oauth2(ANALYST)
                .queryParams("period", "2025-06", "indicator", "tax_revenue", "sort", "value")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().auth()
                .oauth2(Tokens.token("park-staff", "A"))
                .queryParam("indicator", "tax_revenue")
                .queryParam("period", "2025-06")
                .get("/api/v1/rankings")
                .then()
                .statusCode(403);
        given().queryParam("indicator", "tax_revenue")
                .queryParam("period", "2025-06")
                .get("/api/v1/rankings")
                .then()
                .statusCode(401);
    }
}
