package io.parkpulse.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.Figure;
import io.parkpulse.reporting.domain.Scheme;
import io.parkpulse.reporting.domain.Scoring;
import io.parkpulse.reporting.domain.export.XlsxTable;
import io.parkpulse.reporting.repository.ExportQueries.IndicatorLabel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The export workbooks built from rows and read back with POI, without Quarkus. */
class ExportsTest {

    static final LocalDateTime EXPORTED = LocalDateTime.of(2026, 11, 28, 9, 30);

    static RankingService.Entry entry(int rank, String park, String name, String value, Integer prev, Integer change) {
        return new RankingService.Entry(
                rank, park, name, null, value == null ? null : new BigDecimal(value), prev, change);
    }

    static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    @Test
    void growthRankingIsTitledAsReportsNameItWithNumbersAsNumbers() throws IOException {
        Exports.Download d = Exports.ranking(
                new Exports.RankingSheet(
                        new Figure(Figure.Kind.GROWTH, "industrial_output"),
                        new IndicatorLabel("工业总产值", "万元"),
                        ReportingPeriod.parse("2026-10", "period"),
                        null,
                        false,
                        List.of(
                                entry(1, "JB-ETDZ", "江北经济技术开发区", "16.33", 2, 1),
                                entry(2, "GX-HTZ", "高新区", "4.2", 1, -1),
                                entry(3, "LH-IP", "临湖工业园区", null, null, null))),
                EXPORTED);

        assertEquals("ranking-growth-industrial_output-2026-10.xlsx", d.asciiName());
        assertEquals("工业总产值同比增速排名_2026年10月.xlsx", d.chineseName());
        try (XSSFWorkbook wb = read(d.body())) {
            Sheet s = wb.getSheet("排名");
            assertEquals("工业总产值同比增速排名（2026年1–10月）", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals(
                    "单位：%；数据截至2026年10月；导出时间：2026-11-28 09:30；按工业总产值同比增速从高到低排序，数值相同者并列同一名次；"
                            + "无数值的园区列于最后，以“—”表示；上期为2026年1–9月",
                    s.getRow(1).getCell(0).getStringCellValue());
            Row header = s.getRow(2);
            assertEquals(List.of("排名", "园区代码", "园区", "工业总产值同比增速（%）", "上期排名", "排名变化"), texts(header, 6));

            Row first = s.getRow(3);
            assertEquals(CellType.NUMERIC, first.getCell(0).getCellType());
            assertEquals(1.0, first.getCell(0).getNumericCellValue());
            assertEquals("0", first.getCell(0).getCellStyle().getDataFormatString());
            assertEquals(CellType.NUMERIC, first.getCell(3).getCellType());
            assertEquals(16.33, first.getCell(3).getNumericCellValue(), 1e-12);
            assertEquals("#,##0.00", first.getCell(3).getCellStyle().getDataFormatString());
            assertEquals(2.0, first.getCell(4).getNumericCellValue());
            assertEquals(1.0, first.getCell(5).getNumericCellValue());
            assertEquals(XlsxTable.RANK_CHANGE, first.getCell(5).getCellStyle().getDataFormatString());
            assertEquals(-1.0, s.getRow(4).getCell(5).getNumericCellValue());

            // The park without a value: last, its value and changes shown as "—", its rank still a number.
            Row last = s.getRow(5);
            assertEquals("LH-IP", last.getCell(1).getStringCellValue());
            assertEquals(3.0, last.getCell(0).getNumericCellValue());
            assertEquals(CellType.STRING, last.getCell(3).getCellType());
            assertEquals("—", last.getCell(3).getStringCellValue());
            assertEquals("—", last.getCell(4).getStringCellValue());
            assertEquals(5, s.getLastRowNum());

            // Widths in characters shown: a Chinese character counts two, plus a margin of two.
            // "工业总产值同比增速（%）": 9 characters + 2 full-width brackets = 22, '%' 1 → 23 + 2.
            assertEquals(25 * 256, s.getColumnWidth(3));
            // "江北经济技术开发区": 9 characters → 18 + 2, wider than its 9 Latin widths.
            assertEquals(20 * 256, s.getColumnWidth(2));
            // "JB-ETDZ" is narrower than "园区代码" (8).
            assertEquals(10 * 256, s.getColumnWidth(1));

            assertEquals(3, s.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(0, s.getPaneInformation().getVerticalSplitPosition());
            assertEquals("3:3", s.getRepeatingRows().formatAsString().replace("$", ""));
            assertTrue(s.getPrintSetup().getLandscape());
            assertEquals(
                    org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE,
                    s.getPrintSetup().getPaperSize());
            assertEquals(1, s.getPrintSetup().getFitWidth());
            assertTrue(wb.getFontAt(s.getRow(2).getCell(0).getCellStyle().getFontIndex())
                    .getBold());
            assertEquals("A1:F1", s.getMergedRegion(0).formatAsString());
        }
    }

    @Test
    void valueRankingOfAnAmountHasThousandsSeparatorsAndStocksAreReadAtMonthEnd() throws IOException {
        Exports.Download amount = Exports.ranking(
                new Exports.RankingSheet(
                        new Figure(Figure.Kind.VALUE, "tax_revenue"),
                        new IndicatorLabel("税收", "万元"),
                        ReportingPeriod.parse("2026-Q3", "period"),
                        "NATIONAL",
                        true,
                        List.of(entry(1, "JB-ETDZ", "江北经开区", "281050.5", null, null))),
                EXPORTED);
        assertEquals("ranking-value-tax_revenue-2026-Q3-NATIONAL-asc.xlsx", amount.asciiName());
        assertEquals("税收排名_2026年第三季度_NATIONAL_升序.xlsx", amount.chineseName());
        try (XSSFWorkbook wb = read(amount.body())) {
            Sheet s = wb.getSheet("排名");
            assertEquals("税收排名（2026年1–9月）", s.getRow(0).getCell(0).getStringCellValue());
            assertTrue(s.getRow(1).getCell(0).getStringCellValue().startsWith("单位：万元；范围：NATIONAL组园区；"));
            assertTrue(s.getRow(1).getCell(0).getStringCellValue().contains("按税收从低到高排序"));
            assertTrue(s.getRow(1).getCell(0).getStringCellValue().contains("未报送或无法计算的园区不列入排名"));
            assertEquals("税收（万元）", s.getRow(2).getCell(3).getStringCellValue());
            assertEquals(281050.5, s.getRow(3).getCell(3).getNumericCellValue(), 1e-9);
            assertEquals("#,##0.00", s.getRow(3).getCell(3).getCellStyle().getDataFormatString());
            // "281,050.50" is 10 wide, the header "税收（万元）" 12.
            assertEquals(14 * 256, s.getColumnWidth(3));
        }

        Exports.Download stock = Exports.ranking(
                new Exports.RankingSheet(
                        new Figure(Figure.Kind.VALUE, "high_tech_enterprises"),
                        new IndicatorLabel("高新技术企业数", "家"),
                        ReportingPeriod.parse("2026-01", "period"),
                        null,
                        false,
                        List.of(entry(1, "JB-ETDZ", "江北经开区", "12", null, null))),
                EXPORTED);
        try (XSSFWorkbook wb = read(stock.body())) {
            Sheet s = wb.getSheet("排名");
            assertEquals("高新技术企业数排名（2026年1月末）", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("#,##0", s.getRow(3).getCell(3).getCellStyle().getDataFormatString());
        }

        Exports.Download perMu = Exports.ranking(
                new Exports.RankingSheet(
                        new Figure(Figure.Kind.PER_MU, "tax_revenue"),
                        new IndicatorLabel("税收", "万元"),
                        ReportingPeriod.parse("2026-01", "period"),
                        null,
                        false,
                        List.of(entry(1, "JB-ETDZ", "江北经开区", "3.1416", null, null))),
                EXPORTED);
        assertEquals("亩均税收排名_2026年1月.xlsx", perMu.chineseName());
        try (XSSFWorkbook wb = read(perMu.body())) {
            Sheet s = wb.getSheet("排名");
            assertEquals("亩均税收排名（2026年1月）", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("亩均税收（万元/亩）", s.getRow(2).getCell(3).getStringCellValue());
            assertEquals("#,##0.0000", s.getRow(3).getCell(3).getCellStyle().getDataFormatString());
        }
    }

    @Test
    void assessmentShowsIndicatorNamesAndUnitsNotCodes() throws IOException {
        var dims = List.of(
                new Scoring.DimensionScore("economy", "经济发展", new BigDecimal("10"), new BigDecimal("8.5")),
                new Scoring.DimensionScore("land", "亩均效益", new BigDecimal("11"), new BigDecimal("9")));
        var items = List.of(
                new Scoring.ItemScore(
                        "output_completion",
                        "工业总产值完成全年任务",
                        "economy",
                        "completion:industrial_output",
                        Scheme.Rule.TARGET_COMPLETION,
                        new BigDecimal("10"),
                        new BigDecimal("45.67"),
                        null,
                        new BigDecimal("4.57"),
                        null),
                new Scoring.ItemScore(
                        "tax_per_mu",
                        "亩均税收",
                        "land",
                        "perMu:tax_revenue",
                        Scheme.Rule.EFFICACY,
                        new BigDecimal("6"),
                        new BigDecimal("12.3456"),
                        new BigDecimal("20.5"),
                        new BigDecimal("4.8"),
                        null),
                new Scoring.ItemScore(
                        "high_tech",
                        "高新技术企业数",
                        "land",
                        "value:high_tech_enterprises",
                        Scheme.Rule.RANK,
                        new BigDecimal("2.5"),
                        null,
                        null,
                        BigDecimal.ZERO,
                        "未报送，不得分"));
        var adjustments =
                List.of(new Scoring.AdjustmentScore("safety_accident", "较大安全生产事故", 2, new BigDecimal("-2"), false));
        var a = new AssessmentService.Result(
                "JB-ETDZ",
                "江北经开区",
                null,
                new BigDecimal("57.33"),
                2,
                -2,
                "C",
                false,
                new AssessmentService.Breakdown(dims, items, adjustments));
        var b = new AssessmentService.Result(
                "GX-HTZ",
                "高新区",
                null,
                new BigDecimal("80"),
                null,
                null,
                Scoring.DISQUALIFIED,
                true,
                new AssessmentService.Breakdown(dims, List.of(), List.of()));
        var run = new AssessmentService.Run(
                UUID.randomUUID(),
                "2026-Q3",
                1,
                "default",
                1,
                "2026-09",
                "SCHEDULED",
                null,
                OffsetDateTime.of(2026, 10, 14, 18, 0, 0, 0, ZoneOffset.UTC),
                "scheduler",
                List.of(a, b));
        Exports.Download d = Exports.assessment(
                run,
                "园区综合考核（默认方案）",
                Map.of(
                        "industrial_output", new IndicatorLabel("工业总产值", "万元"),
                        "tax_revenue", new IndicatorLabel("税收", "万元"),
                        "high_tech_enterprises", new IndicatorLabel("高新技术企业数", "家")),
                EXPORTED);

        assertEquals("assessment-2026-Q3-r1.xlsx", d.asciiName());
        assertEquals("园区综合考核结果_2026年第三季度_第1次发布.xlsx", d.chineseName());
        try (XSSFWorkbook wb = read(d.body())) {
            Sheet ranking = wb.getSheet("考核排名");
            assertEquals("2026年第三季度园区综合考核结果", ranking.getRow(0).getCell(0).getStringCellValue());
            assertEquals(
                    "考核方案：园区综合考核（默认方案）（default 第1版）；数据截至2026年9月；第1次发布（2026-10-15 02:00）；"
                            + "导出时间：2026-11-28 09:30；按总分从高到低排名，总分相同者并列同一名次；取消资格的园区不排名",
                    ranking.getRow(1).getCell(0).getStringCellValue());
            assertEquals(List.of("排名", "园区代码", "园区", "总分（分）", "等级", "较上季排名变化"), texts(ranking.getRow(2), 6));
            Row first = ranking.getRow(3);
            assertEquals(2.0, first.getCell(0).getNumericCellValue());
            assertEquals(57.33, first.getCell(3).getNumericCellValue(), 1e-12);
            assertEquals(-2.0, first.getCell(5).getNumericCellValue());
            assertEquals(XlsxTable.RANK_CHANGE, first.getCell(5).getCellStyle().getDataFormatString());
            Row disqualified = ranking.getRow(4);
            assertEquals("—", disqualified.getCell(0).getStringCellValue());
            assertEquals("取消资格", disqualified.getCell(4).getStringCellValue());
            assertEquals(3, ranking.getPaneInformation().getHorizontalSplitPosition());

            Sheet detail = wb.getSheet("得分明细");
            assertEquals("2026年第三季度各园区分项得分", detail.getRow(0).getCell(0).getStringCellValue());
            assertEquals(
                    List.of("园区", "维度", "考核项目", "考核指标", "评分方法", "权重（分）", "单位", "实际值", "参照值", "得分（分）", "说明"),
                    texts(detail.getRow(2), 11));
            Row completion = detail.getRow(3);
            assertEquals("经济发展", completion.getCell(1).getStringCellValue());
            assertEquals("工业总产值目标完成率", completion.getCell(3).getStringCellValue());
            assertEquals("目标完成率（封顶）", completion.getCell(4).getStringCellValue());
            assertEquals(10.0, completion.getCell(5).getNumericCellValue());
            assertEquals("#,##0", completion.getCell(5).getCellStyle().getDataFormatString());
            assertEquals("%", completion.getCell(6).getStringCellValue());
            assertEquals(45.67, completion.getCell(7).getNumericCellValue(), 1e-12);
            assertEquals("", completion.getCell(8).getStringCellValue());
            assertEquals(4.57, completion.getCell(9).getNumericCellValue(), 1e-12);
            Row perMu = detail.getRow(4);
            assertEquals("亩均税收", perMu.getCell(3).getStringCellValue());
            assertEquals("万元/亩", perMu.getCell(6).getStringCellValue());
            assertEquals("#,##0.0000", perMu.getCell(7).getCellStyle().getDataFormatString());
            assertEquals(20.5, perMu.getCell(8).getNumericCellValue(), 1e-12);
            Row rank = detail.getRow(5);
            assertEquals("高新技术企业数", rank.getCell(3).getStringCellValue());
            assertEquals("家", rank.getCell(6).getStringCellValue());
            assertEquals("#,##0.0", rank.getCell(5).getCellStyle().getDataFormatString());
            assertEquals("—", rank.getCell(7).getStringCellValue());
            assertEquals("未报送，不得分", rank.getCell(10).getStringCellValue());
            Row adjustment = detail.getRow(6);
            assertEquals("较大安全生产事故", adjustment.getCell(2).getStringCellValue());
            assertEquals("每次-1分", adjustment.getCell(4).getStringCellValue());
            assertEquals(2.0, adjustment.getCell(7).getNumericCellValue());
            assertEquals(-2.0, adjustment.getCell(9).getNumericCellValue());

            // No figure code is left for a reader: every text cell is free of "completion:", "perMu:" and the like.
            for (Sheet s : List.of(ranking, detail)) {
                for (Row row : s) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.STRING) {
                            assertFalse(
                                    c.getStringCellValue().matches(".*(value|growth|completion|perMu):.*"),
                                    c.getAddress() + " " + c.getStringCellValue());
                        }
                    }
                }
            }
        }
    }

    static List<String> texts(Row row, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> row.getCell(i).getStringCellValue())
                .toList();
    }
}
