package io.parkpulse.reporting.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Filters;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.service.NarrativeChecks;
import io.parkpulse.reporting.service.ReadsReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ReadsReadModel
@Path("/api/v1/narrative-checks")
@Tag(
        name = "Narrative checks",
        description = "What parks' narrative reports (工作总结) state against the platform's figures")
@Produces(MediaType.APPLICATION_JSON)
public class NarrativeCheckResource {

    @Inject
    NarrativeChecks checks;

    @Inject
    Caller caller;

    /**
     * Park staff see their own park's reports only: they are the park's own figures, as in its written summary.
     * Another park named in {@code park} is the 404 of a park that does not exist (docs/security.md).
     */
    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE, Roles.PARK_STAFF})
    @Operation(
            summary = "Figures stated in parks' narrative reports, checked against the platform's",
            description = "Every figure the parks' narrative reports state for a month of year (YYYY) or period "
                    + "(YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY; give one of the two), beside the platform's figure for the "
                    + "same park, year to date to that month: catalog indicators from the values reported, and the "
                    + "figures of investment-service and projects-service (funds_in_place, "
                    + "funds_in_place_outside_province, funds_in_place_foreign, leads_signed, major_leads_signed, "
                    + "signed_investment, projects_started, projects_completed) computed from the read model when "
                    + "asked. Each park's document (same SHA-256) is read once: its newest confirmed upload, else its "
                    + "newest. report: one report (indicators-service's id), whichever upload of its document it is; "
                    + "year and period may then be left out to list all of its figures, those without a month too. "
                    + "difference is stated − platform; a value disagrees beyond the text's rounding, a "
                    + "percentage beyond half a unit of its last written digit plus 0.005. park: one park (park staff: "
                    + "always their own; another park's report is an empty list); disagreeing=true keeps the figures "
                    + "where any comparison disagrees (422 too_many_figures when the scope states more than "
                    + NarrativeChecks.MAX_COMPARED
                    + " figures). Newest report first, then in the report's order; paged (page from 0, size up to "
                    + "500, default 50), sort is refused.")
    public Page<NarrativeChecks.Item> list(
            @QueryParam("year") String year,
            @QueryParam("period") String period,
            @QueryParam("park") String park,
            @QueryParam("report") String report,
            @QueryParam("disagreeing") String disagreeing,
            @Valid @BeanParam PageRequest paging) {
        if (paging.sort != null && !paging.sort.isBlank()) {
            throw ProblemException.badRequest(
                    "sort",
                    "invalid_sort",
                    "核对结果按报告上传时间从新到旧排列，不能另行排序",
                    "the checks are listed newest report first; sort is not offered");
        }
        Long reportId = reportId(report);
        ReportingPeriod window = reportId != null && blank(year) && blank(period) ? null : window(year, period);
        boolean onlyDisagreeing = Filters.flag(disagreeing, "disagreeing");
        String scope = caller.parkScope(blank(park) ? null : park.strip());
        return checks.page(scope, reportId, window, onlyDisagreeing, paging.page, paging.size);
    }

    /** indicators-service's id of a report: a positive whole number; null when none is named. */
    private static Long reportId(String report) {
        if (blank(report)) {
            return null;
        }
        String r = report.strip();
        if (r.matches("\\d{1,18}") && Long.parseLong(r) > 0) {
            return Long.parseLong(r);
        }
        String shown = r.length() > 40 ? r.substring(0, 40) + "…" : r;
        throw ProblemException.badRequest(
                "report",
                "invalid_report",
                "'" + shown + "' 不是报告编号：请写作正整数，如 1024",
                "'" + shown + "' is not a report id: use a positive whole number, e.g. 1024");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A year alone, or any period; one of the two. */
    private static ReportingPeriod window(String year, String period) {
        boolean hasYear = year != null && !year.isBlank();
        boolean hasPeriod = period != null && !period.isBlank();
        if (hasYear && hasPeriod) {
            throw ProblemException.badRequest(
                    "period", "year_or_period", "请只填写年份（year）或报告期（period）其中之一", "give either year or period, not both");
        }
        if (!hasYear && !hasPeriod) {
            throw ProblemException.badRequest(
                    "year",
                    "required",
                    "请填写年份（year，如 2025）或报告期（period，如 2025-06）",
                    "name the year (year, e.g. 2025) or the period (period, e.g. 2025-06)");
        }
        if (hasPeriod) {
            return ReportingPeriod.parse(period.strip(), "period");
        }
        String y = year.strip();
        if (!y.matches("\\d{4}")) {
            throw ProblemException.badRequest(
                    "year",
                    "invalid_year",
                    "'" + (y.length() > 40 ? y.substring(0, 40) + "…" : y) + "' 不是年份：请写作四位数字，如 2025",
                    "'" + (y.length() > 40 ? y.substring(0, 40) + "…" : y)
                            + "' is not a year: use four digits, e.g. 2025");
        }
        return ReportingPeriod.parse(y, "year");
    }
}
