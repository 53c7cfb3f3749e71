package io.parkpulse.indicators.domain;

import io.parkpulse.common.error.ProblemException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reports mix 元, 万元 and 亿元 (and 美元 / 万美元 / 亿美元). Values are accepted in any of them, named
 * explicitly, and stored exactly in the indicator's canonical unit (万元 or 万美元).
 */
public final class Units {

    private static final Map<String, Map<String, Integer>> SCALES = Map.of(
            "万元", ordered("元", -4, "万元", 0, "亿元", 4),
            "万美元", ordered("美元", -4, "万美元", 0, "亿美元", 4));

    /** The catalog's units as an English message names them; a unit not listed is quoted as it is. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("元", "yuan"),
            Map.entry("万元", "× 10k yuan"),
            Map.entry("亿元", "× 100m yuan"),
            Map.entry("美元", "USD"),
            Map.entry("万美元", "× 10k USD"),
            Map.entry("亿美元", "× 100m USD"),
            Map.entry("万千瓦时", "× 10k kWh"),
            Map.entry("吨标准煤", "t of standard coal"),
            Map.entry("家", "enterprises"),
            Map.entry("人", "people"),
            Map.entry("平方米", "m²"),
            Map.entry("万平方米", "× 10k m²"),
            Map.entry("亩", "mu"),
            Map.entry("%", "%"));

    /** Converts by moving the decimal point, so nothing is rounded. */
    public static BigDecimal toCanonical(BigDecimal value, String unit, String canonical, String field) {
        if (unit == null || unit.isBlank() || unit.equals(canonical)) {
            return value;
        }
        Map<String, Integer> family = SCALES.get(canonical);
        Integer shift = family == null ? null : family.get(unit);
        if (shift == null) {
            List<String> accepted = family == null ? List.of(canonical) : List.copyOf(family.keySet());
            throw ProblemException.unprocessable(
                    field,
                    "unknown_unit",
                    "单位“" + Shown.text(unit) + "”不适用于该指标，请使用" + String.join("、", accepted),
                    "unit '" + Shown.text(unit) + "' cannot be used here; use "
                            + accepted.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", ")));
        }
        return value.movePointRight(shift);
    }

    /** A figure as a statistics office writes it: exact, without trailing zeros, with its unit ("5400万元"). */
    public static String chinese(BigDecimal value, String unit) {
        return plain(value) + unit;
    }

    /** The same figure for an English message ("5400 × 10k yuan"). */
    public static String english(BigDecimal value, String unit) {
        return plain(value) + " " + english(unit);
    }

    /** A unit in English words, or the unit itself in quotes when it has none. */
    public static String english(String unit) {
        String en = ENGLISH.get(unit);
        return en != null ? en : "'" + unit + "'";
    }

    /** 5400.000000 as 5400, 1E+3 as 1000: what a person would have typed. */
    public static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** The units of one family in the order a message lists them, smallest first. */
    private static Map<String, Integer> ordered(String a, int x, String b, int y, String c, int z) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(a, x);
        m.put(b, y);
        m.put(c, z);
        return m;
    }

    private Units() {}
}
