package io.parkpulse.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.reporting.domain.Report.Section;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class ReportDocxTest {

    static final Report REPORT = new Report(
            "高新区2026年1—10月经济运行情况",
            "数据截至2026年10月",
            List.of(
                    new Section(
                            "一、主要经济指标完成情况",
                            List.of("园区规模以上工业总产值390.7亿元，同比增长4.2%。"),
                            List.of("工业投资下降", "税收收入下降"),
                            new Report.Table(List.of("指标", "本月"), List.of(List.of("工业总产值", "39.1")))),
                    new Section("二、项目建设", List.of("在库项目12个。"), List.of(), null)));

    static XWPFDocument read(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    @Test
    void theTextStandsInTheOrderOfTheReport() throws IOException {
        try (XWPFDocument doc = read(ReportDocx.write(REPORT))) {
            List<String> texts =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals(
                    List.of(
                            "高新区2026年1—10月经济运行情况",
                            "数据截至2026年10月",
                            "一、主要经济指标完成情况",
                            "园区规模以上工业总产值390.7亿元，同比增长4.2%。",
                            "1．工业投资下降",
                            "2．税收收入下降",
                            "二、项目建设",
                            "在库项目12个。"),
                    texts);
            assertEquals("39.1", doc.getTables().get(0).getRow(1).getCell(1).getText());
        }
    }

    @Test
    void theTitleIsCentredInXiaobiaosongAndTheBodyIndentedInFangsong() throws IOException {
        try (XWPFDocument doc = read(ReportDocx.write(REPORT))) {
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertEquals(ParagraphAlignment.CENTER, title.getAlignment());
            assertEquals(ReportDocx.TITLE_FONT, title.getRuns().get(0).getFontFamily());
            assertEquals(22.0, title.getRuns().get(0).getFontSizeAsDouble());
            XWPFParagraph body = doc.getParagraphs().get(3);
            assertEquals(ReportDocx.BODY_FONT, body.getRuns().get(0).getFontFamily());
            assertEquals(16.0, body.getRuns().get(0).getFontSizeAsDouble());
            assertEquals(640, body.getIndentationFirstLine(), "two characters of 16 points, in twips");
        }
    }

    @Test
    void theFooterNumbersThePages() throws IOException {
        try (XWPFDocument doc = read(ReportDocx.write(REPORT))) {
            String footer = doc.getFooterList().get(0)._getHdrFtr().xmlText();
            assertTrue(footer.contains("PAGE"), footer);
        }
    }
}
