package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Keeps each lead's latest state; activity, funds and target events on the same topic are other handlers' business. */
@ApplicationScoped
public class LeadEventsHandler extends JsonEventHandler<LeadState> {

    @Inject
    EntityManager em;

    public LeadEventsHandler() {
        super(
                Topics.INVESTMENT,
                LeadState.class,
                EventTypes.LEAD_REGISTERED,
                EventTypes.LEAD_UPDATED,
                EventTypes.LEAD_STAGE_CHANGED);
    }

    @Override
    protected void apply(LeadState l, Event event) {
        if (l.id() == null || l.park() == null || l.stage() == null || l.intendedInvestment() == null) {
            throw new MalformedEventException("lead event without id, park, stage or investment");
        }
        em.createNativeQuery("""
                insert into lead_fact (id, park_code, project_name, stage, intended_investment, version, signed_on, landed_on,
                                       contracted_investment)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (id) do update
                   set project_name = excluded.project_name, stage = excluded.stage,
                       intended_investment = excluded.intended_investment, version = excluded.version,
                       signed_on = excluded.signed_on, landed_on = excluded.landed_on,
                       contracted_investment = excluded.contracted_investment
                 where lead_fact.version < excluded.version
                """)
                .setParameter(1, l.id())
                .setParameter(2, l.park())
                .setParameter(3, l.projectName())
                .setParameter(4, l.stage())
                .setParameter(5, l.intendedInvestment())
                .setParameter(6, l.version())
                .setParameter(7, l.signedOn())
                .setParameter(8, l.landedOn())
                .setParameter(9, l.contractedInvestment())
                .executeUpdate();
    }
}
