package io.parkpulse.projects.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Filters;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.projects.domain.KeyLevel;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectFilter;
import io.parkpulse.projects.domain.ProjectKind;
import io.parkpulse.projects.service.ProjectService;
import io.parkpulse.projects.service.StatusService;
import io.parkpulse.projects.service.SummaryService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects")
@Tag(
        name = "Projects",
        description = "Construction projects (项目建设): register, edit, search, lifecycle, status, summaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    /** A colour filter is applied after the status is computed; beyond this many candidates, narrow the search first. */
    static final int MAX_COLOUR_CANDIDATES = 5000;

    /** The sort on the status's investmentGapPoints: most behind first, or with '-' most ahead first. */
    static final String GAP = "investmentGapPoints";

    @Inject
    ProjectService projects;

    @Inject
    StatusService status;

    @Inject
    SummaryService summaries;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Register a project",
            description = "Park staff register projects of their own park (the park is "
                    + "taken from the token). stage/stageSince bring in a project already under way; the default is 签约 today. "
                    + "Publishes parkpulse.projects.project-registered.v1.")
    public Response register(@Valid @NotNull ProjectDtos.RegisterProject body) {
        String park = caller.parkForWrite(body.park(), "park");
        Project p = projects.register(
                new ProjectService.NewProject(
                        park, body.description(), body.signedOn(), body.stage(), body.stageSince(), null),
                caller.user());
        return Response.created(URI.create("/api/v1/projects/" + p.id))
                .entity(view(p))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Search projects",
            description =
                    "Filters combine: park, stage, kind, keyLevel, colour (the schedule status of this month, or of "
                            + "asOf), q (text in the name or the enterprise). asOf YYYY-MM: the colour filter and each project's "
                            + "status are those at the end of that month, from the stage history and the progress reports up to "
                            + "then (status null for a project not yet registered then; a colour filter leaves it out). Park staff "
                            + "see their own park only. sort: createdAt, name, park, stage, totalInvestment, plannedCompletion, "
                            + "investmentGapPoints (most behind first, on the exact gap, not the rounded one shown; projects "
                            + "without a gap last) (prefix - for descending).")
    public Page<ProjectDtos.ProjectView> search(
            @QueryParam("park") String park,
            @QueryParam("stage") String stageName,
            @QueryParam("kind") String kindName,
            @QueryParam("keyLevel") String keyLevelName,
            @QueryParam("colour") String colourName,
            @QueryParam("asOf") String asOfText,
            @QueryParam("q") @Size(max = 100) String q,
            @Valid @BeanParam PageRequest page) {
        String scope = caller.parkScope(park);
        ProjectStage stage = Filters.oneOf(ProjectStage.class, stageName, "stage");
        ProjectKind kind = Filters.oneOf(ProjectKind.class, kindName, "kind");
        KeyLevel keyLevel = Filters.oneOf(KeyLevel.class, keyLevelName, "keyLevel");
        ScheduleRules.Colour colour = Filters.oneOf(ScheduleRules.Colour.class, colourName, "colour");
        // Blank like the other filters: left out.
        YearMonth asOf = asOfText == null || asOfText.isBlank() ? null : ReportingPeriod.month(asOfText, "asOf");
        boolean byGap =
                page.sort != null && page.sort.strip().replaceFirst("^-", "").equals(GAP);
        Sort sort = page.sort(
                Map.of(
                        "createdAt",
                        "createdAt",
                        "park",
                        "park",
                        "name",
                        "name",
                        "totalInvestment",
                        "totalInvestment",
                        "stage",
                        "stage",
                        "plannedCompletion",
                        "plannedCompletion",
                        // Ordered in memory on the exact gap; the database's order by registration breaks its ties.
                        GAP,
                        "createdAt"),
                "createdAt",
                "id");
        var filter = new ProjectFilter(scope, stage, kind, keyLevel, q);
        if (colour == null && !byGap) {
            if (asOf == null) {
                return Page.of(projects.search(filter, sort), page, this::view);
            }
            PanacheQuery<Project> query = projects.search(filter, sort).page(page.panache());
            List<ProjectDtos.ProjectView> views = status.judge(query.list(), asOf).stream()
                    .map(ProjectResource::view)
                    .toList();
            return Page.of(views, page.page, page.size, query.count());
        }
        var candidates = projects.search(filter, sort);
        if (candidates.count() > MAX_COLOUR_CANDIDATES) {
            throw ProblemException.badRequest(
                    colour != null ? "colour" : "sort",
                    "too_broad",
                    "按颜色筛选或按欠时序进度排序最多读取" + MAX_COLOUR_CANDIDATES + "个项目，请先按园区、阶段或类型缩小范围",
                    "a colour filter or an order on the gap reads at most " + MAX_COLOUR_CANDIDATES
                            + " projects: narrow the search by park, stage or kind");
        }
        Stream<StatusService.Judged> matching = status.judge(candidates.list(), asOf).stream()
                .filter(j -> colour == null || (j.status() != null && j.status().colour() == colour));
        if (byGap) {
            // Most behind first (the gap is negative when behind), or most ahead first with '-'; no gap comes last.
            Comparator<ScheduleRules.Gap> order =
                    page.sort.strip().startsWith("-") ? Comparator.reverseOrder() : Comparator.naturalOrder();
            matching = matching.sorted(Comparator.comparing(StatusService.Judged::gap, Comparator.nullsLast(order)));
        }
        return Page.slice(matching.map(ProjectResource::view).toList(), page);
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Park summaries for a period",
            description = "period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY. For each "
                    + "park (or the one named; park staff get theirs): projects by stage at the period's end; new starts, completions "
                    + "and productions in the period; key projects; the year's planned vs completed investment against time-elapsed "
                    + "progress; red and stalled projects; problems raised and resolved.")
    public List<SummaryService.ParkSummary> summary(
            @QueryParam("period") String period, @QueryParam("park") String park) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        String scope = caller.parkScope(park);
        return summaries.summarize(projects.parks(scope), p);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "One project",
            description = "With this month's schedule status and the transitions allowed now.")
    public ProjectDtos.ProjectView get(@PathParam("id") UUID id) {
        return view(visible(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Edit a project's description",
            description =
                    "Send the version you read: a stale one is refused with 409 "
                            + "and nothing changes. Park, stage and progress change through their own endpoints. Publishes project-updated.")
    public ProjectDtos.ProjectView update(@PathParam("id") UUID id, @Valid @NotNull ProjectDtos.UpdateProject body) {
        visible(id);
        return view(projects.update(id, body.description(), body.version(), caller.user()));
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Schedule status as of a month",
            description =
                    "asOf YYYY-MM (default this month): colour with every "
                            + "reason, investment completion for the year and overall, the gap to time-elapsed progress, stalled, overdue, "
                            + "and the gap between physical and financial progress. Stage and figures are those at the end of that month.")
    public ProjectDtos.StatusView status(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        Project p = visible(id);
        YearMonth month = asOf == null ? CityTime.thisMonth() : ReportingPeriod.month(asOf, "asOf");
        StatusService.Snapshot s = status.asOf(p, month);
        if (s.stage() == null) {
            throw ProblemException.unprocessable(
                    "asOf",
                    "before_signing",
                    "项目于" + p.signedOn + "签约，此前没有进度状态",
                    "the project was signed on " + p.signedOn);
        }
        return ProjectDtos.StatusView.of(month.toString(), s.status());
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Move a project to another stage",
            description = "to: the new stage; on: the date it happened (default "
                    + "today, not in the future, not before the current stage began); reason: required for SUSPENDED and TERMINATED. "
                    + "Resuming a suspended project is a transition to the stage it stopped in. An illegal transition is answered 409 "
                    + "listing the allowed ones. Publishes stage-changed.")
    public ProjectDtos.ProjectView transition(
            @PathParam("id") UUID id, @Valid @NotNull ProjectDtos.TransitionRequest body) {
        visible(id);
        return view(projects.transition(
                id, new ProjectService.Transition(body.to(), body.on(), body.reason(), body.version()), caller.user()));
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The project's lifecycle history",
            description = "Every stage change with its date, reason, who recorded it and when.")
    public List<ProjectDtos.TransitionView> history(@PathParam("id") UUID id) {
        visible(id);
        return projects.history(id).stream().map(ProjectDtos.TransitionView::of).toList();
    }

    /** The project, if the caller may see it; another park's project is "not found" for park staff. */
    Project visible(UUID id) {
        Project p = Project.findById(id);
        return caller.visible(p, p == null ? null : p.park, "项目", "project", id);
    }

    /** The project with its status as of the month judged; none when it was not yet registered then. */
    static ProjectDtos.ProjectView view(StatusService.Judged j) {
        return ProjectDtos.ProjectView.of(
                j.project(),
                j.status() == null ? null : ProjectDtos.StatusView.of(j.asOf().toString(), j.status()));
    }

    ProjectDtos.ProjectView view(Project p) {
        return ProjectDtos.ProjectView.of(
                p, ProjectDtos.StatusView.of(CityTime.thisMonth().toString(), status.now(p)));
    }
}
