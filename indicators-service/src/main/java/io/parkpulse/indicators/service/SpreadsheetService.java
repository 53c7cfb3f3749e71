package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.repository.IndicatorRepository;
import io.parkpulse.indicators.repository.ValueQueries;
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
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
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
    IndicatorRepository indicators;

    @Inject
    ValueQueries queries;

    @Inject
    ParkService parks;

    /**
     * The longest text a cell may hold. The longest legitimate cell is an indicator's code or a unit
     * (under 64 characters); a value has at most 24 digits. Cells are measured before anything else
     * reads them, so a cell of a million digits costs no more than its length.
     */
    static final int MAX_CELL_CHARS = 256;
    /** A NUMERIC(24,6) value written out with separators and a sign fits in this; longer is not a number. */
    static final int MAX_VALUE_CHARS = 40;
    /** Digits with an optional sign, decimals and a two-digit exponent (Excel writes 1E+20). */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,2})?");

    static {
        // A workbook's sheet expands to at most this; a real monthly report's sheet is well under 1 MiB.
        ZipSecureFile.setMaxEntrySize(16L * 1024 * 1024);
    }

    /** One non-blank row of a file, with its row number as the person sees it (1 = the header). */
    record Line(int number, List<String> cells) {}

    public List<BatchService.FileRow> readCsv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel writes a byte-order mark
        }
        List<Line> table = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                table.add(new Line(i + 1, splitCsvLine(lines[i])));
            }
            if (table.size() > MAX_ROWS + 1) {
                break;
            }
        }
        return rows(table, null);
    }

    public List<BatchService.FileRow> readXlsx(byte[] body) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            List<Line> table = new ArrayList<>();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    Cell cell = r.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                        // A month typed as 2025-03 becomes a date in Excel; the period column means its month.
                        cells.add(
                                YearMonth.from(cell.getLocalDateTimeCellValue()).toString());
                    } else if (cell.getCellType() == CellType.NUMERIC
                            || (cell.getCellType() == CellType.FORMULA
                                    && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
                        // Excel keeps doubles; its own 15-digit rendering is what the person typed.
                        cells.add(NumberToTextConverter.toText(cell.getNumericCellValue()));
                    } else {
                        cells.add(fmt.formatCellValue(cell).trim());
                    }
                }
                if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    table.add(new Line(r.getRowNum() + 1, cells));
                }
                if (table.size() > MAX_ROWS + 1) {
                    break;
                }
            }
            return rows(table, sheet.getSheetName());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw ProblemException.badRequest(
                    "body",
                    "unreadable_file",
                    "上传的文件不是可读取的 XLSX 工作簿，请用 Excel 另存为 .xlsx 格式后重新上传",
                    "the body is not a readable XLSX workbook");
        }
    }

    /** The header row names the columns; every further row is one indicator. {@code sheet}: null for a CSV. */
    private List<BatchService.FileRow> rows(List<Line> table, String sheet) {
        if (table.isEmpty()) {
            throw ProblemException.badRequest("body", "required", "文件中没有任何数据", "the file has no rows");
        }
        for (Line line : table) {
            for (int c = 0; c < line.cells().size(); c++) {
                if (line.cells().get(c).length() > MAX_CELL_CHARS) {
                    String cell = columnName(c) + line.number();
                    int length = line.cells().get(c).length();
                    throw ProblemException.badRequest(
                            cell,
                            "cell_too_long",
                            (sheet == null ? "" : "“" + sheet + "”表") + "单元格 " + cell + " 有 " + length
                                    + " 个字符，本报表每个单元格最多 " + MAX_CELL_CHARS + " 个字符",
                            (sheet == null ? "" : "sheet '" + sheet + "', ") + "cell " + cell + " holds " + length
                                    + " characters; a cell of this report holds at most " + MAX_CELL_CHARS);
                }
            }
        }
        List<String> shownHeader =
                table.get(0).cells().stream().map(String::trim).toList();
        List<String> header =
                shownHeader.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int ind = column(header, "indicator", "指标代码");
        int val = column(header, "value", "本期数值");
        int unit = column(header, "unit", "单位");
        int month = column(header, "period", "报告期");
        if (ind < 0 || val < 0) {
            throw ProblemException.badRequest(
                    "body",
                    "missing_columns",
                    (sheet == null ? "" : "“" + sheet + "”表") + "第"
                            + table.get(0).number() + "行应为列名，且须有“指标代码”和“本期数值”两列（也可写作 indicator 和 value）",
                    "the first row must name the columns 'indicator' and 'value' (or '指标代码' and '本期数值')");
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw ProblemException.badRequest(
                    "rows",
                    "too_many_rows",
                    "每个文件最多" + MAX_ROWS + "行数据，请分成几个文件上传",
                    "at most " + MAX_ROWS + " rows in one file");
        }
        List<BatchService.FileRow> out = new ArrayList<>();
        for (Line line : table.subList(1, table.size())) {
            List<String> r = line.cells();
            String code = cell(r, ind);
            String raw = cell(r, val);
            String u = unit < 0 ? null : cell(r, unit);
            String p = month < 0 || cell(r, month).isEmpty() ? null : cell(r, month);
            if (raw.isEmpty()) {
                continue; // a template row left empty is "not reported", not zero
            }
            BigDecimal value = number(raw.replace(",", ""));
            BatchService.Origin origin = new BatchService.Origin(
                    sheet,
                    line.number(),
                    shownHeader.get(ind),
                    shownHeader.get(val),
                    unit < 0 ? null : shownHeader.get(unit),
                    month < 0 ? null : shownHeader.get(month));
            out.add(new BatchService.FileRow(
                    code, value, u == null || u.isEmpty() ? null : u, p, value == null ? raw : null, origin));
        }
        return out;
    }

    /** A plain decimal number, or null; its length is checked before BigDecimal, whose parsing is quadratic. */
    static BigDecimal number(String text) {
        if (text.length() > MAX_VALUE_CHARS || !PLAIN_NUMBER.matcher(text).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A, B, … Z, AA, AB, … as Excel names the column with this zero-based index. */
    static String columnName(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            sb.insert(0, (char) ('A' + i % 26));
        }
        return sb.toString();
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
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(period.toString());
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            String[] header = {"indicator", "指标名称", "unit", "value", "上年同期", "上月", "口径"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(header[i]);
                c.setCellStyle(bold);
            }
            int n = 1;
            for (Indicator i : indicators.active()) {
                Row r = sheet.createRow(n++);
                r.createCell(0).setCellValue(i.code);
                r.createCell(1).setCellValue(i.nameZh);
                r.createCell(2).setCellValue(i.unit);
                setNumber(r.createCell(4), lastYear.get(i.code));
                setNumber(r.createCell(5), lastMonth.get(i.code));
                r.createCell(6)
                        .setCellValue(
                                i.isCumulative()
                                        ? "1–" + period.getMonthValue() + "月累计"
                                        : period.getMonthValue() + "月末");
            }
            Row note = sheet.createRow(n + 1);
            note.createCell(0)
                    .setCellValue(park.name + " " + period + " 月度指标报表:在 value 列填写本期数值(不填表示未报送,零请填 0),"
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

    private Map<String, BigDecimal> values(String park, YearMonth m) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (IndicatorValue v : queries.ofMonth(park, m.toString())) {
            out.put(v.id.indicator(), v.value);
        }
        return out;
    }
}
