package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.RankingTest.park;
import static io.parkpulse.reporting.RankingTest.value;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rankings on derived figures, comparisons with city totals and shares, and the parks behind time-elapsed progress. */
@QuarkusTest
class CityViewTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    static ValidatableResponse get(String path, Map<String, ?> query) {
        return given().auth().oauth2(ANALYST).queryParams(query).get(path).then();
    }

    @Test
    void figuresRankCompareAndShowWhoIsBehindAsReportsPhraseIt() {
        String g = "C" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String a = g + "A", b = g + "B", c = g + "C";
        park(a, "甲园区", g);
        park(b, "乙园区", g);
        park(c, "丙园区", g);
        // 甲: 4567 of a 10000 target by June (45.67 %), 4.20 % on last year's 4383, planned growth 12 %.
        // 乙: 6000 of 10000 (60 %), 20 % on 5000, planned 12 %. 丙: no target, 2000 on 1000 (+100 %).
        String[][] data = {{a, "4383", "4567", "10000"}, {b, "5000", "6000", "10000"}, {c, "1000", "2000", null}};
        for (String[] d : data) {
            if (d[3] != null) {
                TestEvents.publish(
                        bootstrap(),
                        Topics.INDICATORS,
                        d[0],
                        EventTypes.TARGET_SET,
                        "{\"park\":\"" + d[0]
                                + "\",\"indicator\":\"city_tax\",\"year\":2022,\"annual\":" + d[3]
                                + ",\"plannedGrowthPct\":12,\"unit\":\"万元\",\"version\":1}",
                        null);
            }
            value(d[0], "city_tax", "2021-06", d[1], 1, null);
            value(d[0], "city_tax", "2022-03", d[1], 1, null);
            value(d[0], "city_tax", "2022-06", d[2], 1, null);
        }
        TestEvents.await(
                "the three parks' June figures",
                Duration.ofSeconds(30),
                () -> get("/api/v1/rankings", Map.of("indicator", "city_tax", "period", "2022-06", "peerGroup", g))
                                        .extract()
                                        .<Object>path("entries")
                                instanceof List<?> e
                        && e.size() == 3);

        get("/api/v1/rankings", Map.of("figure", "growth:city_tax", "period", "2022-06", "peerGroup", g))
                .statusCode(200)
                .body("entries.park", contains(c, b, a))
                .body("entries.value", contains(100, 20, 4.2f));
        get("/api/v1/rankings", Map.of("figure", "completion:city_tax", "period", "2022-Q2", "peerGroup", g))
                .statusCode(200)
                .body("entries.park", contains(b, a))
                .body("entries.value", contains(60, 45.67f));
        byte[] xlsx = given().auth()
                .oauth2(ANALYST)
                .queryParams(Map.of("figure", "growth:city_tax", "period", "2022-06", "peerGroup", g))
                .get("/api/v1/rankings/export")
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"ranking-growth-city_tax-2022-06-" + g
                                + ".xlsx\"; filename*=UTF-8''"
                                + java.net.URLEncoder.encode(
                                        "税收同比增速排名_2022年6月_" + g + ".xlsx", java.nio.charset.StandardCharsets.UTF_8)))
                .extract()
                .asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("排名");
            org.junit.jupiter.api.Assertions.assertEquals(
                    "税收同比增速排名（2022年1–6月）", sheet.getRow(0).getCell(0).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals(
                    "税收同比增速（%）", sheet.getRow(2).getCell(3).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals(
                    c, sheet.getRow(3).getCell(1).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals(
                    100.0, sheet.getRow(3).getCell(3).getNumericCellValue(), 1e-9);
            org.junit.jupiter.api.Assertions.assertEquals(
                    a, sheet.getRow(5).getCell(1).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertEquals(
                    3.0, sheet.getRow(5).getCell(0).getNumericCellValue(), 1e-9);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        get("/api/v1/rankings", Map.of("figure", "median:city_tax", "period", "2022-06"))
                .statusCode(400)
                .body("errors[0].field", equalTo("figure"));
        get("/api/v1/rankings", Map.of("figure", "growth:city_tax", "indicator", "city_tax", "period", "2022-06"))
                .statusCode(400);

        // City total over the active parks that report it: 4567 + 6000 + 2000 = 12567; 甲's share 36.34 %. The city's
        // growth is of its sums, like with like: 12567 on 4383 + 5000 + 1000 = 10383 is +21.03 %; its completion is
        // over the parks with a target: (4567 + 6000) of 20000 = 52.84 %. A per-mu figure has no city total.
        get(
                        "/api/v1/comparisons",
                        Map.of(
                                "parks",
                                a + "," + b,
                                "figures",
                                "value:city_tax,growth:city_tax,completion:city_tax,perMu:city_tax",
                                "period",
                                "2022-06"))
                .statusCode(200)
                .body("city[0].value", equalTo(12567))
                .body("city[1].value", equalTo(21.03f))
                .body("city[1].shareOfCity", nullValue())
                .body("city[2].value", equalTo(52.84f))
                .body("city[3].value", nullValue())
                .body("parks[0].park", equalTo(a))
                .body("parks[0].cells[0].shareOfCity", equalTo(36.34f))
                .body("parks[1].cells[1].value", equalTo(20));
        // The same totals for every indicator, with the parks each figure is over.
        get("/api/v1/city/figures", Map.of("period", "2022-06"))
                .statusCode(200)
                .body("valueMonth", equalTo("2022-06"))
                .body("indicators.find { it.indicator == 'city_tax' }.value", equalTo(12567))
                .body("indicators.find { it.indicator == 'city_tax' }.parks", equalTo(3))
                .body("indicators.find { it.indicator == 'city_tax' }.lastYear", equalTo(10383))
                .body("indicators.find { it.indicator == 'city_tax' }.growthPct", equalTo(21.03f))
                .body("indicators.find { it.indicator == 'city_tax' }.parksCompared", equalTo(3))
                .body("indicators.find { it.indicator == 'city_tax' }.targetedValue", equalTo(10567))
                .body("indicators.find { it.indicator == 'city_tax' }.annualTarget", equalTo(20000))
                .body("indicators.find { it.indicator == 'city_tax' }.completionPct", equalTo(52.84f))
                .body("indicators.find { it.indicator == 'city_tax' }.parksTargeted", equalTo(2));
        get("/api/v1/comparisons", Map.of("parks", a + ",NOPE", "figures", "value:city_tax", "period", "2022-06"))
                .statusCode(400)
                .body("errors[0].field", equalTo("parks[1]"));

        // The corpus's own sentence: 完成全年任务的45.67%, 距任务双过半相差4.3个百分点, 距计划增速12%相差7.8个百分点.
        get("/api/v1/progress-gaps", Map.of("indicator", "city_tax", "period", "2022-06"))
                .statusCode(200)
                .body("timeElapsed", equalTo(50))
                .body("behind.find { it.park == '" + a + "' }.completion", equalTo(45.67f))
                .body("behind.find { it.park == '" + a + "' }.phrase", equalTo("欠时序进度4.3个百分点"))
                .body("behind.find { it.park == '" + a + "' }.doubleHalf", equalTo(false))
                .body("behind.find { it.park == '" + a + "' }.doubleHalfGapPoints", equalTo(-4.33f))
                .body("behind.find { it.park == '" + a + "' }.growthGapPoints", equalTo(-7.8f))
                .body("onTrack.find { it.park == '" + b + "' }.doubleHalf", equalTo(true))
                .body("onTrack.find { it.park == '" + c + "' }", nullValue());
    }
}
