package io.parkpulse.indicators.domain.narrative;

import io.parkpulse.common.error.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of an uploaded report: plain text (UTF-8, or GB18030 as Chinese Windows editors save it) or a Word
 * .docx (paragraphs and table cells in document order, one per line). Anything else, or a file that does not read
 * as what it claims, is refused with 422 {@code unreadable_document} naming the field {@code file}.
 */
public final class DocumentText {

    public static final String TEXT = "text/plain";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A report of 30 pages is about 60,000 characters; far more is not a report (or a zip bomb's output). */
    public static final int MAX_CHARS = 400_000;

    private DocumentText() {}

    public static String read(byte[] bytes, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        String text = type.startsWith(DOCX) ? docx(bytes) : plain(bytes);
        if (text.length() > MAX_CHARS) {
            throw ProblemException.unprocessable(
                    "file",
                    "document_too_long",
                    "报告正文有" + text.length() + "个字符，最多接受" + MAX_CHARS + "个",
                    "the report's text has " + text.length() + " characters; at most " + MAX_CHARS + " are accepted");
        }
        // Control characters other than line breaks and tabs mean binary content read as text.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                throw unreadable("文件中含有控制字符，不是纯文本", "the file holds control characters: it is not plain text");
            }
        }
        if (text.isBlank()) {
            throw ProblemException.unprocessable("file", "empty_document", "报告没有正文", "the report has no text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String plain(byte[] bytes) {
        try {
            return decode(bytes, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return decode(bytes, Charset.forName("GB18030"));
            } catch (CharacterCodingException e) {
                throw unreadable("文件既不是 UTF-8 也不是 GB18030 编码的文本", "the file is neither UTF-8 nor GB18030 text");
            }
        }
    }

    private static String decode(byte[] bytes, Charset cs) throws CharacterCodingException {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String docx(byte[] bytes) {
        // POI refuses zip bombs itself (ZipSecureFile's inflate-ratio check); whatever it throws on a file that is
        // not a readable .docx becomes the one refusal, never a 500.
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder sb = new StringBuilder();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    sb.append(p.getText()).append('\n');
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            sb.append(cell.getText()).append('\n');
                        }
                    }
                }
                if (sb.length() > MAX_CHARS) {
                    break;
                }
            }
            return sb.toString();
        } catch (Exception | StackOverflowError e) {
            throw unreadable("文件不是可读取的 Word（.docx）文档", "the file is not a readable Word (.docx) document");
        }
    }

    private static ProblemException unreadable(String chinese, String english) {
        return ProblemException.unprocessable("file", "unreadable_document", chinese, english);
    }
}
