package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.Periods;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The monthly report as a file: a CSV or an XLSX with the columns {@code indicator}, {@code value}
 * and optionally {@code unit} and {@code period} (Chinese headers 指标代码, 本期数值, 单位, 报告期 work too;
 * a row's period overrides the upload's, so a year of history fits one file), and the XLSX template a
 * park downloads with its indicators and last year's figures filled in.
 */
@ApplicationScoped
public class SpreadsheetService {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_ROWS = BatchService.MAX_ROWS;

    @Inject
    ParkService parks;

    public List<BatchService.FileRow> readCsv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel writes a byte-order mark
        }
        List<List<String>> table = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                table.add(splitCsvLine(line));
            }
        }
        return rows(table);
    }

    public List<BatchService.FileRow> readXlsx(byte[] body) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            List<List<String>> table = new ArrayList<>();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    Cell cell = r.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        // A month typed as 2025-03 becomes a date in Excel; the period column means its month.
                        cells.add(YearMonth.from(cell.getLocalDateTimeCellValue()).toString());
                    } else if (cell.getCellType() == CellType.NUMERIC
                            || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
                        // Excel keeps doubles; its own 15-digit rendering is what the person typed.
                        cells.add(NumberToTextConverter.toText(cell.getNumericCellValue()));
                    } else {
                        cells.add(fmt.formatCellValue(cell).trim());
                    }
                }
                if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    table.add(cells);
                }
                if (table.size() > MAX_ROWS + 1) {
                    break;
                }
            }
            return rows(table);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest("body", "unreadable_file", "the body is not a readable XLSX workbook");
        }
    }

    /** The header row names the columns; every further row is one indicator. */
    private List<BatchService.FileRow> rows(List<List<String>> table) {
        if (table.isEmpty()) {
            throw ProblemException.badRequest("body", "required", "the file has no rows");
        }
        List<String> header = table.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int ind = column(header, "indicator", "指标代码");
        int val = column(header, "value", "本期数值");
        int unit = column(header, "unit", "单位");
        int month = column(header, "period", "报告期");
        if (ind < 0 || val < 0) {
            throw ProblemException.badRequest("body", "missing_columns",
                    "the first row must name the columns 'indicator' and 'value' (or 指标代码 and 本期数值)");
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw ProblemException.badRequest("rows", "too_many_rows", "at most " + MAX_ROWS + " rows in one file");
        }
        List<BatchService.FileRow> out = new ArrayList<>();
        for (List<String> r : table.subList(1, table.size())) {
            String code = cell(r, ind);
            String raw = cell(r, val);
            String u = unit < 0 ? null : cell(r, unit);
            String p = month < 0 || cell(r, month).isEmpty() ? null : cell(r, month);
            if (raw.isEmpty()) {
                continue; // a template row left empty is "not reported", not zero
            }
            try {
                out.add(new BatchService.FileRow(code, new BigDecimal(raw.replace(",", "")), u == null || u.isEmpty() ? null : u, p, null));
            } catch (NumberFormatException e) {
                out.add(new BatchService.FileRow(code, null, u, p, "'" + raw + "' is not a number"));
            }
        }
        return out;
    }

    private static int column(List<String> header, String en, String zh) {
        int i = header.indexOf(en);
        return i >= 0 ? i : header.indexOf(zh);
    }

    private static String cell(List<String> r, int i) {
        return i < r.size() ? r.get(i).trim() : "";
    }

    static List<String> splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The month's template: every active indicator with its unit, last year's figure and last month's. */
    public byte[] template(String parkCode, String periodText) {
        Park park = parks.require(parkCode);
        YearMonth period = Periods.month(periodText, "period");
        Map<String, BigDecimal> lastYear = values(parkCode, period.minusYears(1));
        Map<String, BigDecimal> lastMonth = values(parkCode, period.minusMonths(1));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(period.toString());
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            String[] header = { "indicator", "指标名称", "unit", "value", "上年同期", "上月", "口径" };
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(header[i]);
                c.setCellStyle(bold);
            }
            int n = 1;
            for (Indicator i : Indicator.<Indicator>list("status = 'ACTIVE'", Sort.by("sortOrder"))) {
                Row r = sheet.createRow(n++);
                r.createCell(0).setCellValue(i.code);
                r.createCell(1).setCellValue(i.nameZh);
                r.createCell(2).setCellValue(i.unit);
                setNumber(r.createCell(4), lastYear.get(i.code));
                setNumber(r.createCell(5), lastMonth.get(i.code));
                r.createCell(6).setCellValue(i.isCumulative() ? "1–" + period.getMonthValue() + "月累计" : period.getMonthValue() + "月末");
            }
            Row note = sheet.createRow(n + 1);
            note.createCell(0).setCellValue(park.name + " " + period + " 月度指标报表:在 value 列填写本期数值(不填表示未报送,零请填 0),"
                    + "金额单位可改为 元、万元 或 亿元。");
            for (int i = 0; i < header.length; i++) {
                sheet.setColumnWidth(i, i == 1 ? 20 * 256 : 14 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setNumber(Cell c, BigDecimal v) {
        if (v != null) {
            c.setCellValue(v.doubleValue());
        }
    }

    private static Map<String, BigDecimal> values(String park, YearMonth m) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (IndicatorValue v : IndicatorValue.<IndicatorValue>list("id.park = ?1 and id.period = ?2", park, m.toString())) {
            out.put(v.id.indicator(), v.value);
        }
        return out;
    }
}
