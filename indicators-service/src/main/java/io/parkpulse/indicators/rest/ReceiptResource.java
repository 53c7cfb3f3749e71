package io.parkpulse.indicators.rest;

import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.ReportReceived;
import io.parkpulse.indicators.service.ReceiptService;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parks/{park}/receipts")
@Tag(name = "City", description = "Across parks: the city table and reporting completeness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReceiptResource {

    @Inject
    ReceiptService receipts;

    @Inject
    Caller caller;

    public record Receipt(LocalDate receivedOn, String note) {}

    public record ReceiptView(
            String park,
            String period,
            LocalDate receivedOn,
            String note,
            long version,
            String recordedBy,
            OffsetDateTime recordedAt) {

        static ReceiptView of(ReportReceived r) {
            return new ReceiptView(
                    r.id.park(), r.id.period(), r.receivedOn, r.note, r.version, r.recordedBy, r.recordedAt);
        }
    }

    @PUT
    @Path("/{period}")
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(
            summary = "Register the day the bureau received a park's monthly report (报表签收登记)",
            description =
                    "For reports that arrive on paper or by mail. receivedOn (YYYY-MM-DD) may not be after today nor "
                            + "before the month reported; note says how it arrived (at most 500 characters). Completeness judges "
                            + "'on time' on the earlier of this day and the moment the values were first stored. A second "
                            + "registration replaces the first as a new version.")
    public ReceiptView record(
            @PathParam("park") String park, @PathParam("period") String period, @Valid @NotNull Receipt body) {
        return ReceiptView.of(receipts.record(park, period, body.receivedOn(), body.note(), caller.user()));
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "The registered receipts of a park's monthly reports, oldest month first")
    public List<ReceiptView> list(@PathParam("park") String park) {
        caller.requirePark(park);
        return receipts.list(park).stream().map(ReceiptView::of).toList();
    }
}
