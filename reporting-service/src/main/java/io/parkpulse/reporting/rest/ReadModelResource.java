package io.parkpulse.reporting.rest;

import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.service.ReadModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/read-model")
@Tag(name = "Read model", description = "What reporting-service has built from the events, and rebuilding it")
@Produces(MediaType.APPLICATION_JSON)
public class ReadModelResource {

    @Inject
    ReadModel readModel;

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SERVICE})
    @Operation(summary = "Rows per read-model table and events processed")
    public Map<String, Long> counts() {
        return readModel.counts();
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Drop the read model and replay every topic from the start",
            description =
                    "Answers 202 once the replay "
                            + "has begun; rankings fill up again as it proceeds (watch GET /api/v1/read-model). Published assessment results are "
                            + "kept. Run it with a single reporting-service instance: each instance replays the partitions it is assigned.")
    public Response rebuild() {
        readModel.rebuild();
        return Response.accepted(readModel.counts()).build();
    }
}
