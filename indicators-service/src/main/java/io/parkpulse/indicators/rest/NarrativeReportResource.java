package io.parkpulse.indicators.rest;

import io.parkpulse.common.error.ProblemMappers;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.narrative.DocumentText;
import io.parkpulse.indicators.service.BatchService;
import io.parkpulse.indicators.service.NarrativeReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parks/{park}/narrative-reports")
@Tag(
        name = "Narrative reports",
        description = "A park's written reports (工作总结) read into a draft of figures that a person confirms")
@Produces(MediaType.APPLICATION_JSON)
public class NarrativeReportResource {

    @Inject
    NarrativeReportService reports;

    @Inject
    Caller caller;

    /** {@code rows}: the figures accepted, as they are or edited; {@code atomic}: store none unless all pass. */
    public record Confirm(
            @Valid @Size(max = BatchService.MAX_ROWS) List<NarrativeReportService.Accepted> rows, Boolean atomic) {}

    /** The draft after confirmation with the batch's answer per row; {@code repeated}: this draft was confirmed before. */
    public record ConfirmView(NarrativeReportService.Draft draft, BatchService.Result outcome, boolean repeated) {}

    @POST
    @Consumes({DocumentText.TEXT, DocumentText.DOCX})
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Upload a narrative report and get the draft of figures read from it",
            description =
                    "The body is the report itself: a Word .docx or plain text (UTF-8 or GB18030), at most 2,000,000 "
                            + "bytes (422 document_too_large; a body over the service's 2 MiB limit is 413). A document "
                            + "giving more than 500 figures to propose, or 2,000 figures in all, is refused whole "
                            + "(422 too_many_figures) and nothing is kept. "
                            + "The document is kept with who sent it, when, its SHA-256 and size. period=YYYY-MM overrides the "
                            + "period the report's own words give (\"截止**年二季度\", \"1-8月\"), and is needed when the report masks "
                            + "its year. fileName is kept for people to recognise it. rows are proposed as the park's values, "
                            + "apart lists figures shown but not proposed (forecasts, plans, sub-groups, the city's, comparisons, "
                            + "indicators not in the catalog); each row names its sentence and span in the text. Disagreements with "
                            + "the stored values raise review flags. Nothing is stored as a value until a person confirms. "
                            + "Publishes parkpulse.indicators.narrative-report-uploaded.v1.")
    public Response upload(
            @PathParam("park") String park,
            @QueryParam("period") String period,
            @QueryParam("fileName") String fileName,
            @HeaderParam("Content-Type") String contentType,
            byte[] body) {
        caller.requirePark(park);
        NarrativeReportService.Draft d = reports.upload(park, body, contentType, fileName, period, caller.user());
        return Response.created(URI.create("/api/v1/parks/" + park + "/narrative-reports/"
                        + d.report().id()))
                .type(MediaType.APPLICATION_JSON)
                .entity(d)
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "A park's uploaded narrative reports, newest first",
            description = "sort: uploadedAt, period. Each report with proposedRows, the values its draft proposes to "
                    + "store (the catalog's rows; pipeline figures are only checked), and confirmedRows, the rows its "
                    + "confirmation sent (null while a draft), so that a list needs no draft. Neither the document "
                    + "nor its draft is read for a list.")
    public Page<NarrativeReportService.Summary> list(
            @PathParam("park") String park, @Valid @BeanParam PageRequest page) {
        caller.requirePark(park);
        return reports.list(park, page, s -> s);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "A narrative report's draft with its cross-check",
            description = "Each proposed row is checked against the value stored now for its month (year to date) and "
                    + "its stated growth and completion against the platform's own figures; checks[].disagrees marks "
                    + "a difference beyond the text's rounding, and flags lists the review flags raised for them.")
    public NarrativeReportService.Draft get(@PathParam("park") String park, @PathParam("id") long id) {
        caller.requirePark(park);
        return reports.get(park, id);
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Confirm figures of a draft: they are submitted as one batch",
            description =
                    "rows: each {indicator, period, value, unit}, as proposed or edited. They go through the same "
                            + "batch as any report (same validation, one answer per row) and are recorded with source NARRATIVE. "
                            + "A draft is confirmed once: confirming it again answers the first outcome and stores nothing "
                            + "(repeated=true). Publishes parkpulse.indicators.narrative-report-confirmed.v1 with the values' "
                            + "values-recorded.v1; its statedFigures are the catalog rows as the batch took them (value in the "
                            + "catalog's unit, period as sent) and the draft's pipeline figures.")
    public ConfirmView confirm(
            @PathParam("park") String park,
            @PathParam("id") long id,
            @Context HttpHeaders headers,
            @Valid @NotNull Confirm body) {
        caller.requirePark(park);
        NarrativeReportService.Confirmed c = reports.confirm(
                park,
                id,
                body.rows(),
                Boolean.TRUE.equals(body.atomic()),
                caller.user(),
                ProblemMappers.prefersEnglish(headers));
        return new ConfirmView(c.draft(), c.outcome(), c.repeated());
    }
}
