package io.parkpulse.projects.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectProblem;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.projects.domain.Problem;
import io.parkpulse.projects.domain.ProblemFilter;
import io.parkpulse.projects.domain.ProblemRules;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectNames;
import io.parkpulse.projects.repository.ProblemRepository;
import io.parkpulse.projects.repository.ProjectRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The problem ledger (问题台账) of each project, and its counts per park and period. */
@ApplicationScoped
public class ProblemService {

    @Inject
    Outbox outbox;

    @Inject
    ProblemRepository problems;

    @Inject
    ProjectRepository projects;

    public record Entry(String description, LocalDate raisedOn, String department, LocalDate dueOn) {}

    /**
     * What a report says of a park's problems in a period: "40 raised, 34 resolved". The rate is over the
     * problems raised in the period that were resolved by its end; open and overdue count every problem
     * raised by the period's cutoff (its last day, or today while it runs) and judge them on that day.
     */
    public record Counts(
            long raised,
            long resolvedOfRaised,
            BigDecimal resolutionRate,
            long resolvedInPeriod,
            long openAtEnd,
            long overdueAtEnd) {}

    @Transactional
    public Problem raise(UUID projectId, Entry e, String user) {
        Project p = ProjectService.find(projectId);
        Problem problem = new Problem();
        problem.id = UUID.randomUUID();
        problem.projectId = p.id;
        problem.park = p.park;
        problem.status = Problem.Status.OPEN;
        describe(problem, e);
        problem.stampCreated(user);
        problem.persist();
        Problem.flush();
        outbox.publish(Topics.PROJECTS, EventTypes.PROBLEM_RAISED, problem.park, state(problem));
        return problem;
    }

    @Transactional
    public Problem update(UUID projectId, UUID problemId, Entry e, long version) {
        Problem problem = find(projectId, problemId);
        problem.requireVersion(version, "问题“" + problemId + "”", "problem " + problemId);
        describe(problem, e);
        if (problem.resolvedOn != null && problem.resolvedOn.isBefore(problem.raisedOn)) {
            throw ProblemException.unprocessable(
                    "raisedOn",
                    "after_resolution",
                    "该问题已于" + problem.resolvedOn + "解决，提出日期不能晚于解决日期",
                    "the problem was resolved on " + problem.resolvedOn + "; it cannot have been raised after that");
        }
        problem.stampUpdated();
        Problem.flush();
        outbox.publish(Topics.PROJECTS, EventTypes.PROBLEM_UPDATED, problem.park, state(problem));
        return problem;
    }

    @Transactional
    public Problem resolve(UUID projectId, UUID problemId, String resolution, LocalDate resolvedOn, long version) {
        Problem problem = find(projectId, problemId);
        problem.requireVersion(version, "问题“" + problemId + "”", "problem " + problemId);
        if (problem.status == Problem.Status.RESOLVED) {
            throw ProblemException.conflict(
                    "already_resolved",
                    "该问题已于" + problem.resolvedOn + "解决，不能重复解决",
                    "problem " + problemId + " was resolved on " + problem.resolvedOn,
                    Map.of("resolvedOn", problem.resolvedOn));
        }
        LocalDate today = CityTime.today();
        LocalDate on = resolvedOn == null ? today : resolvedOn;
        CityTime.notInFuture(on, "resolvedOn");
        if (on.isBefore(problem.raisedOn)) {
            throw ProblemException.unprocessable(
                    "resolvedOn",
                    "before_raised",
                    "解决日期不能早于问题提出日期" + problem.raisedOn,
                    "a problem cannot be resolved before it was raised on " + problem.raisedOn);
        }
        problem.status = Problem.Status.RESOLVED;
        problem.resolution = resolution.strip();
        problem.resolvedOn = on;
        problem.stampUpdated();
        Problem.flush();
        outbox.publish(Topics.PROJECTS, EventTypes.PROBLEM_RESOLVED, problem.park, state(problem));
        return problem;
    }

    /** Counts for a park, or for every park when {@code park} is null; open and overdue on the period's cutoff. */
    public Counts counts(String park, ReportingPeriod period) {
        ProblemRepository.PeriodCounts c = problems.counts(park, period, ScheduleRules.cutoff(period.lastMonth()));
        long raised = c.raised();
        long resolvedOfRaised = c.resolvedOfRaised();
        long resolvedInPeriod = c.resolvedInPeriod();
        long open = c.open();
        long overdue = c.overdue();
        BigDecimal rate = ProblemRules.resolvedRate(resolvedOfRaised, raised);
        return new Counts(raised, resolvedOfRaised, rate, resolvedInPeriod, open, overdue);
    }

    public static Problem find(UUID projectId, UUID problemId) {
        Problem problem = Problem.findById(problemId);
        if (problem == null || !problem.projectId.equals(projectId)) {
            throw ProblemException.notFound("问题", "problem", String.valueOf(problemId));
        }
        return problem;
    }

    private static void describe(Problem problem, Entry e) {
        LocalDate today = CityTime.today();
        LocalDate raisedOn =
                e.raisedOn() == null ? (problem.raisedOn == null ? today : problem.raisedOn) : e.raisedOn();
        CityTime.notInFuture(raisedOn, "raisedOn");
        if (e.dueOn() != null && e.dueOn().isBefore(raisedOn)) {
            throw ProblemException.unprocessable(
                    "dueOn",
                    "due_before_raised",
                    "办理时限" + e.dueOn() + "早于问题提出日期" + raisedOn,
                    "the due date " + e.dueOn() + " is before the problem was raised on " + raisedOn);
        }
        problem.description = e.description().strip();
        problem.raisedOn = raisedOn;
        problem.department = e.department();
        problem.dueOn = e.dueOn();
    }

    public static ProjectProblem state(Problem p) {
        return new ProjectProblem(
                p.id,
                p.projectId,
                p.park,
                p.description,
                p.raisedOn,
                p.department,
                p.dueOn,
                p.status.name(),
                p.resolution,
                p.resolvedOn,
                p.version);
    }

    /** The names of the problems' projects and parks by project id, in one query whatever their number. */
    public Map<UUID, ProjectNames> names(Collection<Problem> entries) {
        return projects.names(entries.stream().map(e -> e.projectId).collect(Collectors.toSet()));
    }

    public List<Problem> ofProject(UUID projectId) {
        return problems.ofProject(projectId);
    }

    public PanacheQuery<Problem> ledger(ProblemFilter filter, Sort sort) {
        return problems.ledger(filter, sort);
    }
}
