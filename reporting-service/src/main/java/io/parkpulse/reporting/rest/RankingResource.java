package io.parkpulse.reporting.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.service.CityView;
import io.parkpulse.reporting.service.RankingResult;
import io.parkpulse.reporting.service.RankingService;
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

    @Inject
    io.parkpulse.reporting.service.Exports exports;

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
            @QueryParam("order") @DefaultValue("desc") @Pattern(regexp = "asc|desc", message = "asc or desc")
                    String order,
            @Valid @BeanParam PageRequest paging) {
        if (paging.sort != null && !paging.sort.isBlank()) {
            throw ProblemException.badRequest(
                    "sort", "invalid_sort", "a ranking is ordered by rank; use order=asc or order=desc");
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
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The same ranking as XLSX",
            description = "Same parameters as the ranking, but every ranked park "
                    + "(no paging); one sheet 排名 with Chinese headers and the value's unit, for a meeting.")
    public jakarta.ws.rs.core.Response export(
            @QueryParam("indicator") String indicator,
            @QueryParam("figure") String figure,
            @QueryParam("period") String period,
            @QueryParam("peerGroup") String peerGroup,
            @QueryParam("order") @DefaultValue("desc") @Pattern(regexp = "asc|desc", message = "asc or desc")
                    String order) {
        RankingResult ranking = full(indicator, figure, period, peerGroup, order);
        String title;
        String header;
        java.util.List<io.parkpulse.reporting.service.Exports.RankingRow> rows;
        if (ranking instanceof RankingService.Ranking r) {
            title = (r.indicatorName() == null ? r.indicator() : r.indicatorName()) + " 排名（" + r.period() + "，数据截至"
                    + r.valueMonth() + "）";
            header = "数值（" + r.unit() + "）";
            rows = r.entries().stream()
                    .map(e -> new io.parkpulse.reporting.service.Exports.RankingRow(
                            e.rank(), e.park(), e.parkName(), e.value(), e.previousRank(), e.rankChange()))
                    .toList();
        } else {
            CityView.FigureRanking r = ((RankingResult.OfFigure) ranking).ranking();
            title = r.figure() + " 排名（" + r.period() + "，数据截至" + r.valueMonth() + "）";
            header = r.figure().startsWith("growth:")
                    ? "增速（%）"
                    : r.figure().startsWith("completion:")
                            ? "完成率（%）"
                            : r.figure().startsWith("perMu:") ? "亩均值（每亩）" : "数值";
            rows = r.entries().stream()
                    .map(e -> new io.parkpulse.reporting.service.Exports.RankingRow(
                            e.rank(), e.park(), e.parkName(), e.value(), e.previousRank(), e.rankChange()))
                    .toList();
        }
        return jakarta.ws.rs.core.Response.ok(exports.ranking(title, header, rows))
                .header("Content-Disposition", "attachment; filename=\"ranking-" + period + ".xlsx\"")
                .build();
    }
}
