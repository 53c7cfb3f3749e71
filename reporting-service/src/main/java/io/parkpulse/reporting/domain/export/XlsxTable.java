package io.parkpulse.reporting.domain.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes tables as the XLSX a bureau hands out at a meeting: a title and a subtitle over the table, one bold
 * header row, numbers as numeric cells with a display format (so they sum and sort in Excel), a missing number as
 * "—", column widths measured in the widths of the characters shown, the top rows frozen, and A4 landscape
 * print setup with the header row repeated on every page.
 *
 * <p>Widths are computed here rather than with POI's autoSizeColumn: that measures with the fonts of the JVM,
 * and a server without CJK fonts measures a Chinese character as narrow as a Latin one (the columns of the
 * first exports cut every Chinese header in half).
 */
public final class XlsxTable {

    /** Row index of the header: title (0) and subtitle (1) come first. */
    public static final int HEADER_ROW = 2;

    /** Shown where a number is missing; written as text so no one mistakes it for a zero. */
    public static final String MISSING = "—";

    /** Integers such as ranks and counts. */
    public static final String INTEGER = "0";

    /** A change of rank: positive moved up. Shown "↑2", "↓1" or "持平", stored as the signed number. */
    public static final String RANK_CHANGE = "\"↑\"0;\"↓\"0;\"持平\"";

    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;

    public enum Kind {
        /** Text; a null cell stays empty. */
        TEXT,
        /** A number in the column's format, or a {@link Num} with a format of its own; null is {@link #MISSING}. */
        NUMBER
    }

    public record Column(String header, Kind kind, String format) {

        public static Column text(String header) {
            return new Column(header, Kind.TEXT, null);
        }

        public static Column number(String header, String format) {
            return new Column(header, Kind.NUMBER, format);
        }
    }

    /** A number whose display format differs from its column's (rows of different units in one column). */
    public record Num(BigDecimal value, String format) {}

    /** One sheet: cells of a row are String, Integer, Long, BigDecimal, {@link Num} or null, in column order. */
    public record Sheet(String name, String title, String subtitle, List<Column> columns, List<List<Object>> rows) {}

    private XlsxTable() {}

    public static byte[] write(List<Sheet> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            for (Sheet s : sheets) {
                write(wb, styles, s);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(XSSFWorkbook wb, Styles st, Sheet table) {
        XSSFSheet s = wb.createSheet(table.name());
        int columns = table.columns().size();
        int[] widths = new int[columns];

        Row title = s.createRow(0);
        title.setHeightInPoints(24);
        cell(title, 0, table.title(), st.title);
        Row subtitle = s.createRow(1);
        cell(subtitle, 0, table.subtitle(), st.subtitle);
        if (columns > 1) {
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            s.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
        }

        Row header = s.createRow(HEADER_ROW);
        for (int c = 0; c < columns; c++) {
            String h = table.columns().get(c).header();
            cell(header, c, h, st.header);
            widths[c] = displayWidth(h);
        }

        int r = HEADER_ROW + 1;
        for (List<Object> values : table.rows()) {
            Row row = s.createRow(r++);
            for (int c = 0; c < columns; c++) {
                Column col = table.columns().get(c);
                Object v = c < values.size() ? values.get(c) : null;
                String shown = col.kind() == Kind.TEXT ? text(row, c, v, st) : number(row, c, v, col.format(), st);
                widths[c] = Math.max(widths[c], displayWidth(shown));
            }
        }

        for (int c = 0; c < columns; c++) {
            s.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
        }
        s.createFreezePane(0, HEADER_ROW + 1);
        s.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, columns - 1));
        PrintSetup print = s.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        s.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        s.setHorizontallyCenter(true);
        s.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    private static String text(Row row, int c, Object v, Styles st) {
        String s = v == null ? "" : v.toString();
        cell(row, c, s, st.text);
        return s;
    }

    private static String number(Row row, int c, Object v, String columnFormat, Styles st) {
        BigDecimal value;
        String format = columnFormat;
        if (v instanceof Num n) {
            value = n.value();
            format = n.format() == null ? columnFormat : n.format();
        } else if (v instanceof BigDecimal b) {
            value = b;
        } else if (v instanceof Integer || v instanceof Long) {
            value = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v == null) {
            value = null;
        } else {
            // Text in a number column (a label such as "—" chosen by the caller) is shown as it is.
            return text(row, c, v, st);
        }
        if (value == null) {
            cell(row, c, MISSING, st.missing);
            return MISSING;
        }
        Cell cell = row.createCell(c);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(st.number(format));
        return shown(value, format);
    }

    private static void cell(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The text Excel shows for a number in one of the formats used here, to measure the column. */
    static String shown(BigDecimal value, String format) {
        if (RANK_CHANGE.equals(format)) {
            int sign = value.signum();
            return sign == 0 ? "持平" : (sign > 0 ? "↑" : "↓") + value.abs().toPlainString();
        }
        // Excel quotes literal text in double quotes, DecimalFormat in single ones; the first section is the positive.
        String pattern = format.split(";", -1)[0].replace("\"", "'");
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /**
     * Width in Excel's units (the width of a digit): a Chinese character, a full-width punctuation mark and the
     * dashes and arrows that Chinese fonts draw wide take two.
     */
    public static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2010 && cp <= 0x2027)
                || (cp >= 0x2190 && cp <= 0x21FF)
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static final class Styles {
        private final XSSFWorkbook wb;
        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle text;
        final CellStyle missing;
        private final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            Font small = wb.createFont();
            small.setFontHeightInPoints((short) 9);
            subtitle = wb.createCellStyle();
            subtitle.setFont(small);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = bordered();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered();
            missing = bordered();
            missing.setAlignment(HorizontalAlignment.CENTER);
        }

        CellStyle number(String format) {
            return numbers.computeIfAbsent(format, f -> {
                CellStyle s = bordered();
                s.setDataFormat(wb.createDataFormat().getFormat(f));
                return s;
            });
        }

        private CellStyle bordered() {
            CellStyle s = wb.createCellStyle();
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
