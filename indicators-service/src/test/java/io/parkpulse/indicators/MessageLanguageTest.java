package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.ANALYST;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue #20 item 3: refusals are Chinese by default and English with {@code Accept-Language: en}; codes and
 * fields stay as they are, and a row of an uploaded file is named as the person sees it in the file.
 */
@QuarkusTest
class MessageLanguageTest {

    /** The month's report as a park fills it in: sheet 月报, Chinese headers, a number typed with its unit in row 7. */
    static byte[] monthlyReport() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("月报");
            Object[][] lines = {
                {"指标代码", "本期数值", "单位"},
                {"industrial_output", 1200.5, "万元"},
                {"tax_revenue", 5000, "万元"},
                {"high_tech_enterprises", 12, "家"},
                {"above_scale_enterprises", 30, "家"},
                {"export_value", 20, "万美元"},
                {"employees", "约3500人", "人"}
            };
            for (int r = 0; r < lines.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < lines[r].length; c++) {
                    if (lines[r][c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) lines[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static ValidatableResponse upload(String token, String park, byte[] xlsx, String language) {
        var req = given().auth()
                .oauth2(token)
                .contentType(FileImportApiTest.XLSX)
                .queryParam("period", "2025-09")
                .queryParam("atomic", true)
                .body(xlsx);
        if (language != null) {
            req.header("Accept-Language", language);
        }
        return req.post("/api/v1/parks/{p}/values/file", park).then();
    }

    @Test
    void aBadCellOfAnUploadedWorkbookIsNamedBySheetRowAndColumnInChinese() throws Exception {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body("{\"value\": 5400.000000}")
                .put("/api/v1/parks/{p}/values/2025-08/tax_revenue", park)
                .then()
                .statusCode(200);
        byte[] xlsx = monthlyReport();

        upload(staff, park, xlsx, null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("batch_rejected"))
                .body("title", equalTo("无法处理的内容"))
                .body("detail", equalTo("共6行，其中2行未通过校验，本批数据均未保存（按整批提交：有一行未通过即全部不保存）"))
                .body("errors.field", contains("rows[1].value", "rows[5].value"))
                .body("errors.code", contains("cumulative_decrease", "not_a_number"))
                .body(
                        "errors.message",
                        contains("“月报”表第3行“本期数值”列：税收为累计值，不能低于2025年8月已报的5400万元", "“月报”表第7行“本期数值”列：“约3500人”不是数字"))
                .body("context.rows[5].message", equalTo("“月报”表第7行“本期数值”列：“约3500人”不是数字"));

        upload(staff, park, xlsx, "en")
                .statusCode(422)
                .body("code", equalTo("batch_rejected"))
                .body("title", equalTo("Unprocessable Content"))
                .body("detail", equalTo("2 of 6 rows were rejected; nothing was stored (atomic)"))
                .body("errors.field", contains("rows[1].value", "rows[5].value"))
                .body(
                        "errors.message",
                        contains(
                                "sheet '月报', row 3, column '本期数值': Tax revenue is reported year to date and cannot"
                                        + " fall below the 5400 × 10k yuan reported for 2025-08",
                                "sheet '月报', row 7, column '本期数值': '约3500人' is not a number"));
    }

    @Test
    void aJsonBatchNamesItsRowsFromOne() {
        String park = registerPark(uniqueCode());
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "period",
                        "2025-09",
                        "rows",
                        List.of(
                                Map.of("indicator", "employees", "value", 10),
                                Map.of("indicator", "no_such_indicator", "value", 1))))
                .post("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("rows[1].field", equalTo("rows[1].indicator"))
                .body("rows[1].code", equalTo("unknown_indicator"))
                .body("rows[1].message", equalTo("第2行：指标目录中没有指标代码“no_such_indicator”"));
    }

    @Test
    void notFoundAndForbiddenAreChineseByDefault() {
        String park = uniqueCode();
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{code}", park)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"))
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("园区“" + park + "”不存在"));
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en-US,en;q=0.8")
                .get("/api/v1/parks/{code}", park)
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("park '" + park + "' does not exist"));

        given().auth()
                .oauth2(ANALYST)
                .contentType(ContentType.JSON)
                .body("{\"value\": 1}")
                .put("/api/v1/parks/{p}/values/2025-08/tax_revenue", registerPark(uniqueCode()))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"))
                .body("title", equalTo("无权操作"))
                .body("detail", equalTo("您的角色无权进行此操作"));
        given().header("Accept-Language", "en")
                .get("/api/v1/parks")
                .then()
                .statusCode(401)
                .body("code", equalTo("unauthorized"))
                .body("title", equalTo("Unauthorized"));
        given().get("/api/v1/parks").then().statusCode(401).body("title", equalTo("未登录或令牌无效"));
    }

    @Test
    void beanValidationSpeaksTheLanguageAskedFor() {
        Map<String, Object> park = Map.of(
                "code", "x",
                "name", "语言测试园区",
                "level", "PROVINCIAL",
                "kind", "ECONOMIC_DEVELOPMENT_ZONE",
                "district", "江北区",
                "developedLandMu", 100);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(park)
                .post("/api/v1/parks")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid"))
                .body("title", equalTo("请求无效"))
                .body("errors.field", contains("code"))
                .body("errors[0].message", equalTo("应为2至32位大写字母、数字或“-”，以字母或数字开头"))
                .body("detail", equalTo("code：应为2至32位大写字母、数字或“-”，以字母或数字开头"));
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(park)
                .post("/api/v1/parks")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid"))
                .body("title", equalTo("Bad Request"))
                .body(
                        "errors[0].message",
                        equalTo("2 to 32 capital letters, digits or '-', starting with a letter or digit"));
    }
}
