package io.parkpulse.reporting.domain.summary;

import java.math.BigDecimal;

/** A park as the summary names it; {@code developedLandMu} may be unknown (null). */
public record ParkInfo(String code, String name, BigDecimal developedLandMu) {}
