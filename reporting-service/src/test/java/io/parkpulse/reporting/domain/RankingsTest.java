package io.parkpulse.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingsTest {

    private static Rankings.Value v(String park, String value) {
        return new Rankings.Value(park, value == null ? null : new BigDecimal(value));
    }

    private static String order(List<Rankings.Place> places) {
        StringBuilder out = new StringBuilder();
        for (Rankings.Place p : places) {
            out.append(out.isEmpty() ? "" : " ").append(p.rank()).append(':').append(p.park());
        }
        return out.toString();
    }

    @Test
    void higherValuesRankFirstByDefault() {
        assertEquals("1:B 2:C 3:A", order(Rankings.rank(List.of(v("A", "1"), v("B", "3"), v("C", "2")), false)));
    }

    @Test
    void lowerFirstReversesTheDirection() {
        assertEquals("1:A 2:C 3:B", order(Rankings.rank(List.of(v("A", "1"), v("B", "3"), v("C", "2")), true)));
    }

    @Test
    void equalValuesShareARankAndTheNextRankSkips() {
        // 5, 4, 4, 3: the two 4s share rank 2, so the 3 is fourth (competition ranking 1, 2, 2, 4).
        assertEquals(
                "1:A 2:B 2:C 4:D",
                order(Rankings.rank(List.of(v("D", "3"), v("C", "4"), v("B", "4"), v("A", "5")), false)));
    }

    @Test
    void equalValuesAreListedByParkCode() {
        assertEquals("1:A 1:B 1:C", order(Rankings.rank(List.of(v("C", "2"), v("A", "2"), v("B", "2")), true)));
    }

    @Test
    void valuesEqualInAnotherScaleShareARank() {
        // 1.0 and 1.00 are the same figure, though BigDecimal.equals tells them apart.
        assertEquals("1:A 1:B", order(Rankings.rank(List.of(v("A", "1.0"), v("B", "1.00")), false)));
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void parksWithoutAValueComeLastInEitherDirection(boolean lowerFirst) {
        assertEquals(
                lowerFirst ? "1:B 2:C 3:A" : "1:C 2:B 3:A",
                order(Rankings.rank(List.of(v("A", null), v("B", "1"), v("C", "2")), lowerFirst)));
    }

    @ParameterizedTest
    @CsvSource({
        // previous, current, change: moving from 5th to 2nd is 3 places up; down is negative.
        "5, 2, 3",
        "2, 5, -3",
        "4, 4, 0"
    })
    void rankChangeIsPositiveWhenAParkMovedUp(int previous, int current, int change) {
        assertEquals(change, Rankings.rankChange(previous, current));
    }

    @Test
    void rankChangeIsEmptyForAParkNotRankedBefore() {
        assertNull(Rankings.rankChange(null, 1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // page | size | entries of the list a..e
                "0 | 2 | a b",
                "1 | 2 | c d",
                "2 | 2 | e",
                "3 | 2 | ''",
                "0 | 5 | a b c d e",
                "0 | 500 | a b c d e"
            })
    void pagesCutTheRankingAtTheirBoundaries(int page, int size, String expected) {
        List<String> all = List.of("a", "b", "c", "d", "e");
        assertEquals(
                expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")), Rankings.page(all, page, size));
    }
}
