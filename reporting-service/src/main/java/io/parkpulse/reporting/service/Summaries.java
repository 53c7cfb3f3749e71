package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.projects.ScheduleSettings;
import io.parkpulse.reporting.config.CitySettings;
import io.parkpulse.reporting.domain.PipelineTotals;
import io.parkpulse.reporting.domain.Report;
import io.parkpulse.reporting.domain.StandardIndicators;
import io.parkpulse.reporting.domain.summary.Assessment;
import io.parkpulse.reporting.domain.summary.CitySummaryFacts;
import io.parkpulse.reporting.domain.summary.Investment;
import io.parkpulse.reporting.domain.summary.Leader;
import io.parkpulse.reporting.domain.summary.ParkInfo;
import io.parkpulse.reporting.domain.summary.ParkSummaryFacts;
import io.parkpulse.reporting.domain.summary.ProjectReport;
import io.parkpulse.reporting.domain.summary.SummaryProject;
import io.parkpulse.reporting.domain.summary.SummaryRenderer;
import io.parkpulse.reporting.repository.PipelineQueries;
import io.parkpulse.reporting.repository.SummaryQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The written summary of a park or of the city, year to date as of a period's last month. Every
 * number comes from the read model, read in one transaction so that the sections agree with each
 * other; {@link SummaryRenderer} words them. docs/reporting.md lists what each section draws on.
 */
@ApplicationScoped
@Transactional
public class Summaries {

    /** The figures a park's city rank is stated for, as bureaus quote them. */
    static final List<String> HEADLINES = List.of("industrial_output", "tax_revenue", "fixed_asset_investment");

    @Inject
    SummaryQueries queries;

    @Inject
    CrossFigures cross;

    @Inject
    PipelineQueries ledgers;

    @Inject
    ScheduleSettings schedule;

    @Inject
    CitySettings city;

    public Report park(String code, ReportingPeriod period) {
        ParkInfo park = queries.park(code).orElseThrow(() -> ProblemException.notFound("园区", "park", code));
        YearMonth m = period.lastMonth();
        Optional<Assessment.Run> run = queries.latestRun(m);
        Optional<SummaryQueries.Standing> standing = run.flatMap(r -> queries.standing(r.id(), code));
        ParkSummaryFacts facts = new ParkSummaryFacts(
                period,
                park,
                queries.lines(code, m),
                queries.standings(code, m, HEADLINES),
                projects(code, m),
                queries.openProblems(code, m),
                investment(code, period),
                run.orElse(null),
                standing.map(SummaryQueries.Standing::result).orElse(null),
                standing.map(SummaryQueries.Standing::assessed).orElse(0L));
        return renderer().park(facts);
    }

    public Report city(ReportingPeriod period) {
        YearMonth m = period.lastMonth();
        Optional<Assessment.Run> run = queries.latestRun(m);
        CitySummaryFacts facts = new CitySummaryFacts(
                period,
                queries.activeParks(),
                queries.reportedParks(m),
                queries.lines(null, m),
                leaders(m),
                projects(null, m),
                queries.openProblems(null, m),
                queries.targeted(m),
                investment(null, period),
                run.orElse(null),
                run.map(r -> queries.results(r.id())).orElse(List.of()));
        return renderer().city(facts);
    }

    private SummaryRenderer renderer() {
        return new SummaryRenderer(city.name(), schedule.stalledMonths());
    }

    /** The top parks on the first catalog indicator that at least two parks reported; one park is no ranking. */
    private List<Leader> leaders(YearMonth m) {
        for (String code : StandardIndicators.ORDER) {
            List<Leader> top = queries.leaders(code, m);
            if (top.size() >= 2) {
                return top;
            }
        }
        return List.of();
    }

    /** Projects with a stage this version knows, judged with the battle-map rules as of the month. */
    private List<SummaryProject> projects(String park, YearMonth m) {
        return queries.projects(park, m).stream()
                .map((ProjectReport p) -> p.asOf(m, schedule.thresholds()))
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(SummaryProject::park).thenComparing(SummaryProject::name))
                .toList();
    }

    private Investment investment(String park, ReportingPeriod period) {
        YearMonth m = period.lastMonth();
        List<CrossFigures.Park> rows = cross.of(park, period);
        Investment.Conversion conversion = new Investment.Conversion(
                rows.stream().mapToLong(CrossFigures.Park::signed).sum(),
                rows.stream().mapToLong(CrossFigures.Park::landed).sum(),
                rows.stream().mapToLong(CrossFigures.Park::started).sum(),
                rows.stream().mapToLong(CrossFigures.Park::completed).sum(),
                rows.stream().mapToLong(CrossFigures.Park::inProduction).sum());
        YearMonth lastYear = m.minusYears(1);
        Map<YearMonth, PipelineTotals> ledgers = this.ledgers.yearToDate(park, List.of(m, lastYear));
        PipelineTotals now = ledgers.get(m);
        PipelineTotals before = ledgers.get(lastYear);
        SummaryQueries.LeadStages stages = queries.leadStages(park, m);
        return new Investment(
                new Investment.Leads(
                        now.leadsSigned(),
                        now.signedInvestment(),
                        stages.landed(),
                        stages.inTalks(),
                        stages.inTalksAmount(),
                        before.leadsSigned(),
                        before.signedInvestment()),
                new Investment.Funds(now.fundsInPlace(), before.fundsInPlace()),
                conversion);
    }
}
