package io.parkpulse.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.consumer.EventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Keeps each lead's latest state (every lead event carries the full state and its version). */
@ApplicationScoped
public class LeadEventsHandler implements EventHandler {

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Override
    public String topic() {
        return Topics.INVESTMENT;
    }

    @Override
    public void handle(Event event) throws Exception {
        LeadState l = json.readValue(event.data(), LeadState.class);
        if (l.id() == null || l.park() == null) {
            throw new IllegalArgumentException("lead event without id or park");
        }
        em.createNativeQuery("""
                insert into lead_fact (id, park_code, project_name, stage, intended_investment, version)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (id) do update
                   set project_name = excluded.project_name, stage = excluded.stage,
                       intended_investment = excluded.intended_investment, version = excluded.version
                 where lead_fact.version < excluded.version
                """)
                .setParameter(1, l.id()).setParameter(2, l.park()).setParameter(3, l.projectName())
                .setParameter(4, l.stage()).setParameter(5, l.intendedInvestment()).setParameter(6, l.version())
                .executeUpdate();
    }
}
