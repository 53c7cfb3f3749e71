package io.parkpulse.indicators.domain.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CrossCheckTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aStatedPercentageAgreesWithinItsOwnRounding() {
        // "增长4.2%" is anything from 4.15 to 4.25, and the platform's figure is itself rounded to hundredths.
        assertFalse(CrossCheck.percent("growth", d("4.2"), d("4.25")).disagrees());
        assertFalse(CrossCheck.percent("growth", d("4.2"), d("4.15")).disagrees());
        assertTrue(CrossCheck.percent("growth", d("4.2"), d("4.26")).disagrees());
        assertTrue(CrossCheck.percent("growth", d("4.2"), d("4.6")).disagrees());
        assertEquals(d("-0.4"), CrossCheck.percent("growth", d("4.2"), d("4.6")).difference());
        // Two decimals written: the platform's figure must match to the hundredth (±0.01 with both roundings).
        assertFalse(CrossCheck.percent("completion", d("45.67"), d("45.67")).disagrees());
        assertTrue(CrossCheck.percent("completion", d("45.67"), d("45.69")).disagrees());
        // A whole percentage: "增长25%" is 24.5 to 25.5.
        assertFalse(CrossCheck.percent("growth", d("25"), d("25.5")).disagrees());
        assertTrue(CrossCheck.percent("growth", d("25"), d("25.52")).disagrees());
    }

    @Test
    void withoutAPlatformFigureThereIsNothingToDisagreeWith() {
        assertFalse(CrossCheck.percent("growth", d("4.2"), null).disagrees());
        assertNull(CrossCheck.percent("growth", null, d("4.6")));
        assertFalse(CrossCheck.value(d("3907000"), d("500"), null).disagrees());
    }

    @Test
    void aValueAgreesWithinHalfItsLastWrittenDigit() {
        // "390.7亿元" is 3906500 to 3907500 万元.
        assertFalse(CrossCheck.value(d("3907000"), d("500"), d("3906500")).disagrees());
        assertTrue(CrossCheck.value(d("3907000"), d("500"), d("3906499")).disagrees());
        assertEquals(
                d("501"), CrossCheck.value(d("3907000"), d("500"), d("3906499")).difference());
    }
}
