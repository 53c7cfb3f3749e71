package io.parkpulse.investment.service;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.FundsReported;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.republish.SnapshotSource;
import io.parkpulse.investment.domain.Activity;
import io.parkpulse.investment.domain.FundsInPlace;
import io.parkpulse.investment.domain.InvestmentTarget;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.repository.ActivityRepository;
import io.parkpulse.investment.repository.FundsRepository;
import io.parkpulse.investment.repository.LeadRepository;
import io.parkpulse.investment.repository.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What investment-service re-publishes (docs/operations.md, "Kafka history lost"): leads, activities, funds in
 * place and the bureau's targets, as the events its writes publish.
 */
public final class OwnedStates {

    private OwnedStates() {}

    /**
     * As {@code lead-updated}, never {@code lead-stage-changed}: projects-service makes a project of a lead that
     * changed stage to LANDED, and a snapshot is no change of stage.
     */
    @ApplicationScoped
    public static class Leads implements SnapshotSource {

        @Inject
        LeadRepository leads;

        @Override
        public String name() {
            return "leads";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<Lead> rows = leads.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(l -> new Outbox.Message(
                                    Topics.INVESTMENT, EventTypes.LEAD_UPDATED, l.park, LeadService.state(l)))
                            .toList());
        }
    }

    @ApplicationScoped
    public static class Activities implements SnapshotSource {

        @Inject
        ActivityRepository activities;

        @Override
        public String name() {
            return "activities";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<Activity> rows = activities.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(a -> new Outbox.Message(
                                    Topics.INVESTMENT, EventTypes.ACTIVITY_UPDATED, a.park, ActivityService.state(a)))
                            .toList());
        }
    }

    @ApplicationScoped
    public static class Funds implements SnapshotSource {

        @Inject
        FundsRepository funds;

        @Override
        public String name() {
            return "funds";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<FundsInPlace> rows = funds.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(f -> new Outbox.Message(
                                    Topics.INVESTMENT,
                                    EventTypes.FUNDS_REPORTED,
                                    f.park,
                                    new FundsReported(
                                            f.id.leadId(),
                                            f.park,
                                            f.id.period(),
                                            f.source.name(),
                                            f.amount,
                                            f.amountUsd,
                                            null,
                                            f.revision)))
                            .toList());
        }
    }

    @ApplicationScoped
    public static class Targets implements SnapshotSource {

        @Inject
        TargetRepository targets;

        @Override
        public String name() {
            return "targets";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<InvestmentTarget> rows = targets.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(t -> new Outbox.Message(
                                    Topics.INVESTMENT,
                                    EventTypes.INVESTMENT_TARGET_SET,
                                    t.id.park(),
                                    TargetService.state(t)))
                            .toList());
        }
    }
}
