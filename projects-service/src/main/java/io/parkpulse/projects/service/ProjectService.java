package io.parkpulse.projects.service;

import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.parks.KnownParks;
import io.parkpulse.common.parks.ParkReplica;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.DateBounds;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.projects.domain.KeyLevel;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectFilter;
import io.parkpulse.projects.domain.ProjectKind;
import io.parkpulse.projects.domain.StageChange;
import io.parkpulse.projects.domain.Wording;
import io.parkpulse.projects.repository.ParkRepository;
import io.parkpulse.projects.repository.ProjectRepository;
import io.parkpulse.projects.repository.StageChangeRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers and edits projects and moves them through their lifecycle; every change publishes the project's state. */
@ApplicationScoped
public class ProjectService {

    @Inject
    Outbox outbox;

    @Inject
    ProjectRepository projects;

    @Inject
    StageChangeRepository stageChanges;

    @Inject
    ParkRepository parkReplicas;

    @Inject
    KnownParks parks;

    /** What describes a project (everything but its park, stage and progress). Money in 万元. */
    public record Description(
            String name,
            ProjectKind kind,
            String industry,
            String enterprise,
            KeyLevel keyLevel,
            BigDecimal totalInvestment,
            Integer planYear,
            BigDecimal yearPlannedInvestment,
            BigDecimal landMu,
            BigDecimal floorAreaM2,
            LocalDate plannedStart,
            LocalDate plannedCompletion,
            String leader,
            String liaison,
            String liaisonPhone) {

        /**
         * A description with only what every project has; the plan, land, schedule and contact fields start empty and
         * are filled in later by the park.
         */
        public static Description essentials(
                String name,
                ProjectKind kind,
                String industry,
                String enterprise,
                KeyLevel keyLevel,
                BigDecimal totalInvestment) {
            return new Description(
                    name,
                    kind,
                    industry,
                    enterprise,
                    keyLevel,
                    totalInvestment,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /**
     * A new project. {@code stage} lets a park bring in a project that is already under way on the day
     * it starts using the platform; {@code stageSince} is when it reached that stage.
     */
    public record NewProject(
            String park, Description d, LocalDate signedOn, ProjectStage stage, LocalDate stageSince, UUID leadId) {}

    public record Transition(ProjectStage to, LocalDate on, String reason, long version) {}

    @Transactional
    public Project register(NewProject n, String user) {
        parks.require(n.park(), "park");
        return create(n, user);
    }

    /** A project for a landed lead: its park was checked by investment-service when the lead was registered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Project registerFromLead(NewProject n, String user) {
        return create(n, user);
    }

    private Project create(NewProject n, String user) {
        LocalDate today = CityTime.today();
        LocalDate signedOn = n.signedOn() == null ? today : n.signedOn();
        CityTime.notInFuture(signedOn, "signedOn");
        ProjectStage stage = n.stage() == null ? ProjectStage.SIGNED : n.stage();
        if (!stage.isActive() && stage != ProjectStage.IN_PRODUCTION) {
            throw ProblemException.unprocessable(
                    "stage",
                    "invalid_initial_stage",
                    "登记项目只能选择签约至投产之间的阶段，不能登记为" + stage.label,
                    "a project is registered in a stage of the main line (签约 to 投产), not " + stage);
        }
        LocalDate since = n.stageSince() == null ? (stage == ProjectStage.SIGNED ? signedOn : today) : n.stageSince();
        CityTime.notInFuture(since, "stageSince");
        if (since.isBefore(signedOn)) {
            throw ProblemException.unprocessable(
                    "stageSince",
                    "before_signing",
                    "阶段开始日期不能早于签约日期" + signedOn,
                    "the stage cannot begin before the signing on " + signedOn);
        }
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.park = n.park();
        describe(p, n.d(), today);
        p.signedOn = signedOn;
        p.stage = stage;
        p.stageSince = since;
        p.leadId = n.leadId();
        // A project brought in mid-way reached the main-line stages before its current one at dates we do not know;
        // only the current stage's date is recorded.
        reached(p, stage, since);
        p.stampCreated(user);
        p.persist();
        record(p, null, stage, since, null, user);
        Project.flush();
        outbox.publish(Topics.PROJECTS, EventTypes.PROJECT_REGISTERED, p.park, state(p));
        return p;
    }

    @Transactional
    public Project update(UUID id, Description d, long version, String user) {
        Project p = find(id);
        p.requireVersion(version, "项目“" + id + "”", "project " + id);
        describe(p, d, CityTime.today());
        p.stampUpdated();
        Project.flush();
        outbox.publish(Topics.PROJECTS, EventTypes.PROJECT_UPDATED, p.park, state(p));
        return p;
    }

    @Transactional
    public Project transition(UUID id, Transition t, String user) {
        Project p = find(id);
        p.requireVersion(t.version(), "项目“" + id + "”", "project " + id);
        List<ProjectStage> allowed = p.stage.next(p.suspendedFrom);
        if (!allowed.contains(t.to())) {
            throw ProblemException.conflict(
                    "illegal_transition",
                    allowed.isEmpty()
                            ? "项目已" + p.stage.label + "，不能再变更阶段"
                            : "项目处于" + p.stage.label + "阶段，不能转为" + t.to().label + "；可转为：" + Wording.stages(allowed),
                    "a project in stage " + p.stage + " (" + p.stage.label + ") cannot move to " + t.to()
                            + "; allowed: " + (allowed.isEmpty() ? "none" : allowed),
                    Map.of("from", p.stage, "to", t.to(), "allowed", allowed));
        }
        LocalDate today = CityTime.today();
        LocalDate on = t.on() == null ? today : t.on();
        CityTime.notInFuture(on, "on");
        if (on.isBefore(p.stageSince)) {
            throw ProblemException.unprocessable(
                    "on",
                    "before_current_stage",
                    "阶段变更日期不能早于当前阶段开始日期" + p.stageSince,
                    "the change cannot be dated before the current stage began on " + p.stageSince);
        }
        boolean needsReason = t.to() == ProjectStage.SUSPENDED || t.to() == ProjectStage.TERMINATED;
        if (needsReason && (t.reason() == null || t.reason().isBlank())) {
            throw ProblemException.unprocessable(
                    "reason",
                    "reason_required",
                    "项目" + t.to().label + "须说明原因",
                    "say why the project is " + (t.to() == ProjectStage.SUSPENDED ? "suspended" : "terminated"));
        }
        ProjectStage from = p.stage;
        if (t.to() == ProjectStage.SUSPENDED) {
            p.suspendedFrom = from;
        } else if (from == ProjectStage.SUSPENDED) {
            p.suspendedFrom = null;
        }
        if (t.to() == ProjectStage.TERMINATED) {
            p.terminatedReason = t.reason();
        }
        p.stage = t.to();
        p.stageSince = on;
        reached(p, t.to(), on);
        p.stampUpdated();
        record(p, from, t.to(), on, t.reason(), user);
        Project.flush();
        outbox.publish(Topics.PROJECTS, EventTypes.PROJECT_STAGE_CHANGED, p.park, state(p));
        return p;
    }

    public PanacheQuery<Project> search(ProjectFilter filter, Sort sort) {
        return projects.search(filter, sort);
    }

    /** Whether a project was already made from this investment lead. */
    public boolean hasLead(UUID leadId) {
        return projects.existsForLead(leadId);
    }

    /** Every park by code, or the one named; an unknown park is not found. */
    public List<ParkReplica> parks(String code) {
        return code == null
                ? parkReplicas.all()
                : parkReplicas
                        .byCode(code)
                        .map(List::of)
                        .orElseThrow(() -> ProblemException.notFound("园区", "park", code));
    }

    public List<StageChange> history(UUID id) {
        return stageChanges.history(id);
    }

    public static Project find(UUID id) {
        Project p = Project.findById(id);
        if (p == null) {
            throw ProblemException.notFound("项目", "project", String.valueOf(id));
        }
        return p;
    }

    private record Refusal(String field, String code, String chinese, String english) {}

    private static void describe(Project p, Description d, LocalDate today) {
        DateBounds.year(d.planYear(), "planYear");
        List<Refusal> refusals = new ArrayList<>();
        if (d.plannedStart() != null
                && d.plannedCompletion() != null
                && d.plannedCompletion().isBefore(d.plannedStart())) {
            refusals.add(new Refusal(
                    "plannedCompletion",
                    "completion_before_start",
                    "计划竣工日期" + d.plannedCompletion() + "早于计划开工日期" + d.plannedStart(),
                    "the planned completion " + d.plannedCompletion() + " is before the planned start "
                            + d.plannedStart()));
        }
        if (d.yearPlannedInvestment() != null
                && d.totalInvestment() != null
                && d.yearPlannedInvestment().compareTo(d.totalInvestment()) > 0) {
            refusals.add(new Refusal(
                    "yearPlannedInvestment",
                    "year_plan_exceeds_total",
                    "年度计划投资不能超过计划总投资",
                    "this year's planned investment cannot exceed the total planned investment"));
        }
        if (d.planYear() != null && d.yearPlannedInvestment() == null) {
            refusals.add(new Refusal(
                    "yearPlannedInvestment",
                    "required",
                    "填写了计划年度，须同时填写年度计划投资",
                    "a plan year needs the year's planned investment"));
        }
        if (!refusals.isEmpty()) {
            // Every error is listed; the detail (and, in English, the first error) is the first one's.
            Refusal first = refusals.get(0);
            throw new ProblemException(
                    422,
                    first.code(),
                    first.chinese(),
                    first.english(),
                    refusals.stream()
                            .map(r -> new Problem.FieldError(r.field(), r.code(), r.chinese()))
                            .toList(),
                    null);
        }
        p.name = d.name().strip();
        p.kind = d.kind();
        p.industry = d.industry();
        p.enterprise = d.enterprise();
        p.keyLevel = d.keyLevel() == null ? KeyLevel.NONE : d.keyLevel();
        p.totalInvestment = d.totalInvestment();
        p.yearPlannedInvestment = d.yearPlannedInvestment();
        p.planYear = d.yearPlannedInvestment() == null ? null : d.planYear() == null ? today.getYear() : d.planYear();
        p.landMu = d.landMu();
        p.floorAreaM2 = d.floorAreaM2();
        p.plannedStart = d.plannedStart();
        p.plannedCompletion = d.plannedCompletion();
        p.leader = d.leader();
        p.liaison = d.liaison();
        p.liaisonPhone = d.liaisonPhone();
    }

    /** Keeps the first date each milestone stage was reached (a resumed project does not start twice). */
    private static void reached(Project p, ProjectStage stage, LocalDate on) {
        if (stage == ProjectStage.UNDER_CONSTRUCTION && p.startedOn == null) {
            p.startedOn = on;
        }
        if (stage == ProjectStage.COMPLETED && p.completedOn == null) {
            p.completedOn = on;
        }
        if (stage == ProjectStage.IN_PRODUCTION && p.productionOn == null) {
            p.productionOn = on;
        }
    }

    private static void record(
            Project p, ProjectStage from, ProjectStage to, LocalDate on, String reason, String user) {
        StageChange c = new StageChange();
        c.projectId = p.id;
        c.fromStage = from;
        c.toStage = to;
        c.reason = reason;
        c.record(on, user);
    }

    public static ProjectState state(Project p) {
        return new ProjectState(
                p.id,
                p.park,
                p.name,
                p.kind.name(),
                p.industry,
                p.enterprise,
                p.stage.name(),
                p.stageSince,
                p.suspendedFrom == null ? null : p.suspendedFrom.name(),
                p.keyLevel.name(),
                p.totalInvestment,
                p.planYear,
                p.yearPlannedInvestment,
                p.investmentCompleted,
                p.investmentThisYear,
                p.physicalProgress,
                p.progressPeriod,
                p.plannedStart,
                p.plannedCompletion,
                p.signedOn,
                p.startedOn,
                p.completedOn,
                p.productionOn,
                p.leadId,
                p.version);
    }
}
