package io.parkpulse.reporting.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.reporting.domain.Figure;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ExportNamesTest {

    @Test
    void figuresAreNamedAsReportsNameThem() {
        assertEquals("工业总产值", ExportNames.figureName(Figure.Kind.VALUE, "工业总产值"));
        assertEquals("工业总产值同比增速", ExportNames.figureName(Figure.Kind.GROWTH, "工业总产值"));
        assertEquals("税收目标完成率", ExportNames.figureName(Figure.Kind.COMPLETION, "税收"));
        assertEquals("亩均工业增加值", ExportNames.figureName(Figure.Kind.PER_MU, "工业增加值"));
        assertEquals("万美元", ExportNames.unit(Figure.Kind.VALUE, "万美元"));
        assertEquals("%", ExportNames.unit(Figure.Kind.GROWTH, "万元"));
        assertEquals("%", ExportNames.unit(Figure.Kind.COMPLETION, "万元"));
        assertEquals("吨标准煤/亩", ExportNames.unit(Figure.Kind.PER_MU, "吨标准煤"));
    }

    @Test
    void formatsFollowTheFiguresDecimals() {
        assertEquals("#,##0.00", ExportNames.numberFormat(Figure.Kind.VALUE, "万元"));
        assertEquals("#,##0", ExportNames.numberFormat(Figure.Kind.VALUE, "家"));
        assertEquals("#,##0", ExportNames.numberFormat(Figure.Kind.VALUE, "人"));
        assertEquals("#,##0.00", ExportNames.numberFormat(Figure.Kind.GROWTH, "家"));
        assertEquals("#,##0.0000", ExportNames.numberFormat(Figure.Kind.PER_MU, "万元"));
        assertEquals("#,##0", ExportNames.decimalsOf(new BigDecimal("10.000")));
        assertEquals("#,##0.0", ExportNames.decimalsOf(new BigDecimal("2.50")));
        assertEquals("#,##0", ExportNames.decimalsOf(new BigDecimal("1E+1")));
    }

    @Test
    void periodsAreSaidAsTheCorpusSaysThem() {
        assertEquals("2026年1–10月", ExportNames.coverage(YearMonth.of(2026, 10), false));
        assertEquals("2026年1月", ExportNames.coverage(YearMonth.of(2026, 1), false));
        assertEquals("2026年6月末", ExportNames.coverage(YearMonth.of(2026, 6), true));
        assertEquals("2026年10月", ExportNames.period("2026-10"));
        assertEquals("2026年3月", ExportNames.period("2026-03"));
        assertEquals("2026年第一季度", ExportNames.period("2026-Q1"));
        assertEquals("2026年第四季度", ExportNames.period("2026-Q4"));
        assertEquals("2026年上半年", ExportNames.period("2026-H1"));
        assertEquals("2026年下半年", ExportNames.period("2026-H2"));
        assertEquals("2026年", ExportNames.period("2026"));
    }
}
