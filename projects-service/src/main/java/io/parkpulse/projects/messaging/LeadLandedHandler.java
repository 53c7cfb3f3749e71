package io.parkpulse.projects.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.projects.domain.KeyLevel;
import io.parkpulse.projects.domain.ProjectKind;
import io.parkpulse.projects.service.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * A lead that landed (落地) becomes a construction project, linked to it, exactly once: the consumer
 * skips an event id it has processed, and a second landing event for the same lead (a new id, say
 * after the lead was corrected) finds the project already there. The unique index on lead_id is the
 * last guard.
 */
@ApplicationScoped
public class LeadLandedHandler extends JsonEventHandler<LeadState> {

    @Inject
    ProjectService projects;

    public LeadLandedHandler() {
        super(Topics.INVESTMENT, LeadState.class, EventTypes.LEAD_STAGE_CHANGED);
    }

    @Override
    protected void apply(LeadState lead, Event event) {
        if (!"LANDED".equals(lead.stage())) {
            return;
        }
        if (lead.id() == null
                || lead.park() == null
                || lead.projectName() == null
                || lead.intendedInvestment() == null) {
            throw new MalformedEventException("landed lead without id, park, project name or investment");
        }
        if (projects.hasLead(lead.id())) {
            return;
        }
        LocalDate landedOn = lead.landedOn() != null
                ? lead.landedOn()
                : event.time()
                        .atZoneSameInstant(io.parkpulse.common.periods.CityTime.ZONE)
                        .toLocalDate();
        LocalDate signedOn = lead.signedOn() != null && !lead.signedOn().isAfter(landedOn) ? lead.signedOn() : landedOn;
        var d = ProjectService.Description.essentials(
                lead.projectName(),
                ProjectKind.INDUSTRIAL,
                lead.industry(),
                lead.investor(),
                KeyLevel.NONE,
                lead.contractedInvestment() != null ? lead.contractedInvestment() : lead.intendedInvestment());
        // The park is vouched for by investment-service, which refused the lead otherwise; this service's copy of the
        // registry may simply not have caught up yet, so it is not asked.
        projects.registerFromLead(
                new ProjectService.NewProject(
                        lead.park(),
                        d,
                        signedOn,
                        lead.landSupplied() ? ProjectStage.LAND_SUPPLIED : ProjectStage.SIGNED,
                        landedOn,
                        lead.id()),
                "investment-service");
    }
}
