package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The full state of a park, published on every change to the compacted {@code parkpulse.parks}
 * topic. Consumers replace their copy when {@code version} is newer than the one they hold.
 */
public record ParkState(
        String code,
        String name,
        String level,
        String kind,
        String district,
        BigDecimal plannedAreaKm2,
        BigDecimal developedLandMu,
        LocalDate landEffectiveFrom,
        String peerGroup,
        String status,
        long version) {}
