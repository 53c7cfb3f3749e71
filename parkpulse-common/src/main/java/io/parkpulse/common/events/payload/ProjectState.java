package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

/** A construction project as projects-service holds it after a change. Money in 万元. */
public record ProjectState(
        UUID id,
        String park,
        String name,
        String kind,
        String stage,
        BigDecimal totalInvestment,
        long version) {
}
