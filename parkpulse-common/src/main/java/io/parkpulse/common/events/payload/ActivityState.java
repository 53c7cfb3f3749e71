package io.parkpulse.common.events.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An investment-attraction activity after a change (kind: INVESTOR_MEETING, LEADER_TRIP, PACKAGED_PROJECT, PROMOTION_EVENT). */
public record ActivityState(
        UUID id,
        String park,
        String kind,
        LocalDate heldOn,
        String title,
        String ledBy,
        List<UUID> leadIds,
        long version) {}
