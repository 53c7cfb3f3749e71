package io.parkpulse.common.republish;

import io.parkpulse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service publishes its own states again on request (docs/operations.md, "Kafka history lost"). */
@Path("/api/v1/operations/republish")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class RepublishResource {

    @Inject
    Republisher republisher;

    @POST
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Publish the current state of everything this service owns again",
            description = "As the events it publishes on every change (full states with their versions), written"
                    + " through the outbox 500 rows per transaction, in the background: answers 202 with the run's"
                    + " progress (a run already under way is answered, not started twice). Consumers apply only"
                    + " newer versions, so running it again is harmless.")
    public Response republish() {
        return Response.accepted(republisher.start()).build();
    }

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SERVICE})
    @Operation(
            summary = "The latest re-publishing run",
            description = "RUNNING, DONE or FAILED (IDLE when none ran since start), with the rows read per kind of"
                    + " state and the events written per type.")
    public Republisher.Progress progress() {
        return republisher.progress();
    }
}
