package io.parkpulse.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.consumer.EventHandler;
import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.payload.FundsReported;
import io.parkpulse.common.events.payload.ProjectProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Funds in place per lead and month, and the problem ledger's dates: what cross-domain figures count. */
public final class FundsAndProblemsHandler {

    private FundsAndProblemsHandler() {}

    @ApplicationScoped
    public static class Funds implements EventHandler {

        @Inject
        EntityManager em;

        @Inject
        ObjectMapper json;

        @Override
        public String topic() {
            return io.parkpulse.common.events.Topics.INVESTMENT;
        }

        @Override
        public void handle(Event event) throws Exception {
            if (!EventTypes.FUNDS_REPORTED.equals(event.type())) {
                return;
            }
            FundsReported f = JsonEventHandler.parse(json, event, FundsReported.class);
            if (f.leadId() == null || f.park() == null || f.period() == null || f.amount() == null) {
                throw new MalformedEventException("funds event without lead, park, period or amount");
            }
            em.createNativeQuery("""
                    insert into funds_fact (lead_id, period, park_code, amount, revision) values (?1, ?2, ?3, ?4, ?5)
                    on conflict (lead_id, period) do update set amount = excluded.amount, revision = excluded.revision
                     where funds_fact.revision < excluded.revision
                    """)
                    .setParameter(1, f.leadId())
                    .setParameter(2, f.period())
                    .setParameter(3, f.park())
                    .setParameter(4, f.amount())
                    .setParameter(5, f.revision())
                    .executeUpdate();
        }
    }

    @ApplicationScoped
    public static class Problems implements EventHandler {

        @Inject
        EntityManager em;

        @Inject
        ObjectMapper json;

        @Override
        public String topic() {
            return io.parkpulse.common.events.Topics.PROJECTS;
        }

        @Override
        public void handle(Event event) throws Exception {
            if (!event.type().equals(EventTypes.PROBLEM_RAISED)
                    && !event.type().equals(EventTypes.PROBLEM_UPDATED)
                    && !event.type().equals(EventTypes.PROBLEM_RESOLVED)) {
                return;
            }
            ProjectProblem p = JsonEventHandler.parse(json, event, ProjectProblem.class);
            if (p.id() == null || p.projectId() == null || p.park() == null || p.raisedOn() == null) {
                throw new MalformedEventException("problem event without id, project, park or date");
            }
            em.createNativeQuery("""
                    insert into problem_fact (id, project_id, park_code, raised_on, resolved_on, version, description, department, due_on)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                    on conflict (id) do update set raised_on = excluded.raised_on, resolved_on = excluded.resolved_on,
                                                   version = excluded.version, description = excluded.description,
                                                   department = excluded.department, due_on = excluded.due_on
                     where problem_fact.version < excluded.version
                    """)
                    .setParameter(1, p.id())
                    .setParameter(2, p.projectId())
                    .setParameter(3, p.park())
                    .setParameter(4, p.raisedOn())
                    .setParameter(5, p.resolvedOn())
                    .setParameter(6, p.version())
                    .setParameter(7, p.description())
                    .setParameter(8, p.department())
                    .setParameter(9, p.dueOn())
                    .executeUpdate();
        }
    }
}
