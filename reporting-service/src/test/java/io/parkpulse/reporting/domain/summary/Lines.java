package io.parkpulse.reporting.domain.summary;

import java.math.BigDecimal;

/** Hand-built indicator lines for the summary tests; null text is an unknown number. */
final class Lines {

    private Lines() {}

    static IndicatorLine line(
            String code, String name, String unit, String value, String lastYear, String annual, String plannedGrowth) {
        BigDecimal v = d(value);
        return new IndicatorLine(
                code,
                name,
                unit,
                v,
                lastYear == null ? null : v,
                d(lastYear),
                annual == null ? null : v,
                d(annual),
                d(plannedGrowth),
                null,
                null,
                null,
                1,
                lastYear == null ? 0 : 1,
                annual == null ? 0 : 1);
    }

    /** A line whose parks all reported last year's month and last December (for 预计全年). */
    static IndicatorLine withLastYear(IndicatorLine l, String lastYearFull) {
        return new IndicatorLine(
                l.code(),
                l.name(),
                l.unit(),
                l.value(),
                l.comparableNow(),
                l.lastYear(),
                l.targetedValue(),
                l.annual(),
                l.plannedGrowth(),
                d(lastYearFull),
                l.quarterTargetedValue(),
                l.quarterTarget(),
                l.parks(),
                l.parksCompared(),
                l.parksTargeted());
    }

    /** A line whose parks have the quarter's target {@code target}. */
    static IndicatorLine withQuarterTarget(IndicatorLine l, String target) {
        return new IndicatorLine(
                l.code(),
                l.name(),
                l.unit(),
                l.value(),
                l.comparableNow(),
                l.lastYear(),
                l.targetedValue(),
                l.annual(),
                l.plannedGrowth(),
                l.lastYearFull(),
                l.value(),
                d(target),
                l.parks(),
                l.parksCompared(),
                l.parksTargeted());
    }

    static IndicatorLine tax(String value, String lastYear, String annual) {
        return line("tax_revenue", "税收收入", "万元", value, lastYear, annual, null);
    }

    static BigDecimal d(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
