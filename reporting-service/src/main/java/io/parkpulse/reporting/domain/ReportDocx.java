package io.parkpulse.reporting.domain;

import io.parkpulse.reporting.domain.Report.Section;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A report as a Word document in the layout of a government work report (GB/T 9704, the format of the
 * documents bureaus exchange): A4 with the standard margins, the title in 小标宋 二号 centred, first-level
 * headings in 黑体 三号, body text in 仿宋 三号 with a two-character first-line indent, a fixed 28-point
 * line spacing, and the page number centred in the footer as "— 1 —". A reader without those fonts sees
 * Word's substitutes; the layout holds.
 */
public final class ReportDocx {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String NOTE_FONT = "楷体_GB2312";

    /** 三号 is 16 points; 二号 22. */
    static final int BODY_PT = 16;

    static final int TITLE_PT = 22;

    static final int TABLE_PT = 12;

    /** Twips (1/20 point) and millimetres as Word counts them. */
    private static long mm(double millimetres) {
        return Math.round(millimetres / 25.4 * 1440);
    }

    private ReportDocx() {}

    public static byte[] write(Report report) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER, 0);
            run(title, report.title(), TITLE_FONT, TITLE_PT, false);
            XWPFParagraph basis = paragraph(doc, ParagraphAlignment.CENTER, 0);
            run(basis, report.basis(), NOTE_FONT, 14, false);
            for (Section s : report.sections()) {
                XWPFParagraph heading = paragraph(doc, ParagraphAlignment.LEFT, 2 * BODY_PT);
                run(heading, s.heading(), HEADING_FONT, BODY_PT, false);
                for (String text : s.paragraphs()) {
                    run(paragraph(doc, ParagraphAlignment.BOTH, 2 * BODY_PT), text, BODY_FONT, BODY_PT, false);
                }
                List<String> points = s.points();
                for (int i = 0; i < points.size(); i++) {
                    // A third-level item of an official document is numbered "1．" with a full-width stop.
                    run(
                            paragraph(doc, ParagraphAlignment.BOTH, 2 * BODY_PT),
                            (i + 1) + "．" + points.get(i),
                            BODY_FONT,
                            BODY_PT,
                            false);
                }
                if (s.table() != null) {
                    table(doc, s.table());
                }
            }
            footer(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(mm(210)));
        size.setH(BigInteger.valueOf(mm(297)));
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(37)));
        margins.setBottom(BigInteger.valueOf(mm(35)));
        margins.setLeft(BigInteger.valueOf(mm(28)));
        margins.setRight(BigInteger.valueOf(mm(26)));
        margins.setFooter(BigInteger.valueOf(mm(20)));
        margins.setHeader(BigInteger.valueOf(mm(15)));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment, int firstLinePoints) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        if (firstLinePoints > 0) {
            p.setIndentationFirstLine(firstLinePoints * 20);
        }
        return p;
    }

    private static void run(XWPFParagraph p, String text, String font, int points, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(points);
        r.setBold(bold);
    }

    private static void table(XWPFDocument doc, Report.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.headers().size());
        fill(table.getRow(0), t.headers(), true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, cells.get(c), header ? HEADING_FONT : BODY_FONT, TABLE_PT, false);
        }
    }

    /** "— 1 —": the page number as a field, so Word counts the pages. */
    private static void footer(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", "宋体", 14, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", "宋体", 14, false);
    }
}
