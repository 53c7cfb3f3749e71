package io.parkpulse.investment.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Filters;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.investment.domain.Activity;
import io.parkpulse.investment.domain.ActivityFilter;
import io.parkpulse.investment.domain.ActivityKind;
import io.parkpulse.investment.service.ActivityService;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activities")
@Tag(name = "Activities", description = "Investment-attraction activities (对接客商, 领导带队招商, 包装项目, 推介活动)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    ActivityService activities;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Record an activity",
            description = "heldOn is not in the future; a LEADER_TRIP names the leader "
                    + "(ledBy); leadIds must be leads of the same park. Publishes activity-recorded.")
    public Response record(@Valid @NotNull ActivityDtos.ActivityRequest body) {
        String park = caller.parkForWrite(body.park(), "park");
        Activity a = activities.record(park, body.entry(), caller.user());
        return Response.created(URI.create("/api/v1/activities/" + a.id))
                .entity(ActivityDtos.ActivityView.of(a))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "List activities",
            description = "Filters: park, kind, period (held in it: YYYY-MM, YYYY-Qn, YYYY-H1/H2, "
                    + "YYYY), lead. Park staff see their own park. sort: heldOn (default -heldOn), kind.")
    public Page<ActivityDtos.ActivityView> list(
            @QueryParam("park") String park,
            @QueryParam("kind") String kindName,
            @QueryParam("period") String period,
            @QueryParam("lead") UUID lead,
            @Valid @BeanParam PageRequest page) {
        String scope = caller.parkScope(park);
        ActivityKind kind = Filters.oneOf(ActivityKind.class, kindName, "kind");
        ReportingPeriod held = period == null ? null : ReportingPeriod.parse(period, "period");
        var filter = new ActivityFilter(scope, kind, held, lead);
        Sort sort = page.sort(Map.of("heldOn", "heldOn", "kind", "kind"), "-heldOn", "id");
        return Page.of(activities.search(filter, sort), page, ActivityDtos.ActivityView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "One activity")
    public ActivityDtos.ActivityView get(@PathParam("id") UUID id) {
        return ActivityDtos.ActivityView.of(visible(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Edit an activity",
            description = "Send the version you read; a stale one is refused with 409. Publishes activity-updated.")
    public ActivityDtos.ActivityView update(
            @PathParam("id") UUID id, @Valid @NotNull ActivityDtos.ActivityRequest body) {
        Activity a = visible(id);
        if (body.park() != null && !body.park().equals(a.park)) {
            throw ProblemException.unprocessable(
                    "park", "park_immutable", "招商活动的所属园区不能更改", "an activity stays with its park");
        }
        if (body.version() == null) {
            throw ProblemException.badRequest(
                    "version", "required", "修改时请提交读取到的版本号 version", "send the version you read");
        }
        return ActivityDtos.ActivityView.of(activities.update(id, body.entry(), body.version()));
    }

    private Activity visible(UUID id) {
        Activity a = Activity.findById(id);
        // Caller.visible's rule (another park's activity is the same 404 as none), naming the activity in both
        // languages.
        if (a == null || !caller.maySee(a.park)) {
            throw ProblemException.notFound("招商活动", "activity", String.valueOf(id));
        }
        return a;
    }
}
