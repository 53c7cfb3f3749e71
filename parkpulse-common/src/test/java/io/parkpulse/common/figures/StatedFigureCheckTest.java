package io.parkpulse.common.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StatedFigureCheckTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aStatedPercentageAgreesWithinItsOwnRounding() {
        // "增长4.2%" is anything from 4.15 to 4.25, and the platform's figure is itself rounded to hundredths.
        assertFalse(StatedFigureCheck.percent("growth", d("4.2"), d("4.25")).disagrees());
        assertFalse(StatedFigureCheck.percent("growth", d("4.2"), d("4.15")).disagrees());
        assertTrue(StatedFigureCheck.percent("growth", d("4.2"), d("4.26")).disagrees());
        assertTrue(StatedFigureCheck.percent("growth", d("4.2"), d("4.6")).disagrees());
        assertEquals(
                d("-0.4"),
                StatedFigureCheck.percent("growth", d("4.2"), d("4.6")).difference());
        // Two decimals written: the platform's figure must match to the hundredth (±0.01 with both roundings).
        assertFalse(
                StatedFigureCheck.percent("completion", d("45.67"), d("45.67")).disagrees());
        assertTrue(
                StatedFigureCheck.percent("completion", d("45.67"), d("45.69")).disagrees());
        // A whole percentage: "增长25%" is 24.5 to 25.5.
        assertFalse(StatedFigureCheck.percent("growth", d("25"), d("25.5")).disagrees());
        assertTrue(StatedFigureCheck.percent("growth", d("25"), d("25.52")).disagrees());
    }

    @Test
    void withoutAPlatformFigureThereIsNothingToDisagreeWith() {
        assertFalse(StatedFigureCheck.percent("growth", d("4.2"), null).disagrees());
        assertNull(StatedFigureCheck.percent("growth", null, d("4.6")));
        assertFalse(StatedFigureCheck.value(d("3907000"), d("500"), null).disagrees());
    }

    @Test
    void aValueAgreesWithinHalfItsLastWrittenDigit() {
        // "390.7亿元" is 3906500 to 3907500 万元.
        assertFalse(
                StatedFigureCheck.value(d("3907000"), d("500"), d("3906500")).disagrees());
        assertTrue(StatedFigureCheck.value(d("3907000"), d("500"), d("3906499")).disagrees());
        assertEquals(
                d("501"),
                StatedFigureCheck.value(d("3907000"), d("500"), d("3906499")).difference());
    }

    @Test
    void aRecordedRoundingOutlivesTheTrailingZerosJsonDrops() {
        // "增长4.0%" read back from JSON as 4: with the rounding recorded at reading, 4.40 still disagrees.
        assertTrue(StatedFigureCheck.percent("growth", d("4"), d("0.05"), d("4.40"))
                .disagrees());
        assertFalse(StatedFigureCheck.percent("growth", d("4"), null, d("4.40")).disagrees());
        assertEquals(0, d("0.05").compareTo(StatedFigureCheck.rounding(d("4.0"))));
    }
}
