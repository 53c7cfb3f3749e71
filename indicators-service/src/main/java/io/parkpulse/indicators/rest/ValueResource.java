package io.parkpulse.indicators.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.error.ProblemMappers;
import io.parkpulse.common.idempotency.IdempotencyStore;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.service.BatchService;
import io.parkpulse.indicators.service.ParkService;
import io.parkpulse.indicators.service.SpreadsheetService;
import io.parkpulse.indicators.service.ValueHistoryService;
import io.parkpulse.indicators.service.ValueService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parks/{park}/values")
@Tag(name = "Values", description = "Monthly indicator values (月度经济指标)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ValueResource {

    @Inject
    ValueService values;

    @Inject
    ValueHistoryService reads;

    @Inject
    ParkService parks;

    @Inject
    BatchService batches;

    @Inject
    SpreadsheetService spreadsheets;

    @Inject
    Caller caller;

    @PUT
    @Path("/{period}/{indicator}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Report one value for a month",
            description =
                    "Cumulative indicators are reported year to date. Publishes parkpulse.indicators.value-recorded.v1 when the value changes.")
    public ValueDtos.ValueView record(
            @PathParam("park") String park,
            @PathParam("period") String period,
            @PathParam("indicator") String indicator,
            @Valid @NotNull ValueDtos.RecordValue body) {
        caller.requirePark(park);
        ValueService.Recorded r =
                values.record(park, period, indicator, body.value(), body.unit(), caller.user(), "API");
        return ValueDtos.ValueView.of(
                r.value(),
                r.indicator(),
                r.outcome().name().toLowerCase(),
                r.flags().stream().map(ValueDtos.FlagView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Report a month's values (or several months') in one batch",
            description =
                    "period names the month of every row; a row may name its own period instead (a year of history in one request, "
                            + "at most 1000 rows; months are checked oldest first). Each row gets its own outcome (imported, updated, unchanged, rejected with a code); the summary counts them. "
                            + "dryRun=true validates without storing; atomic=true stores nothing unless every row is accepted (422 batch_rejected). "
                            + "An Idempotency-Key header makes a repeated request return the first answer.")
    public Response batch(
            @PathParam("park") String park,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("atomic") @DefaultValue("false") boolean atomic,
            @HeaderParam(IdempotencyStore.HEADER) String idempotencyKey,
            @Context HttpHeaders headers,
            @Valid @NotNull ValueDtos.Batch body) {
        caller.requirePark(park);
        BatchService.Answer a = batches.submit(
                park,
                body.period(),
                body.rows(),
                dryRun,
                atomic,
                caller.user(),
                "API",
                idempotencyKey,
                ProblemMappers.prefersEnglish(headers));
        return Response.status(a.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(a.storedBody() != null ? a.storedBody() : a.result())
                .build();
    }

    @POST
    @Path("/file")
    @Consumes({"text/csv", SpreadsheetService.XLSX})
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Report a month's values as a CSV or XLSX file",
            description =
                    "Columns indicator, value and optionally unit (or 指标代码, 本期数值, 单位) in the first row; the downloaded template "
                            + "works as it is. period=YYYY-MM names the month unless every row has one in a period (报告期) column; dryRun, atomic and Idempotency-Key as for the JSON batch. Values are recorded with source FILE.")
    public Response file(
            @PathParam("park") String park,
            @QueryParam("period") String period,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("atomic") @DefaultValue("false") boolean atomic,
            @HeaderParam(IdempotencyStore.HEADER) String idempotencyKey,
            @HeaderParam("Content-Type") String contentType,
            @Context HttpHeaders headers,
            byte[] body) {
        caller.requirePark(park);
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest(
                    "body", "required", "请上传 CSV 或 XLSX 格式的报表文件", "upload a CSV or XLSX file");
        }
        var rows = contentType != null && contentType.startsWith("text/csv")
                ? spreadsheets.readCsv(body)
                : spreadsheets.readXlsx(body);
        BatchService.Answer a = batches.submitRows(
                park,
                period,
                rows,
                dryRun,
                atomic,
                caller.user(),
                "FILE",
                idempotencyKey,
                ProblemMappers.prefersEnglish(headers));
        return Response.status(a.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(a.storedBody() != null ? a.storedBody() : a.result())
                .build();
    }

    @GET
    @Path("/template")
    @Produces(SpreadsheetService.XLSX)
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "The month's XLSX template",
            description =
                    "Every active indicator with its unit, last year's figure and last month's; fill in the value column and upload it.")
    public Response template(@PathParam("park") String park, @QueryParam("period") String period) {
        caller.requirePark(park);
        byte[] xlsx = spreadsheets.template(park, period);
        return Response.ok(xlsx, SpreadsheetService.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + park + "-" + period + ".xlsx\"")
                .build();
    }

    @GET
    @Path("/audit")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Every change of a park's values",
            description = "Newest first; filter by indicator and month range (YYYY-MM).")
    public Page<ValueDtos.AuditView> audit(
            @PathParam("park") String park,
            @QueryParam("indicator") String indicator,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Valid @BeanParam PageRequest page) {
        caller.requirePark(park);
        return reads.audit(park, indicator, from, to, page, ValueDtos.AuditView::of);
    }

    @GET
    @Path("/{period}/{indicator}/history")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Every change of one value",
            description = "Who changed it (from the token), when, old and new value, and how (API, FILE, CORRECTION).")
    public java.util.List<ValueDtos.AuditView> history(
            @PathParam("park") String park,
            @PathParam("period") String period,
            @PathParam("indicator") String indicator) {
        caller.requirePark(park);
        return reads.history(park, period, indicator).stream()
                .map(ValueDtos.AuditView::of)
                .toList();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "A park's values",
            description = "Filter by indicator and by month range (YYYY-MM, inclusive).")
    public Page<ValueDtos.ValueView> list(
            @PathParam("park") String park,
            @QueryParam("indicator") String indicator,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Valid @BeanParam PageRequest page) {
        caller.requirePark(park);
        return reads.list(park, indicator, from, to, page, (v, i) -> ValueDtos.ValueView.of(v.row(), i, null, null));
    }
}
