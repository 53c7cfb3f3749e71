package io.parkpulse.indicators.rest;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.FlagStatus;
import io.parkpulse.indicators.service.FlagService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api/v1/flags")
@Tag(name = "Review flags", description = "Values stored but flagged as suspicious (数据核查)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FlagResource {

    @Inject
    FlagService flags;

    @Inject
    Caller caller;

    public record Clear(String note) {}

    public record Explain(String explanation) {}

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Review flags",
            description = "status=open (default: not yet cleared or superseded, whether explained or not), cleared"
                    + " (closed either way) or all; park staff see their own park's.")
    public Page<ValueDtos.FlagView> list(
            @QueryParam("park") String park,
            @QueryParam("status")
                    @DefaultValue("open")
                    @Pattern(regexp = "open|cleared|all", message = "{parkpulse.choice.flag-state}")
                    String status,
            @Valid @BeanParam PageRequest page) {
        String scope = caller.parkScope(park);
        return flags.list(scope, FlagStatus.valueOf(status.toUpperCase(Locale.ROOT)), page, ValueDtos.FlagView::of);
    }

    @POST
    @Path("/{id}/explain")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Explain a flagged value (说明)",
            description = "The park says why the value is right; the bureau then clears the flag or rejects the"
                    + " explanation. Possible while the flag is open or its explanation was rejected.")
    public ValueDtos.FlagView explain(@PathParam("id") long id, @Valid @NotNull Explain body) {
        return ValueDtos.FlagView.of(flags.explain(id, body.explanation(), caller.user()));
    }

    @POST
    @Path("/{id}/clear")
    @RolesAllowed({Roles.BUREAU_ANALYST, Roles.BUREAU_ADMIN})
    @Operation(summary = "Clear a flag", description = "The value was checked and stands; the note says why.")
    public ValueDtos.FlagView clear(@PathParam("id") long id, @Valid @NotNull Clear body) {
        return ValueDtos.FlagView.of(flags.clear(id, body.note(), caller.user()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.BUREAU_ANALYST, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Reject a flagged value's explanation",
            description = "The park must explain again or correct the value; the note says what is missing."
                    + " A corrected value closes the flag by itself.")
    public ValueDtos.FlagView reject(@PathParam("id") long id, @Valid @NotNull Clear body) {
        return ValueDtos.FlagView.of(flags.reject(id, body.note(), caller.user()));
    }
}
