package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.periods.ReportingPeriod;
import java.util.List;

/**
 * Everything a park's summary says, read in one transaction. {@code run} is null before any
 * assessment was published, {@code result} null when the park was not assessed in it.
 */
public record ParkSummaryFacts(
        ReportingPeriod period,
        ParkInfo park,
        List<IndicatorLine> lines,
        List<CityStanding> standings,
        List<SummaryProject> projects,
        List<OpenProblem> problems,
        Investment investment,
        Assessment.Run run,
        Assessment.Result result,
        long assessedParks) {}
