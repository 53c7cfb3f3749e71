package io.parkpulse.indicators.rest;

import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.service.CityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "City", description = "Across parks: the city table and reporting completeness")
@Produces(MediaType.APPLICATION_JSON)
public class CityResource {

    @Inject
    CityService city;

    @Inject
    Caller caller;

    /** A page of the city table: the usual paging fields plus the period, the indicators and their units. */
    public record CityPage(
            String period,
            List<String> indicators,
            java.util.Map<String, String> units,
            List<CityService.CityRow> items,
            int page,
            int size,
            long total) {}

    @GET
    @Path("/city-table")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "All parks × chosen indicators for a month",
            description =
                    "indicators=a,b,c (canonical units in 'units'); sort=park or an indicator; order=asc|desc. Parks that did not report an indicator show null and sort last.")
    public CityPage table(
            @QueryParam("period") String period,
            @QueryParam("indicators") @DefaultValue("") String indicators,
            @QueryParam("sort") String sort,
            @QueryParam("order")
                    @DefaultValue("desc")
                    @Pattern(regexp = "asc|desc", message = "{parkpulse.choice.order}")
                    String order,
            @Valid @BeanParam PageRequest page) {
        List<String> codes = Arrays.stream(indicators.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        CityService.CityTable t = city.table(period, codes, sort, "asc".equals(order));
        int from = Math.min(page.page * page.size, t.rows().size());
        int to = Math.min(from + page.size, t.rows().size());
        return new CityPage(
                t.period(),
                t.indicators(),
                t.units(),
                t.rows().subList(from, to),
                page.page,
                page.size,
                t.rows().size());
    }

    @GET
    @Path("/completeness")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE, Roles.PARK_STAFF})
    @Operation(
            summary = "Who has reported every mandatory indicator for a month, and on time",
            description =
                    "status: ON_TIME, LATE, INCOMPLETE (not yet due) or OVERDUE. Judged by when the server first received each value; "
                            + "due by the end of day parkpulse.reporting.deadline-day (default 10) of the following month. Park staff see their own park.")
    public List<CityService.Completeness> completeness(@QueryParam("period") String period) {
        return city.completeness(period, caller.ownPark().orElse(null));
    }
}
