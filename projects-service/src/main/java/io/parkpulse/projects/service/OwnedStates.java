package io.parkpulse.projects.service;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectProgress;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.republish.SnapshotSource;
import io.parkpulse.projects.domain.Problem;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.repository.ProblemRepository;
import io.parkpulse.projects.repository.ProgressRepository;
import io.parkpulse.projects.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What projects-service re-publishes (docs/operations.md, "Kafka history lost"): every project's current state,
 * every month's latest progress report and every problem, as the events its writes publish.
 */
public final class OwnedStates {

    private OwnedStates() {}

    @ApplicationScoped
    public static class Projects implements SnapshotSource {

        @Inject
        ProjectRepository projects;

        @Override
        public String name() {
            return "projects";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<Project> rows = projects.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(p -> new Outbox.Message(
                                    Topics.PROJECTS, EventTypes.PROJECT_UPDATED, p.park, ProjectService.state(p)))
                            .toList());
        }
    }

    @ApplicationScoped
    public static class Progress implements SnapshotSource {

        @Inject
        ProgressRepository progress;

        @Override
        public String name() {
            return "progress";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<ProgressRepository.ParkReport> rows = progress.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(r -> new Outbox.Message(
                                    Topics.PROJECTS,
                                    EventTypes.PROGRESS_REPORTED,
                                    r.park(),
                                    new ProjectProgress(
                                            r.report().id.projectId(),
                                            r.park(),
                                            r.report().id.period(),
                                            r.report().investmentCompleted,
                                            r.report().investmentThisYear,
                                            r.report().physicalProgress,
                                            r.report().milestones,
                                            null,
                                            false,
                                            r.report().revision)))
                            .toList());
        }
    }

    @ApplicationScoped
    public static class Problems implements SnapshotSource {

        @Inject
        ProblemRepository problems;

        @Override
        public String name() {
            return "problems";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<Problem> rows = problems.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(p -> new Outbox.Message(
                                    Topics.PROJECTS,
                                    p.resolvedOn == null ? EventTypes.PROBLEM_UPDATED : EventTypes.PROBLEM_RESOLVED,
                                    p.park,
                                    ProblemService.state(p)))
                            .toList());
        }
    }
}
