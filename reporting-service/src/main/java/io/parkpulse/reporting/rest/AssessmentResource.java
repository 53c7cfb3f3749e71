package io.parkpulse.reporting.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.domain.Scheme;
import io.parkpulse.reporting.domain.export.ExportNames;
import io.parkpulse.reporting.service.AssessmentService;
import io.parkpulse.reporting.service.Exports;
import io.parkpulse.reporting.service.ReadsReadModel;
import io.parkpulse.reporting.service.SchemeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Assessments", description = "Assessment schemes and the quarterly assessment (综合考核)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    @Inject
    AssessmentService assessments;

    @Inject
    SchemeService schemes;

    @Inject
    Exports exports;

    @Inject
    Caller caller;

    public record RunRequest(
            @NotBlank String quarter,
            @Size(max = 64) String scheme,
            @Size(max = 500) String reason) {}

    public record AdjustmentRequest(
            @NotBlank @Size(max = 32) String park,
            @NotBlank @Size(max = 64) String code,
            @NotNull @Min(1) @Max(1000) Integer count,
            @Size(max = 500) String note) {}

    @GET
    @Path("/assessment-schemes")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "Every scheme version", description = "The shipped scheme is 'default' version 1.")
    public List<SchemeService.Stored> schemes() {
        return schemes.all();
    }

    @GET
    @Path("/assessment-schemes/{code}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "A scheme's latest version, or the one asked for with ?version=")
    public SchemeService.Stored scheme(@PathParam("code") String code, @QueryParam("version") Integer version) {
        return version == null ? schemes.latest(code) : schemes.get(code, version);
    }

    @POST
    @Path("/assessment-schemes/{code}")
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Save a new version of a scheme",
            description = "Dimensions of items (figure, weight, rule and its "
                    + "parameters), adjustments and tiers; docs/assessment.md explains each. Refused with 422 listing every field that "
                    + "does not add up: weights not summing to 100, unknown figures or indicators, a rule that does not fit its figure, "
                    + "overlapping or incomplete tiers, duplicate codes. Earlier versions stay as they were.")
    public Response saveScheme(@PathParam("code") String code, @NotNull Scheme body) {
        SchemeService.Stored s = schemes.create(code, body, caller.user());
        return Response.created(URI.create("/api/v1/assessment-schemes/" + code + "?version=" + s.version()))
                .entity(s)
                .build();
    }

    @POST
    @Path("/assessments")
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Run the assessment of a quarter",
            description = "quarter YYYY-Qn, after it has ended (422 before). "
                    + "Uses the latest version of the scheme named (default: 'default') and the figures as of the quarter's last month. "
                    + "A published quarter is refused with 409 unless a reason is given: then a new revision is stored beside the old. "
                    + "Publishes assessment-published and quarter-closed on parkpulse.assessments.")
    public Response run(@Valid @NotNull RunRequest body) {
        AssessmentService.Run run =
                assessments.run(body.quarter(), body.scheme(), "MANUAL", body.reason(), caller.user());
        return Response.created(URI.create("/api/v1/assessments/" + run.quarter() + "?revision=" + run.revision()))
                .entity(run)
                .build();
    }

    @POST
    @Path("/assessments/preview")
    @ReadsReadModel
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST})
    @Operation(
            summary = "Score a quarter without publishing",
            description = "What a run would give now, from the current read "
                    + "model and the latest scheme version: nothing is stored or published. reason is ignored.")
    public java.util.List<io.parkpulse.reporting.domain.Scoring.ParkResult> preview(@Valid @NotNull RunRequest body) {
        return assessments.preview(body.quarter(), body.scheme());
    }

    @GET
    @Path("/assessments")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "Every run and revision, newest first (without results)")
    public List<AssessmentService.Run> runs() {
        return assessments.list();
    }

    @GET
    @Path("/assessments/{quarter}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "A quarter's results",
            description =
                    "The latest revision, or ?revision=n. Per park: total, rank, rank "
                            + "change on the previous quarter, tier, and the breakdown by dimension and item with the input values used.")
    public AssessmentService.Run results(
            @PathParam("quarter") String quarter, @QueryParam("revision") Integer revision) {
        AssessmentService.lastMonth(quarter, "quarter");
        AssessmentService.Run run = revision == null ? assessments.latest(quarter) : assessments.get(quarter, revision);
        if (run == null) {
            String what = quarter + (revision == null ? "" : " revision " + revision);
            throw new ProblemException(
                    404,
                    "not_found",
                    ExportNames.period(quarter) + (revision == null ? "尚无考核结果" : "没有第" + revision + "次发布的考核结果"),
                    "assessment '" + what + "' does not exist",
                    List.of(),
                    null);
        }
        return run;
    }

    @GET
    @Path("/assessment-history/{park}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "A park's assessment ranks, quarter by quarter",
            description = "Newest quarter first, each from its latest revision: rank (null when disqualified), "
                    + "how many parks were ranked, total, tier and rank change. Empty for a park never assessed. "
                    + "Park staff are refused like every assessment read: the results are the bureau's to publish.")
    public List<AssessmentService.ParkQuarter> parkHistory(@PathParam("park") @Size(max = 32) String park) {
        return assessments.parkHistory(park);
    }

    @GET
    @Path("/assessments/{quarter}/export")
    @Produces(Downloads.XLSX)
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "A quarter's results as XLSX",
            description = "Two sheets with Chinese headers and units: 考核排名 (rank, "
                    + "park, total, tier, change) and 得分明细 (every item's figure by its Chinese name, rule, weight, unit, input, "
                    + "reference and score, and the adjustments), numbers as numeric cells, A4 landscape. The latest revision, or "
                    + "?revision=n. Named assessment-2026-Q3-r1.xlsx, filename* 园区综合考核结果_2026年第三季度_第1次发布.xlsx.")
    public Response export(@PathParam("quarter") String quarter, @QueryParam("revision") Integer revision) {
        AssessmentService.Run run = results(quarter, revision);
        Exports.Download file = exports.assessment(run);
        return Response.ok(file.body())
                .header("Content-Disposition", Downloads.attachment(file.asciiName(), file.chineseName()))
                .build();
    }

    @GET
    @Path("/assessments/{quarter}/adjustments")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "Bonuses, deductions and disqualifying events recorded for a quarter")
    public List<AssessmentService.AdjustmentEntry> adjustments(@PathParam("quarter") String quarter) {
        AssessmentService.lastMonth(quarter, "quarter");
        return assessments.adjustments(quarter);
    }

    @PUT
    @Path("/assessments/{quarter}/adjustments")
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Record a quarter's adjustments",
            description =
                    "Replaces the list: each entry a park, an adjustment "
                            + "code of the default scheme (e.g. safety_accident) and how many times. They count in the quarter's next run or revision.")
    public List<AssessmentService.AdjustmentEntry> setAdjustments(
            @PathParam("quarter") String quarter,
            @NotNull @Size(max = 1000) List<@Valid @NotNull AdjustmentRequest> body) {
        return assessments.setAdjustments(
                quarter,
                body.stream()
                        .map(a -> new AssessmentService.AdjustmentEntry(a.park(), a.code(), a.count(), a.note()))
                        .toList());
    }
}
