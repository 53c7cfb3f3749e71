package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.periods.ReportingPeriod;
import java.util.List;
import java.util.Set;

/**
 * Everything the city's summary says, read in one transaction. {@code leaders}: the top parks on the
 * first catalog indicator that at least two parks reported (empty when none); {@code reported}: the
 * parks with any value in the month; {@code run} is null before any assessment was published.
 */
public record CitySummaryFacts(
        ReportingPeriod period,
        List<ParkInfo> activeParks,
        Set<String> reported,
        List<IndicatorLine> lines,
        List<Leader> leaders,
        List<SummaryProject> projects,
        List<OpenProblem> problems,
        List<BehindPark> targeted,
        Investment investment,
        Assessment.Run run,
        List<Assessment.Result> results) {}
