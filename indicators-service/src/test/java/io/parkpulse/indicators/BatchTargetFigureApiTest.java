package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.infra.MetricsScrape;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchTargetFigureApiTest {

    /** Within the platform's calendar but not over yet. */
    static final String NEXT_MONTH =
            io.parkpulse.common.periods.CityTime.thisMonth().plusMonths(1).toString();

    static Map<String, Object> row(String indicator, Object value, String unit) {
        return unit == null
                ? Map.of("indicator", indicator, "value", value)
                : Map.of("indicator", indicator, "value", value, "unit", unit);
    }

    static ValidatableResponse batch(String token, String park, String query, String key, Object body) {
        var req = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            req.header("Idempotency-Key", key);
        }
        return req.post("/api/v1/parks/{p}/values" + query, park).then();
    }

    static int valueCount(String park) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .extract()
                .path("total");
    }

    /** parkpulse_import_rows_total of JSON batches with this outcome, as Prometheus would read it. */
    static double importedRows(String outcome) {
        return MetricsScrape.sum(
                given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "parkpulse_import_rows_total",
                "source=api",
                "outcome=" + outcome);
    }

    static Map<String, Double> importedRows() {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (String o : List.of("imported", "updated", "unchanged", "rejected", "not_stored")) {
            out.put(o, importedRows(o));
        }
        return out;
    }

    static Map<String, Double> plus(Map<String, Double> before, Map<String, Integer> delta) {
        Map<String, Double> out = new java.util.TreeMap<>(before);
        delta.forEach((k, v) -> out.merge(k, (double) v, Double::sum));
        return out;
    }

    @Test
    void aBatchReportsEveryRowAndCountsThemSeparately() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        batch(
                        staff,
                        park,
                        "",
                        null,
                        Map.of(
                                "period",
                                "2025-03",
                                "rows",
                                List.of(row("industrial_output", 100, null), row("tax_revenue", 5, null))))
                .statusCode(200);

        Map<String, Double> rowsBefore = importedRows();
        batch(
                        staff,
                        park,
                        "",
                        null,
                        Map.of(
                                "period",
                                "2025-03",
                                "rows",
                                List.of(
                                        row("industrial_output", 100, null), // unchanged
                                        row("tax_revenue", 6, null), // updated
                                        row("employees", 1200, "人"), // imported
                                        row("no_such", 1, null), // rejected
                                        row("total_profit", 1.5, "亿元"), // imported, converted
                                        row("tax_revenue", 7, null)))) // rejected: twice in one batch
                .statusCode(200)
                .body("status", equalTo("WARNING"))
                .body("applied", equalTo(true))
                .body("summary.imported", equalTo(2))
                .body("summary.updated", equalTo(1))
                .body("summary.unchanged", equalTo(1))
                .body("summary.rejected", equalTo(2))
                .body("rows.outcome", contains("unchanged", "updated", "imported", "rejected", "imported", "rejected"))
                .body("rows[3].code", equalTo("unknown_indicator"))
                .body("rows[3].field", equalTo("rows[3].indicator"))
                .body("rows[5].code", equalTo("duplicate_row"))
                .body("rows[4].value", equalTo(15000));
        assertEquals(
                plus(rowsBefore, Map.of("imported", 2, "updated", 1, "unchanged", 1, "rejected", 2)),
                importedRows(),
                "the batch's rows are counted by outcome at /q/metrics");
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2025-03/tax_revenue/history", park)
                .then()
                .statusCode(200)
                .body("newValue", contains(5, 6))
                .body("oldValue", contains(null, 5))
                .body("changedBy", contains("park-staff", "park-staff"))
                .body("source", contains("API", "API"));
    }

    static Map<String, Object> row(String indicator, Object value, String period, boolean withPeriod) {
        return withPeriod
                ? Map.of("indicator", indicator, "value", value, "period", period)
                : row(indicator, value, null);
    }

    @Test
    void rowsMayNameTheirOwnMonthAndAreCheckedOldestFirst() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        batch(
                        staff,
                        park,
                        "",
                        null,
                        Map.of(
                                "rows",
                                List.of(
                                        row(
                                                "industrial_output",
                                                300,
                                                "2024-03",
                                                true), // after February of the same batch: kept
                                        row("industrial_output", 100, "2024-01", true),
                                        row("industrial_output", 200, "2024-02", true),
                                        row("tax_revenue", 9, "2024-02", true),
                                        row(
                                                "tax_revenue",
                                                8,
                                                "2024-03",
                                                true), // year to date falls below February: rejected
                                        row("tax_revenue", 1, "2024-13", true), // not a month
                                        row("tax_revenue", 1, NEXT_MONTH, true), // not over yet
                                        row("industrial_output", 250, "2024-02", true)))) // February twice
                .statusCode(200)
                .body("period", nullValue())
                .body("status", equalTo("WARNING"))
                .body("summary.imported", equalTo(4))
                .body("summary.rejected", equalTo(4))
                .body("rows.index", contains(0, 1, 2, 3, 4, 5, 6, 7))
                .body(
                        "rows.period",
                        contains(
                                "2024-03",
                                "2024-01",
                                "2024-02",
                                "2024-02",
                                "2024-03",
                                "2024-13",
                                NEXT_MONTH,
                                "2024-02"))
                .body(
                        "rows.outcome",
                        contains(
                                "imported",
                                "imported",
                                "imported",
                                "imported",
                                "rejected",
                                "rejected",
                                "rejected",
                                "rejected"))
                .body("rows[4].code", equalTo("cumulative_decrease"))
                .body("rows[4].message", equalTo("第5行：税收为累计值，不能低于2024年2月已报的9万元"))
                .body("rows[5].code", equalTo("invalid_period"))
                .body("rows[5].field", equalTo("rows[5].period"))
                .body("rows[6].code", equalTo("future_period"))
                .body("rows[6].field", equalTo("rows[6].period"))
                .body("rows[7].code", equalTo("duplicate_row"));
        given().auth()
                .oauth2(staff)
                .queryParam("indicator", "industrial_output")
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("items.period", contains("2024-01", "2024-02", "2024-03"))
                .body("items.value", contains(100, 200, 300));

        // A batch month for the rows without one; a row with its own month keeps it.
        batch(
                        staff,
                        park,
                        "",
                        null,
                        Map.of(
                                "period",
                                "2024-04",
                                "rows",
                                List.of(
                                        row("industrial_output", 400, null),
                                        row("industrial_output", 50, "2023-12", true))))
                .statusCode(200)
                .body("period", equalTo("2024-04"))
                .body("rows.period", contains("2024-04", "2023-12"))
                .body("summary.imported", equalTo(2));
        // No month anywhere is the request's mistake, not a row's.
        batch(staff, park, "", null, Map.of("rows", List.of(row("industrial_output", 1, null))))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"))
                .body("errors[0].code", equalTo("required"));
        // Some rows with a month, some without and no batch month: only those rows are refused.
        batch(
                        staff,
                        park,
                        "",
                        null,
                        Map.of("rows", List.of(row("employees", 10, "2024-05", true), row("employees", 11, null))))
                .statusCode(200)
                .body("rows[1].code", equalTo("required"))
                .body("rows[1].field", equalTo("rows[1].period"))
                .body("summary.imported", equalTo(1));
        // Atomic over several months: one bad month stores nothing of the others.
        int before = valueCount(park);
        batch(
                        staff,
                        park,
                        "?atomic=true",
                        null,
                        Map.of(
                                "rows",
                                List.of(row("employees", 12, "2024-06", true), row("employees", -1, "2024-07", true))))
                .statusCode(422)
                .body("errors[0].field", equalTo("rows[1].value"));
        org.junit.jupiter.api.Assertions.assertEquals(before, valueCount(park));
    }

    @Test
    void concurrentWritesOfOneValueEachGetTheirOwnVersion() throws Exception {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int value = 100 + w;
                answers.add(pool.submit(() -> batch(
                                staff,
                                park,
                                "",
                                null,
                                Map.of("period", "2024-06", "rows", List.of(row("employees", value, null))))
                        .extract()
                        .statusCode()));
            }
            for (var a : answers) {
                org.junit.jupiter.api.Assertions.assertEquals(200, a.get());
            }
        } finally {
            pool.shutdown();
        }
        // Serialised per park: every write saw the one before it, so versions run 1..8 without a repeat
        // (a repeated version would make consumers drop a change).
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2024-06/employees/history", park)
                .then()
                .statusCode(200)
                .body("version", contains(1, 2, 3, 4, 5, 6, 7, 8));
        given().auth()
                .oauth2(staff)
                .queryParam("indicator", "employees")
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .body("items[0].version", equalTo(8));
    }

    @Test
    void dryRunAndAtomicStoreNothing() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        Map<String, Double> rowsBefore = importedRows();
        batch(
                        staff,
                        park,
                        "?dryRun=true",
                        null,
                        Map.of("period", "2025-04", "rows", List.of(row("industrial_output", 100, null))))
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("applied", equalTo(false))
                .body("summary.imported", equalTo(1));
        assertNothingStored(park);
        batch(
                        staff,
                        park,
                        "?atomic=true",
                        null,
                        Map.of(
                                "period",
                                "2025-04",
                                "rows",
                                List.of(row("industrial_output", 100, null), row("tax_revenue", -1, null))))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("batch_rejected"))
                .body("errors[0].field", equalTo("rows[1].value"))
                .body("errors[0].code", equalTo("negative_not_allowed"))
                .body("context.summary.rejected", equalTo(1));
        assertNothingStored(park);
        assertEquals(
                plus(rowsBefore, Map.of("not_stored", 1, "rejected", 1)),
                importedRows(),
                "a dry run is not counted; a refused atomic batch's accepted row is counted as not stored");
    }

    static void assertNothingStored(String park) {
        org.junit.jupiter.api.Assertions.assertEquals(0, valueCount(park));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/values/2025-04/industrial_output/history", park)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheFirstAnswer() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("period", "2025-05", "rows", List.of(row("industrial_output", 100, null)));
        batch(staff, park, "", key, body).statusCode(200).body("summary.imported", equalTo(1));
        // Without the key this would now be "unchanged"; with it, the first answer comes back.
        batch(staff, park, "", key, body)
                .statusCode(200)
                .body("summary.imported", equalTo(1))
                .body("summary.unchanged", equalTo(0));
        batch(staff, park, "", key, Map.of("period", "2025-05", "rows", List.of(row("industrial_output", 200, null))))
                .statusCode(422)
                .body("code", equalTo("idempotency_key_reused"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/values/2025-05/industrial_output/history", park)
                .then()
                .body("size()", equalTo(1));
    }

    @Test
    void badBatchesAreRefusedWhole() {
        String park = registerPark(uniqueCode());
        batch(ADMIN, park, "", null, Map.of("period", "2025-13", "rows", List.of(row("industrial_output", 1, null))))
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        batch(ADMIN, park, "", null, Map.of("period", "2025-01", "rows", List.of()))
                .statusCode(400)
                .body("errors[0].field", equalTo("rows"));
        batch(
                        ADMIN,
                        park,
                        "",
                        null,
                        "{\"period\":\"2025-01\",\"rows\":[{\"indicator\":\"tax_revenue\",\"value\":\"x\"}]}")
                .statusCode(400)
                .body("errors[0].field", equalTo("rows[0].value"));
        batch(
                        Tokens.token("park-staff", "SOMEONE-ELSE"),
                        park,
                        "",
                        null,
                        Map.of("period", "2025-01", "rows", List.of(row("industrial_output", 1, null))))
                .statusCode(404);
        batch(
                        ADMIN,
                        "NO-SUCH-PARK",
                        "",
                        null,
                        Map.of("period", "2025-01", "rows", List.of(row("industrial_output", 1, null))))
                .statusCode(404);
    }

    @Test
    void targetsAreSetByTheBureauAndReadByThePark() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        Map<String, Object> target =
                Map.of("annual", 855.5, "q1", 200, "q2", 420, "unit", "亿元", "plannedGrowthPct", 12);
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(target)
                .put("/api/v1/parks/{p}/targets/2025/above_scale_industrial_output", park)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(target)
                .put("/api/v1/parks/{p}/targets/2025/above_scale_industrial_output", park)
                .then()
                .statusCode(200)
                .body("annual", equalTo(8555000))
                .body("q2", equalTo(4200000))
                .body("unit", equalTo("万元"))
                .body("version", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("annual", 100, "q1", 80, "q2", 50))
                .put("/api/v1/parks/{p}/targets/2025/tax_revenue", park)
                .then()
                .statusCode(422)
                .body("code", equalTo("targets_not_cumulative"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("annual", 900, "unit", "亿元", "version", 7))
                .put("/api/v1/parks/{p}/targets/2025/above_scale_industrial_output", park)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(staff)
                .queryParam("year", 2025)
                .get("/api/v1/parks/{p}/targets", park)
                .then()
                .statusCode(200)
                .body("indicator", contains("above_scale_industrial_output"))
                .body("[0].indicatorName", equalTo("规上工业总产值"));
        given().auth()
                .oauth2(Tokens.token("park-staff", "OTHER"))
                .get("/api/v1/parks/{p}/targets", park)
                .then()
                .statusCode(404);
    }

    @Test
    void figuresReproduceTheSecondQuarterReport() {
        // report-04: 390.7亿元 by June, 45.67 % of the annual target, growth 4.2 %, 4.3 points short of
        // 双过半 and 7.8 points short of the planned 12 %.
        String park = registerPark(uniqueCode());
        String code = "above_scale_industrial_output";
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("annual", 8555000, "q2", 4200000, "plannedGrowthPct", 12))
                .put("/api/v1/parks/{p}/targets/2025/{i}", park, code)
                .then()
                .statusCode(200);
        put(park, "2024-05", code, "3100000");
        put(park, "2024-06", code, "3749520");
        put(park, "2024-12", code, "8000000");
        put(park, "2025-05", code, "3250000");
        put(park, "2025-06", code, "3907000");

        given().auth()
                .oauth2(Tokens.token("park-staff", park))
                .queryParam("period", "2025-06")
                .queryParam("indicator", code)
                .get("/api/v1/parks/{p}/figures", park)
                .then()
                .statusCode(200)
                .body("timeElapsedPct", equalTo(50))
                .body("figures[0].value", equalTo(3907000))
                .body("figures[0].growthPct", equalTo(4.2f))
                .body("figures[0].month", equalTo(657000))
                .body("figures[0].monthLastYear", equalTo(649520))
                .body("figures[0].monthGrowthPct", equalTo(1.15f))
                .body("figures[0].completionPct", equalTo(45.67f))
                .body("figures[0].timeProgressGapPts", equalTo(-4.33f))
                .body("figures[0].quarterCompletionPct", equalTo(93.02f))
                .body("figures[0].growthGapPts", equalTo(-7.8f))
                .body("figures[0].doubleHalf.met", equalTo(false))
                .body("figures[0].doubleHalf.text", equalTo("距任务双过半相差4.3个百分点,距计划增速12%相差7.8个百分点"))
                .body("figures[0].estimate.method", equalTo("seasonal"))
                .body("figures[0].estimate.basedOnYears", contains(2024))
                // 2024: June was 3749520 ÷ 8000000 = 46.869 % of the year → 3907000 ÷ 0.46869 = 8336000.34
                .body(containsString(
                        "\"estimate\":{\"value\":8336000.34,\"method\":\"seasonal\",\"shareOfYearPct\":46.87"))
                .body("figures[0].text", containsString("1–6月累计完成规上工业总产值390.7亿元,同比增长4.20%,完成全年任务的45.67%,欠时序进度4.3个百分点"));
    }

    @Test
    void perMuFiguresUseTheLandOfThePeriod() {
        String park = registerPark(uniqueCode()); // 8650.5 亩
        put(park, "2025-03", "tax_revenue", "865.05");
        put(park, "2025-03", "industrial_value_added", "17301");
        put(park, "2025-03", "employees", "1000");
        given().auth()
                .oauth2(ADMIN)
                .queryParam("period", "2025-03")
                .get("/api/v1/parks/{p}/figures", park)
                .then()
                .statusCode(200)
                .body("efficiency.developedLandMu", equalTo(8650.5f))
                .body("efficiency.taxPerMu", equalTo(0.1f))
                .body("efficiency.valueAddedPerMu", equalTo(2))
                .body("efficiency.labourProductivity", equalTo(17.301f))
                .body("efficiency.valueAddedPerEnergy", nullValue())
                .body("figures.find { it.indicator == 'tax_revenue' }.estimate.method", equalTo("linear"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/figures", park)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    static void put(String park, String period, String indicator, String value) {
        Values.put(ADMIN, park, period, indicator, value).statusCode(200);
    }
}
