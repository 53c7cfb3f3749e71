package io.parkpulse.investment.service;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.parks.KnownParks;
import io.parkpulse.investment.domain.CapitalOrigin;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

@ApplicationScoped
public class LeadService {

    @Inject
    Outbox outbox;

    @Inject
    KnownParks parks;

    public record NewLead(String park, String projectName, String investor, CapitalOrigin capitalOrigin,
            String industry, BigDecimal intendedInvestment) {
    }

    @Transactional
    public Lead register(NewLead n, String user) {
        parks.require(n.park(), "park");
        Lead l = new Lead();
        l.id = UUID.randomUUID();
        l.park = n.park();
        l.projectName = n.projectName();
        l.investor = n.investor();
        l.capitalOrigin = n.capitalOrigin();
        l.industry = n.industry();
        l.intendedInvestment = n.intendedInvestment();
        l.stage = LeadStage.LEAD;
        l.stampCreated(user);
        l.persist();
        Lead.flush();
        outbox.publish(Topics.INVESTMENT, EventTypes.LEAD_REGISTERED, l.park,
                new LeadState(l.id, l.park, l.projectName, l.investor, l.industry, l.capitalOrigin == null ? null : l.capitalOrigin.name(),
                        l.stage.name(), l.intendedInvestment, null, null, null, false, l.version));
        return l;
    }
}
