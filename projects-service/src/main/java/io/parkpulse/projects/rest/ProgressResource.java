package io.parkpulse.projects.rest;

import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.service.ProgressService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{id}/progress")
@Tag(name = "Progress", description = "Monthly progress reports of a project (月度进展)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    @PUT
    @Path("/{period}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "File or revise the progress report for a month",
            description =
                    "period YYYY-MM. One report per "
                            + "project and month: filing again revises it (revision + 1, the earlier one kept in the history). Investment "
                            + "completed to date (万元) may not fall below an earlier month or rise above a later one, nor this year's within "
                            + "the year, unless correctionReason says why. Answers 201 for a new report, 200 for a revision or an unchanged "
                            + "one (outcome says which). Publishes progress-reported and, for the latest month, project-updated.")
    public Response report(
            @PathParam("id") UUID id,
            @PathParam("period") String period,
            @Valid @NotNull ProjectDtos.ProgressRequest body) {
        visible(id);
        YearMonth month = ReportingPeriod.month(period, "period");
        ProgressService.Filed f = progress.report(
                id,
                month,
                new ProgressService.Report(
                        body.investmentCompleted(),
                        body.investmentCompletedThisYear(),
                        body.physicalProgress(),
                        body.milestones(),
                        body.correctionReason()),
                caller.user());
        return Response.status(f.outcome() == ProgressService.Outcome.CREATED ? 201 : 200)
                .entity(ProjectDtos.ProgressView.of(f.report(), f.outcome().name()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "Every month's progress report of the project, oldest first")
    public List<ProjectDtos.ProgressView> list(@PathParam("id") UUID id) {
        visible(id);
        return progress.list(id).stream()
                .map(r -> ProjectDtos.ProgressView.of(r, null))
                .toList();
    }

    @GET
    @Path("/{period}/history")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Every filing and revision of one month's report",
            description = "With who filed it, when, and the correction reason if any.")
    public List<ProjectDtos.ProgressRevisionView> history(
            @PathParam("id") UUID id, @PathParam("period") String period) {
        visible(id);
        return progress.history(id, ReportingPeriod.month(period, "period")).stream()
                .map(ProjectDtos.ProgressRevisionView::of)
                .toList();
    }

    private Project visible(UUID id) {
        Project p = Project.findById(id);
        return caller.visible(p, p == null ? null : p.park, "项目", "project", id);
    }
}
