package io.parkpulse.reporting.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.service.ReadModel;
import io.parkpulse.reporting.service.Rebuilds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/read-model")
@Tag(name = "Read model", description = "What reporting-service has built from the events, and rebuilding it")
@Produces(MediaType.APPLICATION_JSON)
public class ReadModelResource {

    @Inject
    ReadModel readModel;

    @Inject
    Rebuilds rebuilds;

    @Inject
    Caller caller;

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
            summary = "Drop the read model and replay every topic from the start, once for all instances",
            description = "Answers 202 with the rebuild's status (Location: /api/v1/read-model/rebuilds/{id}) once "
                    + "this instance has claimed it and emptied the read model; it then reads every partition of "
                    + "every topic up to the ends captured at its start, while the consumers of every instance "
                    + "wait. Meanwhile reads of the read model answer 503 with Retry-After and assessment runs "
                    + "409. A second request while one runs answers 409 rebuild_running with the running one's "
                    + "status in context. Published assessment results are kept.")
    public Response rebuild() {
        Rebuilds.Status started = rebuilds.start(caller.user());
        return Response.accepted(started)
                .location(URI.create("/api/v1/read-model/rebuilds/" + started.id()))
                .build();
    }

    @GET
    @Path("/rebuilds")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SERVICE})
    @Operation(
            summary = "The last twenty rebuilds, newest first",
            description = "Each with its state (RUNNING, DONE, FAILED), the instance doing it, events replayed "
                    + "per topic against the total captured at its start, and its report: events applied, "
                    + "duplicates skipped, records dead-lettered while it ran, duration.")
    public List<Rebuilds.Status> list() {
        return rebuilds.recent();
    }

    @GET
    @Path("/rebuilds/{id}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SERVICE})
    @Operation(summary = "One rebuild's state, progress and report")
    public Rebuilds.Status one(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("数据重建", "rebuild", id);
        }
        return rebuilds.status(uuid).orElseThrow(() -> ProblemException.notFound("数据重建", "rebuild", id));
    }
}
