package io.parkpulse.reporting.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class XlsxTableTest {

    @Test
    void chineseCharactersAndFullWidthPunctuationCountTwo() {
        assertEquals(4, XlsxTable.displayWidth("排名"));
        assertEquals(13, XlsxTable.displayWidth("同比增速（%）"));
        assertEquals(7, XlsxTable.displayWidth("JB-ETDZ"));
        assertEquals(2, XlsxTable.displayWidth("—"));
        assertEquals(3, XlsxTable.displayWidth("↑2"));
    }

    @Test
    void numbersAreMeasuredAsExcelShowsThem() {
        assertEquals("1,234,567.80", XlsxTable.shown(new BigDecimal("1234567.8"), "#,##0.00"));
        assertEquals("3.1416", XlsxTable.shown(new BigDecimal("3.14159"), "#,##0.0000"));
        assertEquals("↑3", XlsxTable.shown(new BigDecimal("3"), XlsxTable.RANK_CHANGE));
        assertEquals("↓2", XlsxTable.shown(new BigDecimal("-2"), XlsxTable.RANK_CHANGE));
        assertEquals("持平", XlsxTable.shown(BigDecimal.ZERO, XlsxTable.RANK_CHANGE));
        assertEquals("第3名", XlsxTable.shown(new BigDecimal("3"), "\"第\"0\"名\""));
    }
}
