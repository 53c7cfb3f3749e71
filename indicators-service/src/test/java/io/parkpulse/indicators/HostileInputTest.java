package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import io.parkpulse.infra.HttpHardening;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The findings of the adversarial pass that concern this service, each answered with a problem and no change. */
@QuarkusTest
class HostileInputTest {

    /** A bound on CPU work, not a benchmark: the unbounded parse of such a file took 80–90 s of a core. */
    static final Duration CPU_BOUND = Duration.ofSeconds(3);

    @Test
    void theSharedRulesForHostileRequestsHold() throws Exception {
        Map<String, Object> park = new LinkedHashMap<>();
        park.put("code", uniqueCode());
        park.put("name", "加固测试园区");
        park.put("level", "PROVINCIAL");
        park.put("kind", "ECONOMIC_DEVELOPMENT_ZONE");
        park.put("district", "江北区");
        park.put("developedLandMu", 100);
        HttpHardening.verify(new HttpHardening.Spec(
                "POST",
                "/api/v1/parks",
                park,
                "name",
                ADMIN,
                "/api/v1/parks",
                () -> given().auth()
                        .oauth2(ADMIN)
                        .queryParam("size", 500)
                        .get("/api/v1/parks")
                        .asString()));
    }

    @Test
    void aCsvCellOfMillionsOfDigitsIsRefusedInMomentsNamingTheCell() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        byte[] csv = ("indicator,value\ntax_revenue," + "9".repeat(1_900_000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(csv.length < 2 * 1024 * 1024, "within the body limit, so the parser is what is tested");
        withinCpu(() -> upload(staff, park, "text/csv", csv)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("cell_too_long"))
                .body("errors[0].field", equalTo("B2")));
        // Short text that BigDecimal reads as an astronomic exponent is a row's error, not a failure; with
        // no other row, nothing is stored and the batch is refused whole.
        upload(staff, park, "text/csv", "indicator,value\ntax_revenue,1e2147483647\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(422)
                .body("code", equalTo("batch_rejected"))
                .body("context.rows[0].outcome", equalTo("rejected"))
                .body("context.rows[0].code", equalTo("not_a_number"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anXlsxCellOfHundredsOfThousandsOfDigitsIsRefusedInMoments() throws Exception {
        String park = registerPark(uniqueCode());
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("2025-06");
            sheet.createRow(0).createCell(0).setCellValue("indicator");
            sheet.getRow(0).createCell(1).setCellValue("value");
            sheet.createRow(1).createCell(0).setCellValue("tax_revenue");
            sheet.getRow(1).createCell(1).setCellValue("PLACEHOLDER");
            wb.write(out);
            xlsx = out.toByteArray();
        }
        // Excel itself stops at 32,767 characters a cell, but the file format does not: write the cell's text
        // directly, as random digits, which compress too little for the zip-bomb guard to stop them first.
        java.util.Random random = new java.util.Random(21);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        byte[] file = replaceInZip(xlsx, "xl/sharedStrings.xml", "PLACEHOLDER", digits.toString());
        withinCpu(() -> upload(Tokens.token("park-staff", park), park, FileImportApiTest.XLSX, file)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("cell_too_long"))
                .body("errors[0].field", equalTo("B2")));
    }

    @Test
    void aTargetIsReplacedOnlyWithTheVersionRead() {
        String park = registerPark(uniqueCode());
        String path = "/api/v1/parks/{p}/targets/2025/tax_revenue";
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("annual", 100))
                .put(path, park)
                .then()
                .statusCode(200)
                .body("version", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("annual", 1))
                .put(path, park)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("annual", 200, "version", 0))
                .put(path, park)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("annual", 300, "version", 0))
                .put(path, park)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale_version"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/targets", park)
                .then()
                .body("[0].annual", equalTo(200));
    }

    @Test
    void userNamesAreStoredWithoutControlCharactersAndBounded() {
        String park = registerPark(uniqueCode());
        String name = "张三\n2026-11-28 INFO forged line\u202e" + "x".repeat(300);
        given().auth()
                .oauth2(Tokens.builder()
                        .role("park-staff")
                        .park(park)
                        .user(name)
                        .sign())
                .contentType(ContentType.JSON)
                .body(Map.of("value", 5))
                .put("/api/v1/parks/{p}/values/2025-03/tax_revenue", park)
                .then()
                .statusCode(200);
        String stored = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/values/audit", park)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].changedBy");
        assertTrue(stored.startsWith("张三2026-11-28 INFO forged line"), stored);
        assertFalse(stored.contains("\n") || stored.contains("\u202e"), stored);
        assertEquals(200, stored.length());
    }

    @Test
    void monthsOutsideThePlatformsCalendarAreRefusedOnReadsAsOnWrites() {
        String park = registerPark(uniqueCode());
        for (String month : List.of("0000-01", "1999-12", "2999-01")) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParam("period", month)
                    .get("/api/v1/parks/{p}/figures", park)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("period"));
        }
    }

    static byte[] replaceInZip(byte[] zip, String entry, String from, String to) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                var z = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    assertTrue(text.contains(from), entry + " holds " + from);
                    content = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void refusalsAreChineseByDefaultAndEnglishOnRequest() {
        String park = registerPark(uniqueCode());
        given().auth()
                .oauth2(ADMIN)
                .queryParam("period", "1999-12")
                .get("/api/v1/parks/{p}/figures", park)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("报告期应在"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("报告期应在"));
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en-GB,en;q=0.9")
                .queryParam("period", "1999-12")
                .get("/api/v1/parks/{p}/figures", park)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("periods run from"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("periods run from"));
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en")
                .queryParam("q", "x".repeat(9000))
                .get("/api/v1/parks")
                .then()
                .statusCode(414)
                .body("detail", org.hamcrest.Matchers.startsWith("the address has"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("q", "x".repeat(9000))
                .get("/api/v1/parks")
                .then()
                .statusCode(414)
                .body("detail", org.hamcrest.Matchers.startsWith("地址有"));
    }

    static ValidatableResponse upload(String token, String park, String type, byte[] body) {
        return given().auth()
                .oauth2(token)
                .contentType(type)
                .body(body)
                .queryParam("period", "2025-06")
                .post("/api/v1/parks/{p}/values/file", park)
                .then();
    }

    /** The service runs in this JVM, so the process's CPU time is the work the request cost. */
    static void withinCpu(Supplier<?> request) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        request.get();
        Duration used = Duration.ofNanos(os.getProcessCpuTime() - before);
        assertTrue(used.compareTo(CPU_BOUND) < 0, "the request cost " + used + " of CPU");
    }
}
