package io.parkpulse.indicators.rest;

import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.Direction;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorKind;
import io.parkpulse.indicators.domain.IndicatorStatus;
import io.parkpulse.indicators.service.CatalogService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Tag(name = "Indicators", description = "The indicator catalog (指标目录)")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    public record IndicatorView(
            String code,
            String nameZh,
            String nameEn,
            String unit,
            IndicatorKind kind,
            Direction direction,
            boolean allowNegative,
            int decimals,
            boolean mandatory,
            IndicatorStatus status) {}

    @Inject
    CatalogService catalog;

    public record DefineIndicator(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,63}", message = "{parkpulse.code.indicator}")
            String code,

            @NotBlank @Size(max = 100) String nameZh,
            @NotBlank @Size(max = 200) String nameEn,
            @NotBlank @Size(max = 32) String unit,

            @NotNull IndicatorKind kind,
            @NotNull Direction direction,

            boolean allowNegative,
            @Min(0) @Max(6) int decimals,
            boolean mandatory) {}

    @POST
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add an indicator to the catalog",
            description = "Publishes parkpulse.indicators.indicator-defined.v1.")
    public Response define(@Valid @NotNull DefineIndicator body) {
        Indicator i = new Indicator();
        i.code = body.code();
        i.nameZh = body.nameZh();
        i.nameEn = body.nameEn();
        i.unit = body.unit();
        i.kind = body.kind();
        i.direction = body.direction();
        i.allowNegative = body.allowNegative();
        i.decimals = (short) body.decimals();
        i.mandatory = body.mandatory();
        return Response.status(201).entity(view(catalog.define(i))).build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed(Roles.BUREAU_ADMIN)
    @Operation(
            summary = "Retire an indicator",
            description =
                    "Its values stay readable; new values are refused. Publishes parkpulse.indicators.indicator-retired.v1.")
    public IndicatorView retire(@PathParam("code") String code) {
        return view(catalog.retire(code));
    }

    static IndicatorView view(Indicator i) {
        return new IndicatorView(
                i.code,
                i.nameZh,
                i.nameEn,
                i.unit,
                i.kind,
                i.direction,
                i.allowNegative,
                i.decimals,
                i.mandatory,
                i.status);
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The indicator catalog",
            description = "Codes, Chinese and English names, canonical units and kinds.")
    public List<IndicatorView> list() {
        return catalog.list().stream().map(IndicatorResource::view).toList();
    }
}
