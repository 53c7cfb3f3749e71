package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Funds in place (到位资金) for one lead and month after it was reported or revised: 万元, and 万美元
 * for foreign capital. {@code previousAmount} is what the month said before (null the first time).
 */
public record FundsReported(
        UUID leadId,
        String park,
        String period,
        String source,
        BigDecimal amount,
        BigDecimal amountUsd,
        BigDecimal previousAmount,
        int revision) {}
