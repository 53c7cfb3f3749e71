package io.parkpulse.indicators.domain.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkpulse.common.error.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

    @Test
    void plainTextInUtf8OrGb18030() {
        String s = "1-6月,园区完成税收3200万元。";
        assertEquals(s, DocumentText.read(s.getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertEquals(
                s, DocumentText.read(("\uFEFF" + s).getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8"));
        assertEquals(s, DocumentText.read(s.getBytes(Charset.forName("GB18030")), "text/plain"));
    }

    @Test
    void aDocxIsReadParagraphByParagraphWithItsTables() throws Exception {
        byte[] bytes;
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("工作情况汇报");
            XWPFTable t = doc.createTable(1, 2);
            t.getRow(0).getCell(0).setText("实缴税收1.52亿元。");
            t.getRow(0).getCell(1).setText("工业投资38.43亿元。");
            doc.createParagraph().createRun().setText("完成基础设施投资15.43亿元。");
            doc.write(out);
            bytes = out.toByteArray();
        }
        assertEquals(
                "工作情况汇报\n实缴税收1.52亿元。\n工业投资38.43亿元。\n完成基础设施投资15.43亿元。\n", DocumentText.read(bytes, DocumentText.DOCX));
    }

    @Test
    void whatDoesNotReadAsItsTypeIsRefusedOnTheFileField() {
        ProblemException notDocx = assertThrows(
                ProblemException.class,
                () -> DocumentText.read("纯文本".getBytes(StandardCharsets.UTF_8), DocumentText.DOCX));
        assertEquals("unreadable_document", notDocx.code());
        assertEquals("file", notDocx.errors().get(0).field());
        ProblemException binary =
                assertThrows(ProblemException.class, () -> DocumentText.read(new byte[] {'a', 0, 'b'}, "text/plain"));
        assertEquals("unreadable_document", binary.code());
        ProblemException blank = assertThrows(
                ProblemException.class, () -> DocumentText.read(" \n ".getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertEquals("empty_document", blank.code());
    }
}
