package io.parkpulse.reporting.rest;

import io.parkpulse.common.security.Roles;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.service.CityView;
import io.parkpulse.reporting.service.RankingService;
import io.parkpulse.common.error.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings")
@Tag(name = "Rankings", description = "Parks ranked on an indicator (排名)")
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    @Inject
    RankingService rankings;

    @Inject
    CityView city;

    /**
     * Park staff are not given the city ranking: it shows every park's figures, and they see only
     * their own park's.
     */
    @GET
    @RolesAllowed({ Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE })
    @Operation(summary = "Rank parks on an indicator or a derived figure",
            description = "Either indicator (its value) or figure: growth:<indicator> (累计同比 %), completion:<indicator> (% of the "
                    + "annual target), perMu:<indicator> (亩均), value:<indicator>. period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY (read at its last month, as cumulative figures are year to date). "
                    + "rankChange is positive when a park moved up against the previous period of the same length.")
    public Object rank(
            @QueryParam("indicator") String indicator,
            @QueryParam("figure") String figure,
            @QueryParam("period") String period,
            @QueryParam("peerGroup") String peerGroup,
            @QueryParam("order") @DefaultValue("desc") @Pattern(regexp = "asc|desc", message = "asc or desc") String order) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        if ((indicator == null || indicator.isBlank()) == (figure == null || figure.isBlank())) {
            throw ProblemException.badRequest("indicator", "required", "name either an indicator (its value) or a figure "
                    + "(value:, growth:, completion: or perMu: with an indicator code)");
        }
        return indicator != null && !indicator.isBlank()
                ? rankings.rank(indicator, p, peerGroup, "asc".equals(order))
                : city.rank(CityView.figure(figure, "figure"), p, peerGroup, "asc".equals(order));
    }
}
