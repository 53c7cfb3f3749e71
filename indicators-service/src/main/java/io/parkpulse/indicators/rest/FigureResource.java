package io.parkpulse.indicators.rest;

import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.service.FigureService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parks/{park}/figures")
@Tag(name = "Figures", description = "Derived figures: 本月, 同比, 累计同比, 完成率, 时序进度, 双过半, 亩均, 预计全年")
@Produces(MediaType.APPLICATION_JSON)
public class FigureResource {

    @Inject
    FigureService figures;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "A park's derived figures for a month",
            description =
                    "period=YYYY-MM (required); indicator=code to get one. Percentages have two decimals, gaps are in percentage points. "
                            + "See docs/indicators.md for every formula and the full-year estimate.")
    public FigureService.ParkFigures get(
            @PathParam("park") String park,
            @QueryParam("period") String period,
            @QueryParam("indicator") String indicator) {
        caller.requirePark(park);
        return figures.compute(park, period, indicator);
    }
}
