package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.RankingTest.park;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The ranking export as a bureau downloads it: named after the figure and the period, titled in Chinese. */
@QuarkusTest
class ExportTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    static void output(String park, String indicator, String period, String value) {
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.VALUE_RECORDED,
                "{\"park\":\"" + park + "\",\"indicator\":\"" + indicator
                        + "\",\"indicatorName\":\"工业总产值\",\"period\":\""
                        + period + "\",\"value\":" + value + ",\"unit\":\"万元\",\"version\":1"
                        + ",\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2025-11-10T10:00:00+08:00\"}",
                null);
    }

    static byte[] download(Map<String, String> query, String asciiName, String chineseName) {
        return given().auth()
                .oauth2(ANALYST)
                .queryParams(query)
                .get("/api/v1/rankings/export")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(chineseName, StandardCharsets.UTF_8)))
                .extract()
                .asByteArray();
    }

    @Test
    void rankingExportsAreTitledAndNamedAfterTheFigureAndThePeriod() throws IOException {
        String g = "X" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String indicator = "out_" + UUID.randomUUID().toString().substring(0, 6);
        String a = g + "A", b = g + "B";
        park(a, "甲园区", g);
        park(b, "乙园区", g);
        // 甲 1,234,567.89 on 1,000,000 last year (+23.46 %); 乙 500,000 on 400,000 (+25 %).
        output(a, indicator, "2024-10", "1000000");
        output(a, indicator, "2025-10", "1234567.89");
        output(b, indicator, "2024-10", "400000");
        output(b, indicator, "2025-10", "500000");
        TestEvents.await(
                "both parks' October values",
                Duration.ofSeconds(30),
                () -> given().auth()
                                        .oauth2(ANALYST)
                                        .queryParams("indicator", indicator, "period", "2025-10", "peerGroup", g)
                                        .get("/api/v1/rankings")
                                        .then()
                                        .extract()
                                        .<Object>path("entries")
                                instanceof List<?> e
                        && e.size() == 2);

        byte[] values = download(
                Map.of("indicator", indicator, "period", "2025-10", "peerGroup", g),
                "ranking-value-" + indicator + "-2025-10-" + g + ".xlsx",
                "工业总产值排名_2025年10月_" + g + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(values))) {
            Sheet s = wb.getSheet("排名");
            assertEquals("工业总产值排名（2025年1–10月）", s.getRow(0).getCell(0).getStringCellValue());
            String subtitle = s.getRow(1).getCell(0).getStringCellValue();
            assertTrue(subtitle.startsWith("单位：万元；范围：" + g + "组园区；数据截至2025年10月；导出时间："), subtitle);
            assertTrue(subtitle.contains("；按工业总产值从高到低排序，数值相同者并列同一名次；"), subtitle);
            assertEquals("工业总产值（万元）", s.getRow(2).getCell(3).getStringCellValue());
            assertEquals(a, s.getRow(3).getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, s.getRow(3).getCell(0).getCellType());
            assertEquals(1.0, s.getRow(3).getCell(0).getNumericCellValue());
            assertEquals(1234567.89, s.getRow(3).getCell(3).getNumericCellValue(), 1e-9);
            assertEquals("#,##0.00", s.getRow(3).getCell(3).getCellStyle().getDataFormatString());
            assertEquals(3, s.getPaneInformation().getHorizontalSplitPosition());
        }

        byte[] growth = download(
                Map.of("figure", "growth:" + indicator, "period", "2025-10", "peerGroup", g),
                "ranking-growth-" + indicator + "-2025-10-" + g + ".xlsx",
                "工业总产值同比增速排名_2025年10月_" + g + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(growth))) {
            Sheet s = wb.getSheet("排名");
            assertEquals("工业总产值同比增速排名（2025年1–10月）", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("工业总产值同比增速（%）", s.getRow(2).getCell(3).getStringCellValue());
            assertEquals(b, s.getRow(3).getCell(1).getStringCellValue());
            assertEquals(25.0, s.getRow(3).getCell(3).getNumericCellValue(), 1e-9);
            assertEquals(23.46, s.getRow(4).getCell(3).getNumericCellValue(), 1e-9);
            assertEquals(2.0, s.getRow(4).getCell(0).getNumericCellValue());
        }
    }
}
