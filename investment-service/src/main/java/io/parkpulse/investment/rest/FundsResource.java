package io.parkpulse.investment.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.investment.domain.FundsInPlace;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.service.FundsService;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/{id}/funds")
@Tag(name = "Funds in place", description = "到位资金 per lead and month")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundsResource {

    @Inject
    FundsService funds;

    @Inject
    Caller caller;

    @PUT
    @Path("/{period}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Report or revise a month's funds in place",
            description =
                    "For a signed or landed lead (409 "
                            + "otherwise), a month from the signing month to this one. amount in 万元; amountUsd (万美元) required for "
                            + "foreign capital and refused otherwise. 201 the first time, 200 for a revision. Publishes funds-reported.")
    public Response report(
            @PathParam("id") UUID id,
            @PathParam("period") String period,
            @Valid @NotNull ActivityDtos.FundsRequest body) {
        visible(id);
        FundsService.Filed f = funds.report(
                id, ReportingPeriod.month(period, "period"), body.amount(), body.amountUsd(), caller.user());
        return Response.status(f.created() ? 201 : 200)
                .entity(ActivityDtos.FundsView.of(f.funds()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The lead's funds in place",
            description = "Every month, the total and 资金到位率 = total ÷ contracted investment, in %.")
    public ActivityDtos.FundsSummary list(@PathParam("id") UUID id) {
        Lead l = visible(id);
        List<FundsInPlace> months = funds.ofLead(id);
        BigDecimal total = months.stream().map(f -> f.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rate = l.contractedInvestment == null || l.contractedInvestment.signum() == 0
                ? null
                : total.multiply(BigDecimal.valueOf(100)).divide(l.contractedInvestment, 2, RoundingMode.HALF_UP);
        return new ActivityDtos.FundsSummary(
                months.stream().map(ActivityDtos.FundsView::of).toList(), total, l.contractedInvestment, rate, "万元");
    }

    private Lead visible(UUID id) {
        Lead l = Lead.findById(id);
        // Caller.visible's rule (another park's lead is the same 404 as none), naming the lead in both languages.
        if (l == null || !caller.maySee(l.park)) {
            throw ProblemException.notFound("线索", "lead", String.valueOf(id));
        }
        return l;
    }
}
