package io.parkpulse.reporting.rest;

import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.security.Caller;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.service.SummaryNotes;
import io.parkpulse.reporting.service.SummaryNotes.Note;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The written sections of a summary (主要工作及成效, 存在的问题和建议, 下步工作打算): the park office writes its
 * park's, the bureau the city's (and may edit a park's); the summary prints the latest version.
 */
@Path("/api/v1/summaries")
@Tag(name = "Summaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SummaryNoteResource {

    static final String SECTIONS = " section: HIGHLIGHTS (主要工作及成效), ISSUES (存在的问题和建议) or NEXT_STEPS (下步工作打算);"
            + " period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY, as for the summary.";

    @Inject
    SummaryNotes notes;

    @Inject
    Caller caller;

    /** {@code version} is the version the writer read, 0 for a section nobody has written yet. */
    public record Write(String text, Integer version) {}

    @GET
    @Path("/city/notes")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "The city summary's written sections, latest versions")
    public List<Note> city(@QueryParam("period") String period) {
        return notes.current(SummaryNotes.CITY, ReportingPeriod.parse(period, "period"));
    }

    @PUT
    @Path("/city/notes/{section}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST})
    @Operation(
            summary = "Write a section of the city summary",
            description = "Saved as a new version; 409 stale_version when someone saved since you read it." + SECTIONS)
    public Note writeCity(
            @PathParam("section") String section, @QueryParam("period") String period, @NotNull Write body) {
        return notes.write(
                SummaryNotes.CITY,
                ReportingPeriod.parse(period, "period"),
                section,
                body.text(),
                body.version(),
                caller.user());
    }

    @GET
    @Path("/city/notes/{section}/history")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE})
    @Operation(summary = "Every version of a section of the city summary, newest first")
    public List<Note> cityHistory(@PathParam("section") String section, @QueryParam("period") String period) {
        return notes.history(SummaryNotes.CITY, ReportingPeriod.parse(period, "period"), section);
    }

    @GET
    @Path("/parks/{park}/notes")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE, Roles.PARK_STAFF})
    @Operation(summary = "A park summary's written sections, latest versions")
    public List<Note> park(@PathParam("park") String park, @QueryParam("period") String period) {
        caller.requirePark(park);
        return notes.current(SummaryNotes.parkScope(park), ReportingPeriod.parse(period, "period"));
    }

    @PUT
    @Path("/parks/{park}/notes/{section}")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF})
    @Operation(
            summary = "Write a section of a park summary",
            description = "The park's own staff or the bureau; saved as a new version, 409 stale_version when someone"
                    + " saved since you read it." + SECTIONS)
    public Note writePark(
            @PathParam("park") String park,
            @PathParam("section") String section,
            @QueryParam("period") String period,
            @NotNull Write body) {
        caller.requirePark(park);
        return notes.write(
                SummaryNotes.parkScope(park),
                ReportingPeriod.parse(period, "period"),
                section,
                body.text(),
                body.version(),
                caller.user());
    }

    @GET
    @Path("/parks/{park}/notes/{section}/history")
    @RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.SERVICE, Roles.PARK_STAFF})
    @Operation(summary = "Every version of a section of a park summary, newest first")
    public List<Note> parkHistory(
            @PathParam("park") String park, @PathParam("section") String section, @QueryParam("period") String period) {
        caller.requirePark(park);
        return notes.history(SummaryNotes.parkScope(park), ReportingPeriod.parse(period, "period"), section);
    }
}
