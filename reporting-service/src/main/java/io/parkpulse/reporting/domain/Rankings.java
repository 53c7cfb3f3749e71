package io.parkpulse.reporting.domain;

import io.parkpulse.common.paging.Page;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Competition ranking (1, 2, 2, 4) of parks on one value: parks with equal values share a rank and the next
 * rank skips as many places as shared it; equal values are listed by park code so a page boundary never
 * moves between requests.
 */
public final class Rankings {

    private Rankings() {}

    /** One park's value to rank. */
    public record Value(String park, BigDecimal value) {}

    /** One park's place in a ranking. */
    public record Place(int rank, String park, BigDecimal value) {}

    /**
     * Best first: highest value first, or lowest with {@code lowerFirst}. A park without a value comes last
     * either way, as it cannot be compared to any other.
     */
    public static List<Place> rank(List<Value> values, boolean lowerFirst) {
        Comparator<BigDecimal> byValue = lowerFirst ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Value> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(Value::value, Comparator.nullsLast(byValue))
                .thenComparing(Value::park));
        List<Place> places = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Value v = sorted.get(i);
            boolean tie = i > 0 && same(v.value(), sorted.get(i - 1).value());
            places.add(new Place(tie ? places.get(i - 1).rank() : i + 1, v.park(), v.value()));
        }
        return List.copyOf(places);
    }

    /** Places moved up since the previous ranking (positive is better); null when the park was not ranked then. */
    public static Integer rankChange(Integer previousRank, int rank) {
        return previousRank == null ? null : previousRank - rank;
    }

    /** The {@code page} (from 0) of {@code size} entries; empty past the end. */
    public static <T> List<T> page(List<T> all, int page, int size) {
        return Page.window(all, page, size);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        // compareTo, not equals: 1.0 and 1.00 are the same figure and share a rank.
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
