package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An investment lead as investment-service holds it after a change. Money in 万元. When a lead lands
 * ({@code stage} LANDED) projects-service turns it into a construction project, once.
 */
public record LeadState(
        UUID id,
        String park,
        String projectName,
        String investor,
        String industry,
        String capitalSource,
        String stage,
        BigDecimal intendedInvestment,
        BigDecimal contractedInvestment,
        LocalDate signedOn,
        LocalDate landedOn,
        boolean landSupplied,
        LocalDate stageSince,
        long version) {}
