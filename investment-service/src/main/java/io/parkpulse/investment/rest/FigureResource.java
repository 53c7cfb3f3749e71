package io.parkpulse.investment.rest;

import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.investment.service.PipelineFigures;
import io.parkpulse.investment.service.TargetService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(
        name = "Pipeline figures",
        description = "Per park and period: the pipeline, signings, activities and funds against targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FigureResource {

    @Inject
    PipelineFigures figures;

    @Inject
    TargetService targets;

    @Inject
    Caller caller;

    @GET
    @Path("/investment-figures")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Pipeline figures for a period",
            description =
                    "period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY. For each "
                            + "park (or the one named; park staff get theirs): leads by stage at the period's end; effective leads, activities "
                            + "and signings against the period's target; signed count and amount in the period and year to date with growth "
                            + "on last year; major projects signed; landings; conversion; funds in place by source against target and 资金到位率.")
    public List<PipelineFigures.ParkFigures> figures(
            @QueryParam("period") String period, @QueryParam("park") String park) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        String scope = caller.parkScope(park);
        return targets.parks(scope).stream()
                .map(r -> figures.figures(r.code, p))
                .toList();
    }

    @GET
    @Path("/investment-targets")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Targets",
            description = "A park's targets (park staff: theirs), or every park's for the bureau.")
    public List<ActivityDtos.TargetView> listTargets(@QueryParam("park") String park) {
        String scope = caller.parkScope(park);
        return targets.list(scope).stream().map(ActivityDtos.TargetView::of).toList();
    }

    @PUT
    @Path("/investment-targets/{park}/{period}")
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Set a park's targets for a quarter or year",
            description = "period YYYY-Qn or YYYY. Counts of effective "
                    + "leads, activities by kind and signed projects; funds in place in 万元. To replace existing targets send the "
                    + "version you read. Publishes target-set.")
    public ActivityDtos.TargetView setTarget(
            @PathParam("park") String park,
            @PathParam("period") String period,
            @Valid @NotNull ActivityDtos.TargetRequest body) {
        return ActivityDtos.TargetView.of(targets.set(park, period, body.targets(), body.version(), caller.user()));
    }
}
