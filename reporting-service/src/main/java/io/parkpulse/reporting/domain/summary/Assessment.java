package io.parkpulse.reporting.domain.summary;

import java.math.BigDecimal;
import java.util.UUID;

/** The latest published assessment run a summary reports on, and its results. */
public final class Assessment {

    /** A revision of a quarter's assessment ({@code quarter} as {@code YYYY-Qn}) and the scheme it scored with. */
    public record Run(UUID id, String quarter, int revision, String schemeName, int schemeVersion) {}

    /** One park's result; {@code rank} is null when disqualified, {@code rankChange} and {@code tier} may be unknown. */
    public record Result(
            String parkName, BigDecimal total, Integer rank, Integer rankChange, String tier, boolean disqualified) {}

    private Assessment() {}
}
