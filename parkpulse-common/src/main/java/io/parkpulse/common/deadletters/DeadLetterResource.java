package io.parkpulse.common.deadletters;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The records this service's consumer could not apply (docs/operations.md, "死信处理 / Dead letters"), in every
 * service that consumes events. Reading needs the same roles as the messaging counters; resolving one is the
 * bureau administrator's.
 */
@Path("/api/v1/operations/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    /** Why a dead letter is given up: kept on it for good. */
    public record Discard(
            @NotBlank @Size(max = DeadLetters.MAX_REASON) String reason) {}

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SERVICE})
    @Operation(
            summary = "Dead letters, newest first",
            description = "Each with its topic, key, event type, error, first and last attempt, attempts and the"
                    + " payload as it was read; status=OPEN (waiting), REPROCESSED or DISCARDED, topic=a topic name.")
    public Page<DeadLetters.View> list(
            @QueryParam("status")
                    @Pattern(
                            regexp = "(?i)open|reprocessed|discarded",
                            message = "{parkpulse.choice.dead-letter-status}")
                    String status,
            @QueryParam("topic") @Size(max = 200) String topic,
            @Valid @BeanParam PageRequest page) {
        return deadLetters.list(
                status == null ? null : DeadLetterStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                topic == null || topic.isBlank() ? null : topic.strip(),
                page.page,
                page.size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.SERVICE})
    @Operation(summary = "One dead letter, with its headers and payload")
    public DeadLetters.View get(@PathParam("id") long id) {
        return deadLetters.get(id);
    }

    @POST
    @Path("/{id}/reprocess")
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Apply a dead letter again, once its cause is fixed",
            description = "Runs the stored record through the consumer's handlers, in one transaction with the"
                    + " processed-event mark: an event applied meanwhile is not applied twice (ALREADY_APPLIED)."
                    + " Still failing: 422, the dead letter stays OPEN with the new error. Discarded: 409.")
    public DeadLetters.Outcome reprocess(@PathParam("id") long id) {
        return deadLetters.reprocess(id, caller.user());
    }

    @POST
    @Path("/reprocess")
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Apply every open dead letter again (of one topic, or all)",
            description = "Oldest first, each in its own transaction; answers how many succeeded and failed, and the"
                    + " ids (up to 100) still open.")
    public DeadLetters.Summary reprocessAll(@QueryParam("topic") @Size(max = 200) String topic) {
        return deadLetters.reprocessAll(topic == null || topic.isBlank() ? null : topic.strip(), caller.user());
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Give a dead letter up, with the reason",
            description = "Only an OPEN one (409 otherwise). Who, when and why stay on the dead letter, which is"
                    + " never deleted.")
    public DeadLetters.View discard(@PathParam("id") long id, @Valid @NotNull Discard body) {
        return deadLetters.discard(id, caller.user(), body.reason());
    }
}
