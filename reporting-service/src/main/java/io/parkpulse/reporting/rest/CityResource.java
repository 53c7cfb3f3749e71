package io.parkpulse.reporting.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.domain.Figure;
import io.parkpulse.reporting.service.CityView;
import io.parkpulse.reporting.service.CrossFigures;
import io.parkpulse.reporting.service.ReadsReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ReadsReadModel
@Path("/api/v1")
@Tag(name = "Comparisons", description = "Parks side by side, city totals and shares, parks behind schedule")
@Produces(MediaType.APPLICATION_JSON)
public class CityResource {

    @Inject
    CityView city;

    @Inject
    CrossFigures cross;

    @GET
    @Path("/comparisons")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Parks side by side",
            description = "parks: comma-separated park codes (up to 50); figures: "
                    + "comma-separated figures (value:, growth:, completion:, perMu: with an indicator; up to 20); period: any period form. "
                    + "For value figures the city's total over every active park and each park's share of it, in %.")
    public CityView.Comparison compare(
            @QueryParam("parks") String parks,
            @QueryParam("figures") String figures,
            @QueryParam("period") String period) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        List<String> codes = split(parks, "parks", 50);
        List<String> texts = split(figures, "figures", 20);
        List<Figure> fs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            fs.add(CityView.figure(texts.get(i), "figures[" + i + "]"));
        }
        return city.compare(codes, fs, p);
    }

    @GET
    @Path("/city/figures")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The city's totals",
            description =
                    "Every indicator reported for the period's last month (any period form), year to date, summed "
                            + "over the active parks that reported it: growth over the parks that also reported last year "
                            + "(like with like), completion over the parks with an annual target, the time-elapsed gap in "
                            + "points and 预计全年 for flows; each figure says over how many parks it is.")
    public CityView.CityFigures cityFigures(@QueryParam("period") String period) {
        return city.cityFigures(ReportingPeriod.parse(period, "period"));
    }

    @GET
    @Path("/progress-gaps")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Parks behind time-elapsed progress",
            description = "For an indicator with annual targets and a period: "
                    + "each park's completion against N/12 (超/欠时序进度, in points, phrased as reports write it), those behind first; at "
                    + "June also 双过半 (completion ≥ 50 % and growth ≥ the planned growth) with the distance to each.")
    public CityView.ProgressGaps gaps(@QueryParam("indicator") String indicator, @QueryParam("period") String period) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        if (indicator == null || indicator.isBlank()) {
            throw ProblemException.badRequest(
                    "indicator",
                    "required",
                    "请指定一个设有年度目标的指标，如 tax_revenue（税收收入）",
                    "name an indicator with annual targets, e.g. tax_revenue");
        }
        return city.progress(indicator, p);
    }

    @GET
    @Path("/cross-figures")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "How signed leads became projects, per park",
            description = "Over the leads signed by the period's "
                    + "end, each counted once: landed (履约率), started construction or production (开工率, also 转化率), completed "
                    + "(建成率), in production (投产率); funds in place to date against the parks' projects' investment completed "
                    + "(latest reports); problems open at the period's end on provincial and municipal key projects.")
    public List<CrossFigures.Park> cross(@QueryParam("period") String period, @QueryParam("park") String park) {
        return cross.of(park, ReportingPeriod.parse(period, "period"));
    }

    private static List<String> split(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(
                    field, "required", "至少填写一项，多项之间用英文逗号分隔", "give at least one, separated by commas");
        }
        List<String> out = Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (out.isEmpty() || out.size() > max) {
            throw ProblemException.badRequest(
                    field, "invalid_list", "应填写1至" + max + "项，用英文逗号分隔", "give 1 to " + max + ", separated by commas");
        }
        return out;
    }
}
