package io.parkpulse.common.events.payload;

import java.math.BigDecimal;

/** The bureau's investment-attraction targets for a park and a quarter (YYYY-Qn) or year (YYYY); null items are not set. */
public record InvestmentTargetState(
        String park,
        String period,
        Integer effectiveLeads,
        Integer investorMeetings,
        Integer leaderTrips,
        Integer packagedProjects,
        Integer promotionEvents,
        Integer signedProjects,
        BigDecimal fundsInPlace,
        long version) {}
