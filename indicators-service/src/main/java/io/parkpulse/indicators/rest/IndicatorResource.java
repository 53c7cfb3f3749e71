package io.parkpulse.indicators.rest;

import io.parkpulse.common.security.Roles;
import io.parkpulse.indicators.domain.Indicator;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Tag(name = "Indicators", description = "The indicator catalog (指标目录)")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    public record IndicatorView(String code, String nameZh, String nameEn, String unit, String kind,
            String direction, boolean allowNegative, int decimals, boolean mandatory, String status) {
    }

    @GET
    @RolesAllowed({ Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE })
    @Operation(summary = "The indicator catalog", description = "Codes, Chinese and English names, canonical units and kinds.")
    public List<IndicatorView> list() {
        return Indicator.<Indicator>listAll(Sort.by("sortOrder")).stream()
                .map(i -> new IndicatorView(i.code, i.nameZh, i.nameEn, i.unit, i.kind, i.direction, i.allowNegative,
                        i.decimals, i.mandatory, i.status))
                .toList();
    }
}
