package io.parkpulse.infra;

import io.parkpulse.infra.FuzzMutations.Mutation;
import io.parkpulse.infra.FuzzMutations.Where;
import io.parkpulse.infra.FuzzOpenApi.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile uploads for operations that take CSV or XLSX files: cells far too large to be numbers,
 * headers and rows far too wide, files that are not what their type says. Built from the valid
 * file's own rows (its header and first row), so the rest of the file stays acceptable.
 * Multipart uploads are not covered: no service documents one.
 */
final class FuzzFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MIB = 1024 * 1024;

    private FuzzFiles() {}

    static List<Mutation> mutations(Operation op, FuzzRequest valid, long seed) {
        // Random digits and letters: a run of one character compresses so well that XLSX readers take it for a zip
        // bomb.
        Random random = new Random(seed);
        String digits100k = digits(random, 100_000);
        String digits300k = digits(random, 300_000);
        String mebibyte = letters(random, MIB);
        String longName = letters(random, 100_000);
        byte[] noise = bytes(random, 4096);
        String required = op.bodyRequired() ? "has no content although a file is required" : null;
        List<Mutation> out = new ArrayList<>();
        for (String type : op.fileTypes()) {
            if (type.startsWith("text/csv")) {
                out.add(file(
                        "csv 100,000-digit value",
                        "CSV whose value cell has 100,000 digits",
                        null,
                        type,
                        rows -> csv(withCell(rows, 1, valueColumn(rows.get(0)), digits100k))));
                out.add(file(
                        "csv 1 MiB cell",
                        "CSV with a 1 MiB cell",
                        null,
                        type,
                        rows -> csv(withCell(rows, 1, 0, mebibyte))));
                out.add(file(
                        "csv huge header",
                        "CSV whose header has a 100,000-character column name",
                        null,
                        type,
                        rows -> csv(withColumns(rows, 1, longName))));
                out.add(file(
                        "csv many columns",
                        "CSV with 10,000 extra columns",
                        null,
                        type,
                        rows -> csv(withColumns(rows, 10_000, "c"))));
                out.add(file("csv many rows", "CSV with 5,000 rows", null, type, rows -> csv(withRows(rows, 5_000))));
                out.add(file("csv empty", "empty CSV", required, type, rows -> new byte[0]));
                out.add(file(
                        "csv header only", "CSV with only its header", null, type, rows -> csv(rows.subList(0, 1))));
                out.add(file(
                        "csv unterminated quote",
                        "CSV with an unterminated quote",
                        null,
                        type,
                        rows -> csv(withCell(rows, 1, 0, "\"" + cell(rows, 1, 0)))));
                out.add(file(
                        "csv NUL character",
                        "CSV with a NUL in a cell",
                        null,
                        type,
                        rows -> csv(withCell(rows, 1, 0, cell(rows, 1, 0) + "\u0000"))));
                out.add(file(
                        "csv invalid UTF-8",
                        "CSV with bytes that are not UTF-8",
                        null,
                        type,
                        rows -> concat(
                                csv(rows.subList(0, 1)),
                                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, ',', '1', '\n'})));
                out.add(file(
                        "csv RTL override",
                        "CSV with an RTL override in a cell",
                        null,
                        type,
                        rows -> csv(withCell(rows, 1, 0, cell(rows, 1, 0) + FuzzMutations.RTL))));
                out.add(file("csv binary", "4 KiB of random bytes as CSV", null, type, rows -> noise));
                out.add(file("xlsx as csv", "an XLSX workbook sent as CSV", null, type, FuzzFiles::xlsx));
            } else if (type.contains("spreadsheetml")) {
                out.add(file(
                        "xlsx 300,000-digit inline string",
                        "XLSX whose value cell is a 300,000-digit inline string",
                        null,
                        type,
                        rows -> xlsx(withCell(rows, 1, valueColumn(rows.get(0)), digits300k))));
                out.add(file(
                        "xlsx 1 MiB cell",
                        "XLSX with a 1 MiB inline string",
                        null,
                        type,
                        rows -> xlsx(withCell(rows, 1, 0, mebibyte))));
                out.add(file(
                        "xlsx many columns",
                        "XLSX with 5,000 extra columns",
                        null,
                        type,
                        rows -> xlsx(withColumns(rows, 5_000, "c"))));
                out.add(file("xlsx empty workbook", "XLSX with an empty sheet", null, type, rows -> xlsx(List.of())));
                out.add(file("xlsx truncated", "XLSX cut off halfway", "is not a readable workbook", type, rows -> {
                    byte[] whole = xlsx(rows);
                    return Arrays.copyOf(whole, whole.length / 2);
                }));
                out.add(file(
                        "xlsx not a zip",
                        "4 KiB of random bytes as XLSX",
                        "is not a readable workbook",
                        type,
                        rows -> noise));
                out.add(file(
                        "csv as xlsx", "a CSV file sent as XLSX", "is not a readable workbook", type, FuzzFiles::csv));
                out.add(file(
                        "xlsx empty",
                        "empty XLSX body",
                        required != null ? required : "is not a readable workbook",
                        type,
                        rows -> new byte[0]));
            }
        }
        return out;
    }

    private static Mutation file(
            String kind, String label, String forbidden, String type, Function<List<List<String>>, byte[]> content) {
        return new Mutation(
                kind, label, null, forbidden, Where.FILE, true, r -> r.withBody(type, content.apply(validRows(r))));
    }

    /** The valid upload's rows when it is a CSV, else a header and one row of the shape most imports read. */
    private static List<List<String>> validRows(FuzzRequest valid) {
        List<List<String>> rows = new ArrayList<>();
        if (valid.body() != null
                && valid.contentType() != null
                && valid.contentType().startsWith("text/csv")) {
            for (String line : valid.bodyText().split("\r?\n")) {
                if (!line.isBlank()) {
                    rows.add(List.of(line.split(",", -1)));
                }
            }
        }
        if (rows.isEmpty()) {
            rows.add(List.of("name", "value"));
        }
        if (rows.size() < 2) {
            rows.add(Collections.nCopies(rows.get(0).size(), "1"));
        }
        return rows;
    }

    private static int valueColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals("value")) {
                return i;
            }
        }
        return header.size() - 1;
    }

    private static String cell(List<List<String>> rows, int row, int column) {
        List<String> r = rows.get(row);
        return column < r.size() ? r.get(column) : "";
    }

    private static List<List<String>> withCell(List<List<String>> rows, int row, int column, String value) {
        List<List<String>> out = new ArrayList<>(rows);
        List<String> r = new ArrayList<>(rows.get(row));
        while (r.size() <= column) {
            r.add("");
        }
        r.set(column, value);
        out.set(row, r);
        return out;
    }

    /** Extra columns named {@code prefix1, prefix2…} (or, for one, {@code prefix} itself), each row given a 1 there. */
    private static List<List<String>> withColumns(List<List<String>> rows, int count, String prefix) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = new ArrayList<>(rows.get(i));
            for (int c = 1; c <= count; c++) {
                r.add(i == 0 ? (count == 1 ? prefix : prefix + c) : "1");
            }
            out.add(r);
        }
        return out;
    }

    private static List<List<String>> withRows(List<List<String>> rows, int count) {
        List<List<String>> out = new ArrayList<>(rows.subList(0, 1));
        for (int i = 0; i < count; i++) {
            out.add(rows.get(1 + i % (rows.size() - 1)));
        }
        return out;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A minimal XLSX package with inline strings. Written by hand rather than with POI, which will not
     * write a cell longer than Excel's 32,767 characters; a hostile client is under no such limit.
     */
    static byte[] xlsx(List<List<String>> rows) {
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                sheet.append("<c r=\"")
                        .append(columnName(c))
                        .append(r + 1)
                        .append("\" t=\"inlineStr\"><is><t>")
                        .append(escapeXml(cells.get(c)))
                        .append("</t></is></c>");
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                            + "</Types>");
            entry(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"" + pkg + "\">"
                            + "<Relationship Id=\"rId1\" Type=\"" + rel
                            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                            + rel + "\">"
                            + "<sheets><sheet name=\"values\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            + "<Relationships xmlns=\"" + pkg + "\"><Relationship Id=\"rId1\" Type=\"" + rel
                            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String columnName(int index) {
        StringBuilder sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String digits(Random random, int n) {
        StringBuilder sb = new StringBuilder(n).append((char) ('1' + random.nextInt(9)));
        while (sb.length() < n) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    private static String letters(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
