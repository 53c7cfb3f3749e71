package io.parkpulse.investment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The percentages of docs/investment.md ("Pipeline figures"): two decimals, half up, null instead of ÷ 0. */
class PipelineMathTest {

    @ParameterizedTest(name = "{0} of {1} = {2} %")
    @CsvSource({
        // 7 signed of 20 leads: 35 %
        "7, 20, 35.00",
        // 1 of 3: 33.333… rounds down
        "1, 3, 33.33",
        // 2 of 3: 66.666… rounds up
        "2, 3, 66.67",
        // 1 of 8 = 12.5 exactly
        "1, 8, 12.50",
        // more landed than a target: above 100
        "5, 4, 125.00",
        "0, 9, 0.00",
    })
    void rateIsPartOfWholeInPercent(long part, long whole, BigDecimal expected) {
        assertEquals(expected, PipelineMath.rate(part, whole));
    }

    @Test
    void rateOfNothingIsEmpty() {
        assertNull(PipelineMath.rate(3, 0));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({"0, 5, 0.00", "6, 5, 120.00", "2, 3, 66.67"})
    void completionOfACountTarget(long actual, Integer target, BigDecimal expected) {
        assertEquals(expected, PipelineMath.completion(actual, target));
    }

    @Test
    void completionWithoutATargetIsEmpty() {
        assertNull(PipelineMath.completion(4, null));
        assertNull(PipelineMath.completion(4, 0));
    }

    @ParameterizedTest(name = "{0} 万元 of {1} 万元 = {2} %")
    @CsvSource({
        // funds in place 32196 万元 against a target of 30000: 107.32 % (32196 × 100 ÷ 30000 = 107.32)
        "32196, 30000, 107.32",
        // 资金到位率: 1234.56 arrived of 5000 contracted = 24.6912 → 24.69
        "1234.56, 5000, 24.69",
        // 0.005 % rounds half up to 0.01
        "1, 20000, 0.01",
    })
    void percentOfMoney(BigDecimal part, BigDecimal whole, BigDecimal expected) {
        assertEquals(expected, PipelineMath.percent(part, whole));
    }

    @Test
    void percentOfAMissingOrZeroWholeIsEmpty() {
        assertNull(PipelineMath.percent(BigDecimal.TEN, null));
        assertNull(PipelineMath.percent(BigDecimal.TEN, new BigDecimal("0.00")));
    }

    @ParameterizedTest(name = "{0} on {1} = {2} %")
    @CsvSource({
        // 同比: 12000 万元 this year to date on 10000 last year is +20 %
        "12000, 10000, 20.00",
        // 8000 on 10000 is −20 %
        "8000, 10000, -20.00",
        // 10000 on 3000: 333.33 % of it, so +233.33 %
        "10000, 3000, 233.33",
        "0, 500, -100.00",
    })
    void growthOnLastYear(BigDecimal now, BigDecimal before, BigDecimal expected) {
        assertEquals(expected, PipelineMath.growth(now, before));
    }

    @Test
    void growthOnNothingIsEmpty() {
        assertNull(PipelineMath.growth(new BigDecimal("500"), BigDecimal.ZERO));
    }

    @ParameterizedTest(name = "{0} % complete: {1}")
    @CsvSource({
        // "超二季度目标任务的7.31%": 107.31 % complete
        "107.31, 7.31",
        "92.50, -7.50",
        "100.00, 0.00",
    })
    void aheadOfTargetIsCompletionMinusHundred(BigDecimal completion, BigDecimal expected) {
        assertEquals(expected, PipelineMath.ahead(completion));
    }

    @Test
    void aheadWithoutCompletionIsEmpty() {
        assertNull(PipelineMath.ahead(null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2026-01-01, true", "2026-03-31, true", "2025-12-31, false", "2026-04-01, false"})
    void betweenIncludesBothEnds(LocalDate day, boolean expected) {
        assertEquals(expected, PipelineMath.between(day, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
    }

    @Test
    void aMissingDayIsNeverBetween() {
        assertFalse(PipelineMath.between(null, LocalDate.MIN, LocalDate.MAX));
        assertTrue(PipelineMath.between(LocalDate.of(2026, 6, 1), LocalDate.MIN, LocalDate.MAX));
    }
}
