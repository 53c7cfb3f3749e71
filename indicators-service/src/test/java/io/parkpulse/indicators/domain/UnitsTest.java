package io.parkpulse.indicators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkpulse.common.error.ProblemException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money in 元, 万元, 亿元 (and the 美元 family) stored in the canonical unit by moving the decimal point. */
class UnitsTest {

    // docs/indicators.md: {"value": 12.3456, "unit": "亿元"} is stored as 123456 万元.
    @ParameterizedTest
    @CsvSource({
        "12.3456, 亿元, 万元, 123456",
        "12345, 元, 万元, 1.2345",
        "1, 元, 万元, 0.0001",
        "7.5, 万元, 万元, 7.5",
        "3.2, 亿美元, 万美元, 32000",
        "880, 美元, 万美元, 0.0880"
    })
    void convertsExactlyToTheCanonicalUnit(String value, String unit, String canonical, String expected) {
        // Exact comparison, scale included: nothing is rounded or re-scaled on the way.
        assertEquals(new BigDecimal(expected), Units.toCanonical(new BigDecimal(value), unit, canonical, "unit"));
    }

    @Test
    void missingUnitMeansTheCanonicalUnit() {
        BigDecimal v = new BigDecimal("1.5");
        assertSame(v, Units.toCanonical(v, null, "万元", "unit"));
        assertSame(v, Units.toCanonical(v, " ", "万元", "unit"));
    }

    @Test
    void nonMoneyUnitAcceptsOnlyItself() {
        assertEquals(new BigDecimal("3"), Units.toCanonical(new BigDecimal("3"), "家", "家", "unit"));
    }

    @ParameterizedTest
    @CsvSource({"千元, 万元", "美元, 万元", "元, 万美元", "万元, 家"})
    void unknownUnitIsRefusedWithItsCode(String unit, String canonical) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> Units.toCanonical(BigDecimal.ONE, unit, canonical, "unit"));
        assertEquals("unknown_unit", e.code());
        assertEquals(422, e.status());
        assertEquals("unit", e.errors().get(0).field());
    }

    @Test
    void anUnknownUnitIsNamedInBothLanguagesWithTheUnitsToUse() {
        ProblemException e =
                assertThrows(ProblemException.class, () -> Units.toCanonical(BigDecimal.ONE, "千元", "万元", "unit"));
        assertEquals("单位“千元”不适用于该指标，请使用元、万元、亿元", e.message(false));
        assertEquals("unit '千元' cannot be used here; use '元', '万元', '亿元'", e.message(true));
    }

    @ParameterizedTest
    @CsvSource({
        "5400.000000, 万元, 5400万元, 5400 × 10k yuan",
        "1E+3, 家, 1000家, 1000 enterprises",
        "0.125000, 万美元, 0.125万美元, 0.125 × 10k USD",
        "12, 公顷, 12公顷, 12 '公顷'"
    })
    void figuresReadAsTyped(String value, String unit, String chinese, String english) {
        assertEquals(chinese, Units.chinese(new BigDecimal(value), unit));
        assertEquals(english, Units.english(new BigDecimal(value), unit));
    }
}
