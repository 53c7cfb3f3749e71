package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

/** An investment lead as investment-service holds it after a change. Money in 万元. */
public record LeadState(
        UUID id,
        String park,
        String projectName,
        String investor,
        String stage,
        BigDecimal intendedInvestment,
        long version) {
}
