package io.parkpulse.indicators.rest;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.ParkLand;
import io.parkpulse.indicators.service.ParkService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parks")
@Tag(name = "Parks", description = "The park registry (园区名录)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParkResource {

    @Inject
    ParkService parks;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(summary = "Register a park", description = "Publishes parkpulse.parks.park-registered.v1.")
    public Response register(@Valid @NotNull ParkDtos.RegisterPark body) {
        Park p = parks.register(
                new ParkService.NewPark(
                        body.code(),
                        body.name(),
                        body.level(),
                        body.kind(),
                        body.district(),
                        body.plannedAreaKm2(),
                        body.developedLandMu(),
                        body.landEffectiveFrom(),
                        body.peerGroup()),
                caller.user());
        return Response.created(URI.create("/api/v1/parks/" + p.code))
                .entity(ParkDtos.ParkView.of(p, currentLand(p.code)))
                .build();
    }

    @GET
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF, Roles.SERVICE})
    @Operation(summary = "List parks", description = "Everyone may read the registry.")
    public Page<ParkDtos.ParkView> list(@Valid @BeanParam PageRequest page) {
        return parks.list(page, p -> ParkDtos.ParkView.of(p, currentLand(p.code)));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF, Roles.SERVICE})
    @Operation(summary = "One park")
    public ParkDtos.ParkView get(@PathParam("code") String code) {
        Park p = parks.require(code);
        return ParkDtos.ParkView.of(p, currentLand(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(
            summary = "Change a park",
            description =
                    "Send the version you read; a stale one is refused (409). Publishes parkpulse.parks.park-updated.v1.")
    public ParkDtos.ParkView update(@PathParam("code") String code, @Valid @NotNull ParkDtos.UpdatePark body) {
        Park p = parks.update(
                code,
                new ParkService.ParkChange(
                        body.name(),
                        body.level(),
                        body.kind(),
                        body.district(),
                        body.plannedAreaKm2(),
                        body.peerGroup(),
                        body.status(),
                        body.version()),
                caller.user());
        return ParkDtos.ParkView.of(p, currentLand(code));
    }

    @POST
    @Path("/{code}/land")
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(
            summary = "Record developed industrial land from a date",
            description = "Per-mu figures of later months use it. Publishes parkpulse.parks.park-updated.v1.")
    public ParkDtos.ParkView setLand(@PathParam("code") String code, @Valid @NotNull ParkDtos.SetLand body) {
        Park p = parks.setLand(code, body.effectiveFrom(), body.developedLandMu(), caller.user());
        return ParkDtos.ParkView.of(p, currentLand(code));
    }

    @GET
    @Path("/{code}/land")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF, Roles.SERVICE})
    @Operation(summary = "A park's developed land over time")
    public java.util.List<ParkDtos.LandView> land(@PathParam("code") String code) {
        return parks.landHistory(code).stream()
                .map(l -> new ParkDtos.LandView(l.id.effectiveFrom(), l.developedLandMu))
                .toList();
    }

    private ParkLand currentLand(String code) {
        return parks.currentLand(code);
    }
}
