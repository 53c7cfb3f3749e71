package io.parkpulse.indicators.rest;

import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.CorrectionWindow;
import io.parkpulse.indicators.service.CorrectionService;
import io.parkpulse.indicators.service.ParkService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parks/{park}/corrections")
@Tag(name = "Locks", description = "Months locked by a published assessment, and correction windows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CorrectionResource {

    @Inject
    CorrectionService corrections;

    @Inject
    ParkService parks;

    @Inject
    Caller caller;

    public record OpenWindow(String period, String reason, Integer hours) {}

    public record WindowView(
            long id,
            String park,
            String period,
            String reason,
            String openedBy,
            OffsetDateTime openedAt,
            OffsetDateTime expiresAt,
            String closedBy,
            OffsetDateTime closedAt) {

        static WindowView of(CorrectionWindow w) {
            return new WindowView(
                    w.id, w.park, w.period, w.reason, w.openedBy, w.openedAt, w.expiresAt, w.closedBy, w.closedAt);
        }
    }

    @POST
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(
            summary = "Open a correction window for one park and locked month",
            description =
                    "hours: default 72, at most 720. Values written meanwhile are recorded with source CORRECTION.")
    public Response open(@PathParam("park") String park, @Valid @NotNull OpenWindow body) {
        return Response.status(201)
                .entity(WindowView.of(
                        corrections.open(park, body.period(), body.reason(), body.hours(), caller.user())))
                .build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(summary = "Close a correction window early")
    public WindowView close(@PathParam("park") String park, @PathParam("id") long id) {
        return WindowView.of(corrections.close(park, id, caller.user()));
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "A park's correction windows, open and past")
    public List<WindowView> list(@PathParam("park") String park) {
        caller.requirePark(park);
        return corrections.list(park).stream().map(WindowView::of).toList();
    }
}
