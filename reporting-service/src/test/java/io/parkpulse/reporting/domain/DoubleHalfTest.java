package io.parkpulse.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoubleHalfTest {

    // report-04's example (docs/indicators.md): 45.67 % done is 4.33 points short of half; 4.2 % growth
    // against a planned 12 % is 7.8 points short.
    @ParameterizedTest
    @CsvSource({
        "45.67, 4.2, 12, false, -4.33, -7.8",
        "55.00, 10.00, 10, true, 5.00, 0.00",
        "50.00, 12.5, 12, true, 0.00, 0.5",
        "60.00, 3.00, 12, false, 10.00, -9.00"
    })
    void bothHalvesAndTheirGaps(
            String completion, String growth, String planned, boolean met, String halfGap, String growthGap) {
        DoubleHalf d = DoubleHalf.of(new BigDecimal(completion), new BigDecimal(growth), new BigDecimal(planned));
        assertEquals(met, d.met());
        assertEquals(new BigDecimal(halfGap), d.completionGapPoints());
        assertEquals(new BigDecimal(growthGap), d.growthGapPoints());
    }

    @ParameterizedTest
    @CsvSource({"50.00, true", "49.99, false"})
    void withoutAPlanOnlyTheCompletionCounts(String completion, boolean met) {
        DoubleHalf d = DoubleHalf.of(new BigDecimal(completion), new BigDecimal("-3"), null);
        assertEquals(met, d.met());
        assertNull(d.growthGapPoints());
    }
}
