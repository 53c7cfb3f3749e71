package io.parkpulse.projects.rest;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.projects.domain.Problem;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectNames;
import io.parkpulse.projects.service.ProblemService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{id}/problems")
@Tag(name = "Problems", description = "The problem ledger (问题台账) of projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectProblemResource {

    @Inject
    ProblemService problems;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Raise a problem of the project",
            description = "raisedOn defaults to today; dueOn may not be before it. " + "Publishes problem-raised.")
    public Response raise(@PathParam("id") UUID id, @Valid @NotNull ProjectDtos.ProblemRequest body) {
        visible(id);
        Problem p = problems.raise(
                id,
                new ProblemService.Entry(body.description(), body.raisedOn(), body.department(), body.dueOn()),
                caller.user());
        return Response.created(URI.create("/api/v1/projects/" + id + "/problems/" + p.id))
                .entity(view(p))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The project's problems, oldest first",
            description = "Each with its project's and park's names; overdue is judged today.")
    public List<ProjectDtos.ProblemView> ofProject(@PathParam("id") UUID id) {
        visible(id);
        LocalDate today = CityTime.today();
        List<Problem> entries = problems.ofProject(id);
        Map<UUID, ProjectNames> names = problems.names(entries);
        return entries.stream()
                .map(p -> ProjectDtos.ProblemView.of(p, names, today))
                .toList();
    }

    @PUT
    @Path("/{problemId}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Edit a problem",
            description = "Send the version you read; a stale one is refused with 409. Publishes problem-updated.")
    public ProjectDtos.ProblemView update(
            @PathParam("id") UUID id,
            @PathParam("problemId") UUID problemId,
            @Valid @NotNull ProjectDtos.UpdateProblem body) {
        visible(id);
        return view(problems.update(
                id,
                problemId,
                new ProblemService.Entry(body.description(), body.raisedOn(), body.department(), body.dueOn()),
                body.version()));
    }

    @POST
    @Path("/{problemId}/resolve")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Resolve a problem",
            description = "With the resolution and the date (default today). A resolved "
                    + "problem cannot be resolved again (409). Publishes problem-resolved.")
    public ProjectDtos.ProblemView resolve(
            @PathParam("id") UUID id,
            @PathParam("problemId") UUID problemId,
            @Valid @NotNull ProjectDtos.ResolveProblem body) {
        visible(id);
        return view(problems.resolve(id, problemId, body.resolution(), body.resolvedOn(), body.version()));
    }

    private ProjectDtos.ProblemView view(Problem p) {
        return ProjectDtos.ProblemView.of(p, problems.names(List.of(p)), CityTime.today());
    }

    private Project visible(UUID id) {
        Project p = Project.findById(id);
        return caller.visible(p, p == null ? null : p.park, "项目", "project", id);
    }
}
