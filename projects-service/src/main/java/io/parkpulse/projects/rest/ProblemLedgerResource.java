package io.parkpulse.projects.rest;

import io.parkpulse.common.paging.Filters;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.projects.domain.Problem;
import io.parkpulse.projects.domain.ProblemFilter;
import io.parkpulse.projects.domain.ProjectNames;
import io.parkpulse.projects.service.ProblemService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/problems")
@Tag(name = "Problems", description = "The problem ledger (问题台账) across projects, and its counts")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemLedgerResource {

    @Inject
    ProblemService problems;

    @Inject
    Caller caller;

    public record CountsView(String park, String period, ProblemService.Counts counts) {}

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The ledger across projects",
            description =
                    "Filters: park, status (OPEN, RESOLVED, as of now), period (raised in it), overdue=true (open and "
                            + "past their due date today; with a period, at the period's end or today while it runs: the "
                            + "problems counted in the summary's overdueAtEnd, whenever raised). Each entry's overdue flag is "
                            + "judged on that same day (overdueAsOf); each names its project and park (projectName, parkName). Park staff see their own park. sort: raisedOn, dueOn, "
                            + "resolvedOn.")
    public Page<ProjectDtos.ProblemView> ledger(
            @QueryParam("park") String park,
            @QueryParam("status") String statusName,
            @QueryParam("period") String period,
            @QueryParam("overdue") String overdueFlag,
            @Valid @BeanParam PageRequest page) {
        String scope = caller.parkScope(park);
        Problem.Status status = Filters.oneOf(Problem.Status.class, statusName, "status");
        boolean overdue = Filters.flag(overdueFlag, "overdue");
        ReportingPeriod p = period == null ? null : ReportingPeriod.parse(period, "period");
        // The same cutoff as the summary's overdueAtEnd, so that the list behind that count is this list.
        LocalDate cutoff = p == null ? CityTime.today() : ScheduleRules.cutoff(p.lastMonth());
        var filter =
                overdue ? new ProblemFilter(scope, status, null, cutoff) : new ProblemFilter(scope, status, p, null);
        Sort sort = page.sort(
                Map.of("raisedOn", "raisedOn", "dueOn", "dueOn", "resolvedOn", "resolvedOn"), "raisedOn", "id");
        PanacheQuery<Problem> query = problems.ledger(filter, sort).page(page.panache());
        List<Problem> entries = query.list();
        Map<UUID, ProjectNames> names = problems.names(entries);
        return Page.of(
                entries.stream()
                        .map(e -> ProjectDtos.ProblemView.of(e, names, cutoff))
                        .toList(),
                page.page,
                page.size,
                query.count());
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Problems raised and resolved in a period",
            description = "period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY. "
                    + "\"40 raised, 34 resolved\": raised in the period, of those resolved by its end and the rate; also resolved in "
                    + "the period, and open and overdue at its end (today while it runs; overdue: past the due date then). "
                    + "For one park (park staff: theirs) or the whole city.")
    public CountsView summary(@QueryParam("period") String period, @QueryParam("park") String park) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        String scope = caller.parkScope(park);
        return new CountsView(scope, p.text(), problems.counts(scope, p));
    }
}
