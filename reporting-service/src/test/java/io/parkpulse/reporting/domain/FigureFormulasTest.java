package io.parkpulse.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureFormulasTest {

    // now × 100 ÷ last year, rounded to 2 decimals, minus 100.
    @ParameterizedTest
    @CsvSource({
        "5000, 4000, 25.00", // 5000 × 100 ÷ 4000 = 125.00
        "5000, 6250, -20.00", // 80.00 − 100
        "100, 3, 3233.33", // 10000 ÷ 3 = 3333.33 (half up)
        "4000, 4000, 0.00"
    })
    void growthIsPercentOnLastYear(String now, String lastYear, String expected) {
        assertEquals(new BigDecimal(expected), FigureFormulas.growth(new BigDecimal(now), new BigDecimal(lastYear)));
    }

    @ParameterizedTest
    @CsvSource({"5000, 0", "5000, -100"})
    void growthHasNoAnswerWithoutAPositiveBase(String now, String lastYear) {
        assertNull(FigureFormulas.growth(new BigDecimal(now), new BigDecimal(lastYear)));
    }

    @Test
    void growthHasNoAnswerWithoutLastYear() {
        assertNull(FigureFormulas.growth(BigDecimal.ONE, null));
    }

    @ParameterizedTest
    @CsvSource({
        "5000, 12000, 41.67", // 41.666… half up
        "12000, 12000, 100.00",
        "0, 12000, 0.00",
        "-600, 12000, -5.00"
    })
    void completionIsPercentOfTheAnnualTarget(String value, String target, String expected) {
        assertEquals(
                new BigDecimal(expected), FigureFormulas.completion(new BigDecimal(value), new BigDecimal(target)));
    }

    @ParameterizedTest
    @CsvSource({"5000, 0", "5000, -1"})
    void completionHasNoAnswerWithoutAPositiveTarget(String value, String target) {
        assertNull(FigureFormulas.completion(new BigDecimal(value), new BigDecimal(target)));
    }

    @ParameterizedTest
    @CsvSource({
        "5000, 200, 25.0000",
        "1000, 3, 333.3333", // 333.33333… to 4 decimals
        "2, 3, 0.6667"
    })
    void perMuHasFourDecimals(String value, String land, String expected) {
        assertEquals(new BigDecimal(expected), FigureFormulas.perMu(new BigDecimal(value), new BigDecimal(land)));
    }

    @Test
    void perMuHasNoAnswerWithoutLand() {
        assertNull(FigureFormulas.perMu(BigDecimal.TEN, BigDecimal.ZERO));
    }

    @ParameterizedTest
    @CsvSource({"1, 3, 33.33", "2, 3, 66.67", "3, 3, 100.00", "0, 5, 0.00"})
    void rateIsPercentOfTheSigned(long part, long whole, String expected) {
        assertEquals(new BigDecimal(expected), FigureFormulas.rate(part, whole));
    }

    @Test
    void rateHasNoAnswerWhenNothingWasSigned() {
        assertNull(FigureFormulas.rate(0, 0));
    }

    @Test
    void shareIsPercentOfTheCityTotal() {
        assertEquals(new BigDecimal("25.00"), FigureFormulas.share(new BigDecimal("30"), new BigDecimal("120")));
    }

    @Test
    void shareHasNoAnswerWithAZeroTotal() {
        assertNull(FigureFormulas.share(BigDecimal.ONE, BigDecimal.ZERO));
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("A", new BigDecimal("90"));
        values.put("B", new BigDecimal("80"));
        values.put("C", new BigDecimal("80.0"));
        values.put("D", new BigDecimal("70"));
        assertEquals(Map.of("A", 1, "B", 2, "C", 2, "D", 4), FigureFormulas.ranks(values, false));
    }

    @Test
    void ascendingRanksTheSmallestFirst() {
        Map<String, BigDecimal> values = Map.of("A", new BigDecimal("90"), "B", new BigDecimal("-5"));
        assertEquals(Map.of("B", 1, "A", 2), FigureFormulas.ranks(values, true));
    }
}
