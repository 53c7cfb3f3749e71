package io.parkpulse.reporting.service;

import io.parkpulse.reporting.domain.Scoring;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX a bureau prints for a meeting: Chinese headers with their units, one row per park, numbers
 * as numbers (exact decimals written as they are stored), ready for A4 landscape.
 */
@ApplicationScoped
public class Exports {

    public byte[] assessment(AssessmentService.Run run) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Sheet ranking = sheet(
                    wb,
                    "考核排名",
                    st,
                    run.quarter() + " 园区综合考核结果（方案 " + run.schemeCode() + " 第" + run.schemeVersion() + "版，数据截至"
                            + run.asOf() + "，第" + run.revision() + "次发布）",
                    List.of("排名", "园区代码", "园区", "总分（分）", "等级", "较上季排名变化"));
            int r = 2;
            for (AssessmentService.Result x : run.results()) {
                Row row = ranking.createRow(r++);
                text(row, 0, x.rank() == null ? "—" : x.rank().toString(), st.cell);
                text(row, 1, x.park(), st.cell);
                text(row, 2, x.parkName(), st.cell);
                number(row, 3, x.total(), st.number);
                text(row, 4, x.tier(), st.cell);
                text(
                        row,
                        5,
                        x.rankChange() == null
                                ? "—"
                                : x.rankChange() > 0
                                        ? "↑" + x.rankChange()
                                        : x.rankChange() < 0 ? "↓" + (-x.rankChange()) : "持平",
                        st.cell);
            }
            Sheet detail = sheet(
                    wb,
                    "得分明细",
                    st,
                    run.quarter() + " 各园区分项得分（实际值为考核口径下的数值：增速、完成率为%，亩均为每亩）",
                    List.of("园区", "维度", "考核项目", "考核口径", "评分方法", "权重（分）", "实际值", "参照值", "得分（分）", "说明"));
            r = 2;
            for (AssessmentService.Result x : run.results()) {
                java.util.Map<String, String> dimensionNames = new java.util.HashMap<>();
                x.breakdown().dimensions().forEach(d -> dimensionNames.put(d.code(), d.name()));
                for (Scoring.ItemScore i : x.breakdown().items()) {
                    Row row = detail.createRow(r++);
                    text(row, 0, x.parkName(), st.cell);
                    text(row, 1, dimensionNames.getOrDefault(i.dimension(), i.dimension()), st.cell);
                    text(row, 2, i.name(), st.cell);
                    text(row, 3, i.figure(), st.cell);
                    text(row, 4, ruleLabel(i.rule()), st.cell);
                    number(row, 5, i.weight(), st.number);
                    number(row, 6, i.input(), st.number);
                    number(row, 7, i.reference(), st.number);
                    number(row, 8, i.score(), st.number);
                    text(row, 9, i.note(), st.cell);
                }
                for (Scoring.AdjustmentScore a : x.breakdown().adjustments()) {
                    Row row = detail.createRow(r++);
                    text(row, 0, x.parkName(), st.cell);
                    text(row, 1, "加减分", st.cell);
                    text(row, 2, a.name(), st.cell);
                    text(row, 3, a.count() + "次", st.cell);
                    text(
                            row,
                            4,
                            a.disqualifies()
                                    ? "一票否决"
                                    : "每次"
                                            + a.points()
                                                    .divide(BigDecimal.valueOf(a.count()))
                                                    .stripTrailingZeros()
                                                    .toPlainString()
                                            + "分",
                            st.cell);
                    number(row, 8, a.points(), st.number);
                }
            }
            for (Sheet s : List.of(ranking, detail)) {
                for (int c = 0; c < 10; c++) {
                    s.autoSizeColumn(c);
                }
                s.getPrintSetup().setLandscape(true);
                s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                s.setFitToPage(true);
                s.getPrintSetup().setFitWidth((short) 1);
                s.getPrintSetup().setFitHeight((short) 0);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of an exported ranking. */
    public record RankingRow(
            Integer rank, String park, String parkName, BigDecimal value, Integer previousRank, Integer rankChange) {}

    public byte[] ranking(String title, String valueHeader, List<RankingRow> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Sheet s = sheet(wb, "排名", st, title, List.of("排名", "园区代码", "园区", valueHeader, "上期排名", "排名变化"));
            int r = 2;
            for (RankingRow x : rows) {
                Row row = s.createRow(r++);
                text(row, 0, x.rank() == null ? "—" : x.rank().toString(), st.cell);
                text(row, 1, x.park(), st.cell);
                text(row, 2, x.parkName(), st.cell);
                number(row, 3, x.value(), st.number);
                text(row, 4, x.previousRank() == null ? "—" : x.previousRank().toString(), st.cell);
                text(
                        row,
                        5,
                        x.rankChange() == null
                                ? "—"
                                : x.rankChange() > 0
                                        ? "↑" + x.rankChange()
                                        : x.rankChange() < 0 ? "↓" + (-x.rankChange()) : "持平",
                        st.cell);
            }
            for (int c = 0; c < 6; c++) {
                s.autoSizeColumn(c);
            }
            s.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String ruleLabel(io.parkpulse.reporting.domain.Scheme.Rule rule) {
        return switch (rule) {
            case BENCHMARK_RATIO -> "对标比值法";
            case TARGET_COMPLETION -> "目标完成率（封顶）";
            case EFFICACY -> "功效系数法";
            case LOWER_BETTER -> "功效系数法（逆向）";
            case RANK -> "排名赋分";
        };
    }

    private static Sheet sheet(XSSFWorkbook wb, String name, Styles st, String title, List<String> headers) {
        Sheet s = wb.createSheet(name);
        Row t = s.createRow(0);
        text(t, 0, title, st.title);
        Row h = s.createRow(1);
        for (int i = 0; i < headers.size(); i++) {
            text(h, i, headers.get(i), st.header);
        }
        s.createFreezePane(0, 2);
        return s;
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.doubleValue());
        }
        c.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle number;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(bold);
            header = bordered(wb);
            header.setFont(bold);
            cell = bordered(wb);
            number = bordered(wb);
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
