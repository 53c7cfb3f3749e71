package io.parkpulse.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.consumer.EventHandler;
import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.payload.FundsReported;
import io.parkpulse.common.events.payload.ProjectProblem;
import io.parkpulse.reporting.service.ReadModelUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Funds in place per lead and month, and the problem ledger's dates: what cross-domain figures count. */
public final class FundsAndProblemsHandler {

    private FundsAndProblemsHandler() {}

    @ApplicationScoped
    public static class Funds implements EventHandler {

        @Inject
        ReadModelUpdates updates;

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
            updates.funds(f);
        }
    }

    @ApplicationScoped
    public static class Problems implements EventHandler {

        @Inject
        ReadModelUpdates updates;

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
            updates.problem(p);
        }
    }
}
