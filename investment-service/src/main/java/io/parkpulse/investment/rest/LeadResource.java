package io.parkpulse.investment.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.service.LeadService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads")
@Tag(name = "Leads", description = "Investment-attraction leads (招商线索)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject
    LeadService leads;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.PARK_STAFF, Roles.BUREAU_ADMIN })
    @Operation(summary = "Register a lead", description = "The park must be in the registry. Publishes parkpulse.investment.lead-registered.v1.")
    public Response register(@Valid @NotNull LeadDtos.RegisterLead body) {
        String park = caller.parkForWrite(body.park(), "park");
        Lead l = leads.register(new LeadService.NewLead(park, body.projectName(), body.investor(), body.capitalOrigin(), body.industry(),
                body.intendedInvestment()), caller.user());
        return Response.created(URI.create("/api/v1/leads/" + l.id)).entity(LeadDtos.LeadView.of(l)).build();
    }

    @GET
    @RolesAllowed({ Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE })
    @Operation(summary = "List leads", description = "Park staff see their own park's leads only.")
    public Page<LeadDtos.LeadView> list(@QueryParam("park") String park, @Valid @BeanParam PageRequest page) {
        String scope = caller.parkScope(park);
        Sort sort = page.sort(java.util.Map.of("createdAt", "createdAt", "park", "park", "projectName", "projectName", "intendedInvestment", "intendedInvestment", "stage", "stage"),
                "createdAt", "id");
        PanacheQuery<Lead> query = scope == null
                ? Lead.findAll(sort)
                : Lead.find("park = :park", sort, Parameters.with("park", scope));
        return Page.of(query, page, LeadDtos.LeadView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE })
    @Operation(summary = "One lead")
    public LeadDtos.LeadView get(@PathParam("id") UUID id) {
        Lead p = Lead.findById(id);
        if (p == null) {
            throw ProblemException.notFound("lead", id.toString());
        }
        caller.requirePark(p.park);
        return LeadDtos.LeadView.of(p);
    }
}
