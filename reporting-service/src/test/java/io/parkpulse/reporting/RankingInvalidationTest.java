package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.service.RankingCache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A ranking's kept values are dropped by exactly the changes that alter it, and never outlive one. "Applied" is
 * judged through the comparisons endpoint, which reads the read model directly on every call: once it shows a
 * change, the very next ranking must show it too, without polling.
 */
@QuarkusTest
class RankingInvalidationTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    @Inject
    RankingCache cache;

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void park(String code, String name, String group, String land, String type, long version) {
        TestEvents.publish(
                bootstrap(),
                Topics.PARKS,
                code,
                type,
                "{\"code\":\"" + code + "\",\"name\":\"" + name
                        + "\",\"level\":\"PROVINCIAL\",\"kind\":\"INDUSTRIAL_PARK\",\"peerGroup\":\"" + group
                        + "\",\"developedLandMu\":" + land + ",\"status\":\"ACTIVE\",\"version\":" + version + "}",
                null);
    }

    static void value(String park, String indicator, String period, String value, long version) {
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.VALUE_RECORDED,
                "{\"park\":\"" + park + "\",\"indicator\":\"" + indicator + "\",\"indicatorName\":\"税收\",\"period\":\""
                        + period + "\",\"value\":" + value + ",\"unit\":\"万元\",\"version\":" + version
                        + ",\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2003-07-10T10:00:00+08:00\"}",
                null);
    }

    /** A new value, waited for until the read model serves it: the ranking read next must see it. */
    static void valueStored(String park, String indicator, String period, String value, long version) {
        value(park, indicator, period, value, version);
        awaitStored(park, "value:" + indicator, period, value);
    }

    static void target(String park, String indicator, int year, String annual, long version) {
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.TARGET_SET,
                "{\"park\":\"" + park + "\",\"indicator\":\"" + indicator + "\",\"year\":" + year + ",\"annual\":"
                        + annual + ",\"unit\":\"万元\",\"version\":" + version + "}",
                null);
    }

    static ValidatableResponse ranking(String param, String what, String period, String group) {
        return given().auth()
                .oauth2(ANALYST)
                .queryParam(param, what)
                .queryParam("period", period)
                .queryParam("peerGroup", group)
                .get("/api/v1/rankings")
                .then()
                .statusCode(200);
    }

    /** What the read model holds now, read without any kept data: the park's figure, or null. */
    /**
     * The figure the read model serves now, or null while it has not seen it. These tests name indicators of their
     * own, so until the first value is applied the comparison refuses the unknown indicator: that is "not yet", while
     * any other refusal is a failure.
     */
    static BigDecimal stored(String park, String figure, String period) {
        io.restassured.response.Response r = given().auth()
                .oauth2(ANALYST)
                .queryParams(Map.of("parks", park, "figures", figure, "period", period))
                .get("/api/v1/comparisons");
        if (r.statusCode() == 400 && "unknown_indicator".equals(r.path("errors[0].code"))) {
            return null;
        }
        Object v = r.then().statusCode(200).extract().path("parks[0].cells[0].value");
        return v == null ? null : new BigDecimal(v.toString());
    }

    static void awaitStored(String park, String figure, String period, String expected) {
        TestEvents.await(
                park + " " + figure + " " + period + " = " + expected,
                Duration.ofSeconds(30),
                () -> Objects.equals(stored(park, figure, period), new BigDecimal(expected)));
    }

    static String storedName(String park) {
        return given().auth()
                .oauth2(ANALYST)
                .queryParams(Map.of("parks", park, "figures", "value:tax_revenue", "period", "2003-06"))
                .get("/api/v1/comparisons")
                .then()
                .statusCode(200)
                .extract()
                .path("parks[0].parkName");
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void aRankingStaysKeptWhenAnotherIndicatorOrAnotherYearChanges() {
        String g = unique("K"), a = g + "A", b = g + "B";
        String ind = unique("k_a_").toLowerCase(), other = unique("k_b_").toLowerCase();
        park(a, "甲", g, "100", EventTypes.PARK_REGISTERED, 0);
        park(b, "乙", g, "100", EventTypes.PARK_REGISTERED, 0);
        value(a, ind, "2003-05", "1", 1);
        value(b, ind, "2003-05", "2", 1);
        value(a, ind, "2003-06", "100", 1);
        value(b, ind, "2003-06", "200", 1);
        valueStored(a, other, "2003-06", "10", 1);
        awaitStored(b, "value:" + ind, "2003-06", "200");
        awaitStored(b, "value:" + ind, "2003-05", "2");
        ranking("indicator", ind, "2003-06", g).body("entries.park", contains(b, a));
        RankingCache.Month kept = cache.kept(ind, YearMonth.of(2003, 6));
        assertNotNull(kept, "the ranking's month is kept");

        // Another indicator's value in the same month, the same indicator a year before, and a later month.
        value(a, other, "2003-06", "20", 2);
        value(a, ind, "2002-06", "50", 1);
        value(a, ind, "2003-08", "5", 1);
        awaitStored(a, "value:" + other, "2003-06", "20");
        awaitStored(a, "value:" + ind, "2002-06", "50");
        awaitStored(a, "value:" + ind, "2003-08", "5");

        long reads = cache.reads();
        ranking("indicator", ind, "2003-06", g)
                .body("entries.park", contains(b, a))
                .body("entries.value", contains(200, 100))
                .body("entries.previousRank", contains(1, 2));
        assertSame(kept, cache.kept(ind, YearMonth.of(2003, 6)), "kept through changes that do not alter it");
        assertEquals(reads, cache.reads(), "neither the month nor the previous month was read again");
        // The changed indicator's own ranking shows its change at once.
        ranking("indicator", other, "2003-06", g).body("entries.value", contains(20));
    }

    @Test
    void aRankingIsReadAgainWhenItsMonthOrThePreviousMonthChanges() {
        String g = unique("R"), a = g + "A", b = g + "B";
        String ind = unique("r_a_").toLowerCase();
        park(a, "甲", g, "100", EventTypes.PARK_REGISTERED, 0);
        park(b, "乙", g, "100", EventTypes.PARK_REGISTERED, 0);
        value(a, ind, "2003-05", "1", 1);
        value(b, ind, "2003-05", "2", 1);
        value(a, ind, "2003-06", "100", 1);
        valueStored(b, ind, "2003-06", "200", 1);
        awaitStored(b, "value:" + ind, "2003-05", "2");
        ranking("indicator", ind, "2003-06", g).body("entries.park", contains(b, a));
        RankingCache.Month kept = cache.kept(ind, YearMonth.of(2003, 6));
        assertNotNull(kept);

        valueStored(a, ind, "2003-06", "300", 2);
        ranking("indicator", ind, "2003-06", g)
                .body("entries.park", contains(a, b))
                .body("entries.value", contains(300, 200))
                .body("entries.previousRank", contains(2, 1))
                .body("entries.rankChange", contains(1, -1));
        assertNotSame(kept, cache.kept(ind, YearMonth.of(2003, 6)));

        // The previous month feeds previousRank: May's change shows in June's ranking at once.
        valueStored(a, ind, "2003-05", "9", 2);
        ranking("indicator", ind, "2003-06", g)
                .body("entries.park", contains(a, b))
                .body("entries.previousRank", contains(1, 2))
                .body("entries.rankChange", contains(0, 0));
        // A quarter is read at its last month, with the previous quarter's last month for rank changes.
        value(b, ind, "2003-03", "1", 1);
        valueStored(a, ind, "2003-03", "2", 1);
        ranking("indicator", ind, "2003-Q2", g).body("entries.previousRank", contains(1, 2));
        valueStored(b, ind, "2003-03", "3", 2);
        ranking("indicator", ind, "2003-Q2", g).body("entries.previousRank", contains(2, 1));
    }

    @Test
    void derivedFiguresAndParksAreNeverServedStale() {
        String g = unique("D"), a = g + "A", b = g + "B";
        String ind = unique("d_a_").toLowerCase();
        park(a, "甲", g, "100", EventTypes.PARK_REGISTERED, 0);
        park(b, "乙", g, "100", EventTypes.PARK_REGISTERED, 0);
        value(a, ind, "2002-06", "100", 1);
        value(b, ind, "2002-06", "100", 1);
        value(a, ind, "2003-06", "110", 1);
        value(b, ind, "2003-06", "120", 1);
        target(a, ind, 2003, "1000", 1);
        target(b, ind, 2003, "200", 1);
        awaitStored(b, "value:" + ind, "2003-06", "120");
        awaitStored(b, "value:" + ind, "2002-06", "100");
        awaitStored(b, "completion:" + ind, "2003-06", "60");
        awaitStored(a, "completion:" + ind, "2003-06", "11");

        // Growth reads the same month a year before: a change there, in another year, moves it.
        ranking("figure", "growth:" + ind, "2003-06", g)
                .body("entries.park", contains(b, a))
                .body("entries.value", contains(20, 10));
        valueStored(a, ind, "2002-06", "50", 2);
        ranking("figure", "growth:" + ind, "2003-06", g)
                .body("entries.park", contains(a, b))
                .body("entries.value", contains(120, 20));

        // Completion reads the year's targets.
        ranking("figure", "completion:" + ind, "2003-06", g).body("entries.park", contains(b, a));
        target(a, ind, 2003, "100", 2);
        awaitStored(a, "completion:" + ind, "2003-06", "110");
        ranking("figure", "completion:" + ind, "2003-06", g)
                .body("entries.park", contains(a, b))
                .body("entries.value", contains(110, 60));

        // Per mu reads the parks' land; a park's change (here its land and name) reaches every ranking at once.
        ranking("figure", "perMu:" + ind, "2003-06", g).body("entries.park", contains(b, a));
        ranking("indicator", ind, "2003-06", g).body("entries.parkName", contains("乙", "甲"));
        park(a, "甲园区", g, "10", EventTypes.PARK_UPDATED, 1);
        awaitStored(a, "perMu:" + ind, "2003-06", "11");
        assertEquals("甲园区", storedName(a));
        ranking("figure", "perMu:" + ind, "2003-06", g)
                .body("entries.park", contains(a, b))
                .body("entries.value", contains(11, 1.2f));
        ranking("indicator", ind, "2003-06", g).body("entries.parkName", contains("乙", "甲园区"));

        // A park leaving the peer group leaves its rankings (the same event renames it, which shows it applied).
        park(b, "乙园区", g + "X", "100", EventTypes.PARK_UPDATED, 1);
        TestEvents.await(b + " renamed", Duration.ofSeconds(30), () -> "乙园区".equals(storedName(b)));
        ranking("indicator", ind, "2003-06", g).body("entries.park", contains(a));
    }
}
