package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FileImportApiTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Posts a file to the park's upload endpoint; {@code period} null leaves the query parameter out. */
    static ValidatableResponse upload(String token, String park, String type, byte[] body, String period) {
        var req = given().auth().oauth2(token).contentType(type).body(body);
        if (period != null) {
            req.queryParam("period", period);
        }
        return req.post("/api/v1/parks/{p}/values/file", park).then();
    }

    @Test
    void aCsvReportGetsPerRowOutcomesAndIsRecordedAsAFile() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String csv = "\uFEFFindicator,value,unit\n"
                + "industrial_output,\"1,234.5\",万元\n"
                + "tax_revenue,1.2,亿元\n"
                + "employees,abc,人\n"
                + "above_scale_enterprises,,家\n";
        upload(staff, park, "text/csv", csv.getBytes(StandardCharsets.UTF_8), "2025-02")
                .statusCode(200)
                .body("status", equalTo("WARNING"))
                .body("rows.outcome", contains("imported", "imported", "rejected"))
                .body("rows[1].value", equalTo(12000))
                .body("rows[2].code", equalTo("not_a_number"))
                .body("rows[2].field", equalTo("rows[2].value"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2025-02/industrial_output/history", park)
                .then()
                .body("source", contains("FILE"))
                .body("newValue", contains(1234.5f));
        upload(staff, park, "text/csv", "name,amount\nx,1".getBytes(StandardCharsets.UTF_8), "2025-02")
                .statusCode(400)
                .body("code", equalTo("missing_columns"));
        upload(staff, park, XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8), "2025-02")
                .statusCode(400)
                .body("code", equalTo("unreadable_file"));
        upload(Tokens.token("park-staff", "OTHER"), park, "text/csv", csv.getBytes(StandardCharsets.UTF_8), "2025-02")
                .statusCode(404);
    }

    @Test
    void aFileWithAPeriodColumnCarriesSeveralMonths() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String csv = "指标代码,报告期,本期数值,单位\n"
                + "industrial_output,2024-01,100,万元\n"
                + "industrial_output,2024-02,210,万元\n"
                + "industrial_output,,250,万元\n"; // no month of its own: the upload's
        upload(staff, park, "text/csv", csv.getBytes(StandardCharsets.UTF_8), "2024-03")
                .statusCode(200)
                .body("status", equalTo("SUCCESS"))
                .body("rows.period", contains("2024-01", "2024-02", "2024-03"));
        upload(staff, park, "text/csv", csv.getBytes(StandardCharsets.UTF_8), null)
                .statusCode(200)
                .body("rows[2].code", equalTo("required"))
                .body("rows[2].field", equalTo("rows[2].period"));
    }

    @Test
    void theTemplateCarriesLastYearAndGoesBackFilledIn() throws Exception {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 777.25}")
                .put("/api/v1/parks/{p}/values/2024-03/tax_revenue", park)
                .then()
                .statusCode(200);
        byte[] template = given().auth()
                .oauth2(staff)
                .queryParam("period", "2025-03")
                .get("/api/v1/parks/{p}/values/template", park)
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("indicator", sheet.getRow(0).getCell(0).getStringCellValue());
            for (Row r : sheet) {
                if (r.getRowNum() > 0
                        && r.getCell(0) != null
                        && "tax_revenue".equals(r.getCell(0).getStringCellValue())) {
                    assertEquals("税收", r.getCell(1).getStringCellValue());
                    assertEquals(777.25, r.getCell(4).getNumericCellValue());
                    r.createCell(3).setCellValue(812.4);
                }
                if (r.getRowNum() > 0
                        && r.getCell(0) != null
                        && "employees".equals(r.getCell(0).getStringCellValue())) {
                    r.createCell(3).setCellValue(1530);
                }
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        upload(staff, park, XLSX, filled, "2025-03")
                .statusCode(200)
                .body("status", equalTo("SUCCESS"))
                .body("summary.imported", equalTo(2))
                .body("rows.indicator", contains("tax_revenue", "employees"))
                .body("rows[0].value", equalTo(812.4f));
    }
}
