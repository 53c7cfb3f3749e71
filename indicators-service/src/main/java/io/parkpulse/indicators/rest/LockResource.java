package io.parkpulse.indicators.rest;

import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.service.LockService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/locks")
@Tag(name = "Locks", description = "Months locked by a published assessment, and correction windows")
@Produces(MediaType.APPLICATION_JSON)
public class LockResource {

    @Inject
    LockService locks;

    public record LockView(String period, String quarter, UUID assessmentId, int revision, OffsetDateTime lockedAt) {}

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "Locked months", description = "Each locked by the publication of its quarter's assessment.")
    public List<LockView> locks() {
        return locks.all().stream()
                .map(l -> new LockView(l.period, l.quarter, l.assessmentId, l.revision, l.lockedAt))
                .toList();
    }
}
