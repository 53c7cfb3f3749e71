package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One monthly progress report of a project, after it was filed or revised. Money in 万元, physical
 * progress in %. {@code previousInvestmentCompleted} is what the report before it said (null for
 * the first), so that a consumer can apply the delta; {@code correction} marks an explicit fall.
 */
public record ProjectProgress(
        UUID projectId,
        String park,
        String period,
        BigDecimal investmentCompleted,
        BigDecimal investmentCompletedThisYear,
        BigDecimal physicalProgress,
        String milestones,
        BigDecimal previousInvestmentCompleted,
        boolean correction,
        int revision) {}
