package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A construction project as projects-service holds it after a change (registered, updated, stage
 * changed, progress reported). Money in 万元, land in 亩, floor area in ㎡. The dates a stage was first
 * reached let a consumer count new starts, completions and productions per period without history.
 */
public record ProjectState(
        UUID id,
        String park,
        String name,
        String kind,
        String industry,
        String enterprise,
        String stage,
        LocalDate stageSince,
        String suspendedFrom,
        String keyLevel,
        BigDecimal totalInvestment,
        Integer planYear,
        BigDecimal yearPlannedInvestment,
        BigDecimal investmentCompleted,
        BigDecimal investmentCompletedThisYear,
        BigDecimal physicalProgress,
        String progressPeriod,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        LocalDate signedOn,
        LocalDate startedOn,
        LocalDate completedOn,
        LocalDate productionOn,
        UUID leadId,
        long version) {}
