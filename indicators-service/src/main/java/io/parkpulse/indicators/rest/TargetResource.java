package io.parkpulse.indicators.rest;

import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorTarget;
import io.parkpulse.indicators.service.CatalogService;
import io.parkpulse.indicators.service.TargetService;
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
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parks/{park}/targets")
@Tag(name = "Targets", description = "Annual and quarterly targets (目标任务) set by the bureau")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {

    @Inject
    TargetService targets;

    @Inject
    CatalogService catalog;

    @Inject
    Caller caller;

    /** Amounts in {@code unit} (元/万元/亿元 for money; default the canonical unit). Quarterly targets are year to date. */
    public record SetTarget(
            BigDecimal annual,
            BigDecimal q1,
            BigDecimal q2,
            BigDecimal q3,
            BigDecimal plannedGrowthPct,
            String unit,
            Long version) {}

    public record TargetView(
            String park,
            String indicator,
            String indicatorName,
            int year,
            BigDecimal annual,
            BigDecimal q1,
            BigDecimal q2,
            BigDecimal q3,
            BigDecimal plannedGrowthPct,
            String unit,
            long version) {

        static TargetView of(IndicatorTarget t, Indicator i) {
            return new TargetView(
                    t.id.park(),
                    t.id.indicator(),
                    i.nameZh,
                    t.id.year(),
                    t.annual,
                    t.q1,
                    t.q2,
                    t.q3,
                    t.plannedGrowthPct,
                    i.unit,
                    t.version);
        }
    }

    @PUT
    @Path("/{year}/{indicator}")
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(
            summary = "Set a park's target for an indicator and year",
            description =
                    "Send the version you read to guard against overwriting someone else's change (409). Publishes parkpulse.indicators.target-set.v1.")
    public TargetView set(
            @PathParam("park") String park,
            @PathParam("year") int year,
            @PathParam("indicator") String indicator,
            @Valid @NotNull SetTarget body) {
        return view(targets.set(
                park,
                year,
                indicator,
                new TargetService.NewTarget(
                        body.annual(),
                        body.q1(),
                        body.q2(),
                        body.q3(),
                        body.plannedGrowthPct(),
                        body.unit(),
                        body.version()),
                caller.user()));
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "A park's targets", description = "Park staff read their own park's targets.")
    public List<TargetView> list(@PathParam("park") String park, @QueryParam("year") Integer year) {
        caller.requirePark(park);
        return targets.list(park, year).stream().map(this::view).toList();
    }

    private TargetView view(IndicatorTarget t) {
        return TargetView.of(t, catalog.indicator(t.id.indicator()));
    }
}
