package io.parkpulse.reporting.domain;

import io.parkpulse.reporting.domain.NarrativeFigures.Pipeline;
import java.math.BigDecimal;

/**
 * A park's, or the city's, figures of investment-service's and projects-service's ledgers from January to the end
 * of a month, as the read model holds them: what the narrative checks put beside a report's figures and what the
 * written summaries' 招商引资 section states. {@code fundsOutsideProvince} is null when a funds row of the window has
 * no source (kept before the read model knew sources, until a rebuild), and {@code fundsForeignUsd} also when a
 * foreign row has no USD amount.
 */
public record PipelineTotals(
        BigDecimal fundsInPlace,
        BigDecimal fundsOutsideProvince,
        BigDecimal fundsForeignUsd,
        long leadsSigned,
        long majorLeadsSigned,
        BigDecimal signedInvestment,
        long projectsStarted,
        long projectsCompleted) {

    public static final PipelineTotals ZERO =
            new PipelineTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, 0);

    public BigDecimal of(Pipeline p) {
        return switch (p) {
            case FUNDS_IN_PLACE -> fundsInPlace;
            case FUNDS_IN_PLACE_OUTSIDE_PROVINCE -> fundsOutsideProvince;
            case FUNDS_IN_PLACE_FOREIGN -> fundsForeignUsd;
            case LEADS_SIGNED -> BigDecimal.valueOf(leadsSigned);
            case MAJOR_LEADS_SIGNED -> BigDecimal.valueOf(majorLeadsSigned);
            case SIGNED_INVESTMENT -> signedInvestment;
            case PROJECTS_STARTED -> BigDecimal.valueOf(projectsStarted);
            case PROJECTS_COMPLETED -> BigDecimal.valueOf(projectsCompleted);
        };
    }

    /** Two parks' totals together; a figure one of them cannot give, the sum cannot either. */
    public PipelineTotals plus(PipelineTotals o) {
        return new PipelineTotals(
                fundsInPlace.add(o.fundsInPlace),
                sum(fundsOutsideProvince, o.fundsOutsideProvince),
                sum(fundsForeignUsd, o.fundsForeignUsd),
                leadsSigned + o.leadsSigned,
                majorLeadsSigned + o.majorLeadsSigned,
                signedInvestment.add(o.signedInvestment),
                projectsStarted + o.projectsStarted,
                projectsCompleted + o.projectsCompleted);
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }
}
