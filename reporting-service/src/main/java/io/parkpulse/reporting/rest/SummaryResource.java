package io.parkpulse.reporting.rest;

import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.domain.Report;
import io.parkpulse.reporting.domain.ReportDocx;
import io.parkpulse.reporting.service.ReadsReadModel;
import io.parkpulse.reporting.service.Summaries;
import io.parkpulse.reporting.service.SummaryNotes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ReadsReadModel
@Path("/api/v1/summaries")
@Tag(name = "Summaries", description = "The written report of a park or of the city, generated from the read model")
@Produces({SummaryResource.MARKDOWN, SummaryResource.HTML, SummaryResource.DOCX})
public class SummaryResource {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String FORMATS =
            "format: markdown (default), html, or docx (a Word document in the layout of a government work report, "
                    + "GB/T 9704); without it the Accept header decides (text/html or text/markdown).";

    @Inject
    Summaries summaries;

    @Inject
    SummaryNotes notes;

    @Inject
    Caller caller;

    @GET
    @Path("/city")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The city's written summary",
            description = "Year to date as of the period's last month (period: "
                    + "YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY), in five sections: 一、主要经济指标完成情况 二、项目建设 三、招商引资 "
                    + "四、存在的问题 五、考核排名, then the sections the bureau wrote (see …/city/notes). " + FORMATS)
    public Response city(
            @QueryParam("period") String period, @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        ReportFormat f = ReportFormat.of(format, headers);
        return render(notes.appendTo(summaries.city(p), SummaryNotes.CITY, p), f, "summary-city-" + p.text());
    }

    @GET
    @Path("/parks/{park}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE, Roles.PARK_STAFF})
    @Operation(
            summary = "A park's written summary",
            description = "The same five sections for one park; its rank in the "
                    + "latest published assessment, not the other parks' figures, so park staff may read their own park's. "
                    + FORMATS)
    public Response park(
            @PathParam("park") String park,
            @QueryParam("period") String period,
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        caller.requirePark(park);
        ReportingPeriod p = ReportingPeriod.parse(period, "period");
        ReportFormat f = ReportFormat.of(format, headers);
        Report report = summaries.park(park, p);
        // A park coded CITY has no notes of its own; the city's are not its to print.
        return render(
                SummaryNotes.CITY.equals(park) ? report : notes.appendTo(report, park, p),
                f,
                "summary-" + park + "-" + p.text());
    }

    private static Response render(Report report, ReportFormat format, String name) {
        Object body = switch (format) {
            case HTML -> report.html();
            case DOCX -> ReportDocx.write(report);
            case MARKDOWN -> report.markdown();
        };
        String disposition = format == ReportFormat.DOCX ? "attachment" : "inline";
        // The title names the park and the period in Chinese, as the office files the document.
        return Response.ok(body, format.mediaType)
                .header(
                        "Content-Disposition",
                        Downloads.disposition(disposition, name + format.extension, report.title() + format.extension))
                .build();
    }
}
