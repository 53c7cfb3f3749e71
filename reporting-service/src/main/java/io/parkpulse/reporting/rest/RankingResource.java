package io.parkpulse.reporting.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.service.CityView;
import io.parkpulse.reporting.service.Exports;
import io.parkpulse.reporting.service.RankingResult;
import io.parkpulse.reporting.service.RankingService;
import io.parkpulse.reporting.service.ReadsReadModel;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ReadsReadModel
@Path("/api/v1/rankings")
@Tag(name = "Rankings", description = "Parks ranked on an indicator (排名)")
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    @Inject
    RankingService rankings;

    @Inject
    CityView city;

    @Inject
    Exports exports;

    /**
     * Park staff are not given the city ranking: it shows every park's figures, and they see only
     * their own park's.
     */
    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Rank parks on an indicator or a derived figure",
            description =
                    "Either indicator (its value) or figure: growth:<indicator> (累计同比 %), completion:<indicator> (% of the "
                            + "annual target), perMu:<indicator> (亩均), value:<indicator>. period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY (read at its last month, as cumulative figures are year to date). "
                            + "rankChange is positive when a park moved up against the previous period of the same length. "
                            + "Paged like every list (page from 0, size up to 500, default 50): entries hold the page, total counts "
                            + "every ranked park; the order is the ranking's, so sort is refused.")
    public RankingResult rank(
            @QueryParam("indicator") String indicator,
            @QueryParam("figure") String figure,
            @QueryParam("period") String period,
            @QueryParam("peerGroup") String peerGroup,
            @QueryParam("order")
                    @DefaultValue("desc")
                    @Pattern(regexp = "asc|desc", message = "{parkpulse.choice.order}")
                    String order,
            @Valid @BeanParam PageRequest paging) {
        if (paging.sort != null && !paging.sort.isBlank()) {
            throw ProblemException.badRequest(
                    "sort",
                    "invalid_sort",
                    "排名只按名次排序，请用 order=asc（升序）或 order=desc（降序）",
                    "a ranking is ordered by rank; use order=asc or order=desc");
        }
        RankingResult full = full(indicator, figure, period, peerGroup, order);
        return full instanceof RankingService.Ranking r
                ? r.page(paging.page, paging.size)
                : new RankingResult.OfFigure(
                        ((RankingResult.OfFigure) full).ranking().page(paging.page, paging.size));
    }

    private RankingResult full(String indicator, String figure, String period, String peerGroup, String order) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        if ((indicator == null || indicator.isBlank()) == (figure == null || figure.isBlank())) {
            throw ProblemException.badRequest(
                    "indicator",
                    "required",
                    "请指定一个指标（indicator，按其数值排名），或一个考核口径（figure：value:、growth:、completion: " + "或 perMu: 后接指标编码），二者只能选一",
                    "name either an indicator (its value) or a figure "
                            + "(value:, growth:, completion: or perMu: with an indicator code)");
        }
        return indicator != null && !indicator.isBlank()
                ? rankings.rank(indicator, p, peerGroup, "asc".equals(order))
                : new RankingResult.OfFigure(
                        city.rank(CityView.figure(figure, "figure"), p, peerGroup, "asc".equals(order)));
    }

    @GET
    @Path("/export")
    @Produces(Downloads.XLSX)
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The same ranking as XLSX",
            description = "Same parameters as the ranking, but every ranked park "
                    + "(no paging); one sheet 排名 for a meeting: the figure's Chinese name and period as title (工业总产值同比增速排名"
                    + "（2026年1–10月）), unit, data month and order in a subtitle, ranks and values as numeric cells. "
                    + "Named after the figure and the period: filename ranking-growth-industrial_output-2026-10.xlsx, "
                    + "filename* 工业总产值同比增速排名_2026年10月.xlsx.")
    public Response export(
            @QueryParam("indicator") String indicator,
            @QueryParam("figure") String figure,
            @QueryParam("period") String period,
            @QueryParam("peerGroup") String peerGroup,
            @QueryParam("order")
                    @DefaultValue("desc")
                    @Pattern(regexp = "asc|desc", message = "{parkpulse.choice.order}")
                    String order) {
        Exports.Download file = exports.ranking(full(indicator, figure, period, peerGroup, order));
        return Response.ok(file.body())
                .header("Content-Disposition", Downloads.attachment(file.asciiName(), file.chineseName()))
                .build();
    }
}
