package io.parkpulse.investment.rest;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Filters;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import io.parkpulse.investment.service.LeadService;
import io.parkpulse.investment.service.PipelineFigures;
import io.quarkus.panache.common.Sort;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads")
@Tag(name = "Leads", description = "Investment-attraction leads (招商线索) and their pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject
    LeadService leads;

    @Inject
    PipelineFigures figures;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Register a lead",
            description =
                    "Starts in stage 线索 (LEAD) on identifiedOn (the day the lead was found; default today, never in the future). The park must be in the registry. "
                            + "Publishes lead-registered.")
    public Response register(@Valid @NotNull LeadDtos.RegisterLead body) {
        String park = caller.parkForWrite(body.park(), "park");
        Lead l = leads.register(park, body.description(), body.identifiedOn(), caller.user());
        return Response.created(URI.create("/api/v1/leads/" + l.id))
                .entity(LeadDtos.LeadView.of(l))
                .build();
    }

    @GET
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "List leads",
            description = "Filters: park, stage. Park staff see their own park's leads only. "
                    + "sort: createdAt, park, projectName, intendedInvestment, stage (prefix - for descending).")
    public Page<LeadDtos.LeadView> list(
            @QueryParam("park") String park,
            @QueryParam("stage") String stageName,
            @Valid @BeanParam PageRequest page) {
        String scope = caller.parkScope(park);
        LeadStage stage = Filters.oneOf(LeadStage.class, stageName, "stage");
        Sort sort = page.sort(
                Map.of(
                        "createdAt",
                        "createdAt",
                        "park",
                        "park",
                        "projectName",
                        "projectName",
                        "intendedInvestment",
                        "intendedInvestment",
                        "stage",
                        "stage"),
                "createdAt",
                "id");
        return Page.of(leads.search(scope, stage, sort), page, LeadDtos.LeadView::of);
    }

    @GET
    @Path("/stale")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "Stale leads",
            description = "Open leads untouched (no stage change, linked activity or edit) for longer "
                    + "than their stage allows (parkpulse.investment.stale-days: lead 30, negotiating 60, signed 90), most idle first. "
                    + "Park staff see their own park.")
    public List<PipelineFigures.Stale> stale(@QueryParam("park") String park) {
        return figures.stale(caller.parkScope(park));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "One lead", description = "With the transitions allowed now.")
    public LeadDtos.LeadView get(@PathParam("id") UUID id) {
        return LeadDtos.LeadView.of(visible(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Edit a lead",
            description = "Send the version you read: a stale one is refused with 409. The "
                    + "stage and what a stage records change through transitions. Publishes lead-updated.")
    public LeadDtos.LeadView update(@PathParam("id") UUID id, @Valid @NotNull LeadDtos.UpdateLead body) {
        visible(id);
        return LeadDtos.LeadView.of(leads.update(id, body.description(), body.version()));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN})
    @Operation(
            summary = "Move a lead through the pipeline",
            description = "to: NEGOTIATING, SIGNED (needs on, agreementType "
                    + "and contractedInvestment), LANDED (landSupplied says whether land was supplied), DROPPED (dropReason; OTHER "
                    + "needs a note). on: the date (default today; never in the future or before the current stage began). An "
                    + "illegal move is 409 listing the allowed ones. Publishes lead-stage-changed; LANDED makes projects-service "
                    + "create the project.")
    public LeadDtos.LeadView transition(@PathParam("id") UUID id, @Valid @NotNull LeadDtos.TransitionRequest body) {
        visible(id);
        return LeadDtos.LeadView.of(leads.transition(
                id,
                new LeadService.Transition(
                        body.to(),
                        body.on(),
                        body.agreementType(),
                        body.contractedInvestment(),
                        body.landSupplied(),
                        body.dropReason(),
                        body.note(),
                        body.version()),
                caller.user()));
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({Roles.PARK_STAFF, Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(
            summary = "The lead's pipeline history",
            description =
                    "Every stage change with its date, note, who recorded it and when, and the days the lead spent in that stage (to today for the current open stage).")
    public List<LeadDtos.TransitionView> history(@PathParam("id") UUID id) {
        visible(id);
        List<io.parkpulse.investment.domain.LeadStageChange> changes = leads.history(id);
        List<LeadDtos.TransitionView> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            boolean last = i == changes.size() - 1;
            java.time.LocalDate until =
                    last ? io.parkpulse.common.periods.CityTime.today() : changes.get(i + 1).changedOn;
            Long days = last && !changes.get(i).toStage.isOpen()
                    ? null
                    : java.time.temporal.ChronoUnit.DAYS.between(changes.get(i).changedOn, until);
            out.add(LeadDtos.TransitionView.of(changes.get(i), days));
        }
        return out;
    }

    private Lead visible(UUID id) {
        Lead l = Lead.findById(id);
        // Caller.visible's rule (another park's lead is the same 404 as none), naming the lead in both languages.
        if (l == null || !caller.maySee(l.park)) {
            throw ProblemException.notFound("线索", "lead", String.valueOf(id));
        }
        return l;
    }
}
