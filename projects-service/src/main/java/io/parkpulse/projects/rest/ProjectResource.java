package io.parkpulse.projects.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.service.ProjectService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects")
@Tag(name = "Projects", description = "Construction projects (项目建设)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    ProjectService projects;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.PARK_STAFF, Roles.BUREAU_ADMIN })
    @Operation(summary = "Register a project", description = "The park must be in the registry. Publishes parkpulse.projects.project-registered.v1.")
    public Response register(@Valid @NotNull ProjectDtos.RegisterProject body) {
        String park = caller.parkForWrite(body.park(), "park");
        Project p = projects.register(new ProjectService.NewProject(park, body.name(), body.kind(), body.industry(),
                body.enterprise(), body.totalInvestment()), caller.user());
        return Response.created(URI.create("/api/v1/projects/" + p.id)).entity(ProjectDtos.ProjectView.of(p)).build();
    }

    @GET
    @RolesAllowed({ Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE })
    @Operation(summary = "List projects", description = "Park staff see their own park's projects only.")
    public Page<ProjectDtos.ProjectView> list(@QueryParam("park") String park, @Valid @BeanParam PageRequest page) {
        String scope = caller.parkScope(park);
        Sort sort = page.sort(java.util.Map.of("createdAt", "createdAt", "park", "park", "name", "name", "totalInvestment", "totalInvestment", "stage", "stage"),
                "createdAt", "id");
        PanacheQuery<Project> query = scope == null
                ? Project.findAll(sort)
                : Project.find("park = :park", sort, Parameters.with("park", scope));
        return Page.of(query, page, ProjectDtos.ProjectView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE })
    @Operation(summary = "One project")
    public ProjectDtos.ProjectView get(@PathParam("id") UUID id) {
        Project p = Project.findById(id);
        if (p == null) {
            throw ProblemException.notFound("project", id.toString());
        }
        caller.requirePark(p.park);
        return ProjectDtos.ProjectView.of(p);
    }
}
