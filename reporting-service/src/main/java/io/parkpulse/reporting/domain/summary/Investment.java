package io.parkpulse.reporting.domain.summary;

import java.math.BigDecimal;

/**
 * 招商引资 year to date: leads signed and landed this year and in the same months last year, the
 * pipeline (leads in talks), funds in place, and how the leads signed so far became projects.
 * Amounts in 万元; a lead's amount is its contracted investment, else its intended one.
 */
public record Investment(Leads leads, Funds funds, Conversion conversion) {

    public record Leads(
            long signed,
            BigDecimal signedAmount,
            long landed,
            long inTalks,
            BigDecimal inTalksAmount,
            long signedLastYear,
            BigDecimal signedAmountLastYear) {}

    public record Funds(BigDecimal inPlace, BigDecimal inPlaceLastYear) {}

    /** Over every lead signed by the month's end, each counted once. */
    public record Conversion(long signed, long landed, long started, long completed, long producing) {}
}
