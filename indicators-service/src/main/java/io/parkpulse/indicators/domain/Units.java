package io.parkpulse.indicators.domain;

import io.parkpulse.common.error.ProblemException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Reports mix 元, 万元 and 亿元 (and 美元 / 万美元 / 亿美元). Values are accepted in any of them, named
 * explicitly, and stored exactly in the indicator's canonical unit (万元 or 万美元).
 */
public final class Units {

    private static final Map<String, Map<String, Integer>> SCALES = Map.of(
            "万元", Map.of("元", -4, "万元", 0, "亿元", 4),
            "万美元", Map.of("美元", -4, "万美元", 0, "亿美元", 4));

    /** Converts by moving the decimal point, so nothing is rounded. */
    public static BigDecimal toCanonical(BigDecimal value, String unit, String canonical, String field) {
        if (unit == null || unit.isBlank() || unit.equals(canonical)) {
            return value;
        }
        Map<String, Integer> family = SCALES.get(canonical);
        Integer shift = family == null ? null : family.get(unit);
        if (shift == null) {
            String accepted = family == null ? canonical : String.join(", ", family.keySet());
            throw ProblemException.unprocessable(
                    field, "unknown_unit", "unit '" + unit + "' cannot be used here; use " + accepted);
        }
        return value.movePointRight(shift);
    }

    private Units() {}
}
