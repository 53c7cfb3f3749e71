package io.parkpulse.projects.rest;

import io.parkpulse.common.periods.DateRange;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.projects.domain.KeyLevel;
import io.parkpulse.projects.domain.Problem;
import io.parkpulse.projects.domain.ProblemRules;
import io.parkpulse.projects.domain.ProgressReport;
import io.parkpulse.projects.domain.ProgressRevision;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectKind;
import io.parkpulse.projects.domain.ProjectNames;
import io.parkpulse.projects.domain.StageChange;
import io.parkpulse.projects.service.ProjectService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies. Money in 万元, land in 亩, floor area in ㎡, progress in %. */
public final class ProjectDtos {

    /** {@code park} may be left out by park staff: theirs is taken from the token. */
    public record RegisterProject(
            @Size(max = 32) String park,
            @NotBlank @Size(max = 200) String name,
            @NotNull ProjectKind kind,
            @Size(max = 100) String industry,
            @Size(max = 200) String enterprise,
            KeyLevel keyLevel,

            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal totalInvestment,

            @Min(2000) @Max(2100) Integer planYear,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal yearPlannedInvestment,

            @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 4)
            BigDecimal landMu,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 2)
            BigDecimal floorAreaM2,

            // Land supply and approvals can hold a signed project's start for years.
            @DateRange(yearsAhead = 5) LocalDate plannedStart,
            // A phased industrial or infrastructure project may be planned to finish a decade ahead.
            @DateRange(yearsAhead = 10) LocalDate plannedCompletion,
            @Size(max = 100) String leader,
            @Size(max = 100) String liaison,
            @Size(max = 40) String liaisonPhone,
            LocalDate signedOn,
            ProjectStage stage,
            LocalDate stageSince) {

        ProjectService.Description description() {
            return new ProjectService.Description(
                    name,
                    kind,
                    industry,
                    enterprise,
                    keyLevel,
                    totalInvestment,
                    planYear,
                    yearPlannedInvestment,
                    landMu,
                    floorAreaM2,
                    plannedStart,
                    plannedCompletion,
                    leader,
                    liaison,
                    liaisonPhone);
        }
    }

    /** Replaces a project's description; the park, stage and progress change elsewhere. */
    public record UpdateProject(
            @NotBlank @Size(max = 200) String name,
            @NotNull ProjectKind kind,
            @Size(max = 100) String industry,
            @Size(max = 200) String enterprise,
            KeyLevel keyLevel,

            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal totalInvestment,

            @Min(2000) @Max(2100) Integer planYear,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal yearPlannedInvestment,

            @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 4)
            BigDecimal landMu,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 2)
            BigDecimal floorAreaM2,

            // Land supply and approvals can hold a signed project's start for years.
            @DateRange(yearsAhead = 5) LocalDate plannedStart,
            // A phased industrial or infrastructure project may be planned to finish a decade ahead.
            @DateRange(yearsAhead = 10) LocalDate plannedCompletion,
            @Size(max = 100) String leader,
            @Size(max = 100) String liaison,
            @Size(max = 40) String liaisonPhone,
            @NotNull @Min(0) Long version) {

        ProjectService.Description description() {
            return new ProjectService.Description(
                    name,
                    kind,
                    industry,
                    enterprise,
                    keyLevel,
                    totalInvestment,
                    planYear,
                    yearPlannedInvestment,
                    landMu,
                    floorAreaM2,
                    plannedStart,
                    plannedCompletion,
                    leader,
                    liaison,
                    liaisonPhone);
        }
    }

    public record TransitionRequest(
            @NotNull ProjectStage to,
            LocalDate on,
            @Size(max = 500) String reason,
            @NotNull @Min(0) Long version) {}

    public record ProgressRequest(
            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal investmentCompleted,

            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal investmentCompletedThisYear,

            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal physicalProgress,

            @Size(max = 2000) String milestones,
            @Size(max = 500) String correctionReason) {}

    public record ProblemRequest(
            @NotBlank @Size(max = 2000) String description,
            LocalDate raisedOn,
            @Size(max = 200) String department,
            LocalDate dueOn) {}

    public record UpdateProblem(
            @NotBlank @Size(max = 2000) String description,
            LocalDate raisedOn,
            @Size(max = 200) String department,
            LocalDate dueOn,
            @NotNull @Min(0) Long version) {}

    public record ResolveProblem(
            @NotBlank @Size(max = 2000) String resolution,
            LocalDate resolvedOn,
            @NotNull @Min(0) Long version) {}

    public record StatusView(
            String asOf,
            ScheduleRules.Colour colour,
            String colourLabel,
            List<ScheduleRules.Reason> reasons,
            BigDecimal yearCompletionRate,
            BigDecimal overallCompletionRate,
            BigDecimal timeElapsed,
            BigDecimal investmentGapPoints,
            boolean stalled,
            Integer monthsWithoutProgress,
            boolean overdue,
            Integer monthsOverdue,
            BigDecimal physicalFinancialGapPoints) {

        static StatusView of(String asOf, ScheduleRules.Status s) {
            return new StatusView(
                    asOf,
                    s.colour(),
                    s.colour().label,
                    s.reasons(),
                    s.yearCompletionRate(),
                    s.overallCompletionRate(),
                    s.timeElapsed(),
                    s.investmentGapPoints(),
                    s.stalled(),
                    s.monthsWithoutProgress(),
                    s.overdue(),
                    s.monthsOverdue(),
                    s.physicalFinancialGapPoints());
        }
    }

    public record ProjectView(
            UUID id,
            String park,
            String name,
            ProjectKind kind,
            String kindLabel,
            String industry,
            String enterprise,
            KeyLevel keyLevel,
            String keyLevelLabel,
            BigDecimal totalInvestment,
            Integer planYear,
            BigDecimal yearPlannedInvestment,
            BigDecimal landMu,
            BigDecimal floorAreaM2,
            LocalDate plannedStart,
            LocalDate plannedCompletion,
            String leader,
            String liaison,
            String liaisonPhone,
            UUID leadId,
            ProjectStage stage,
            String stageLabel,
            LocalDate stageSince,
            ProjectStage suspendedFrom,
            LocalDate signedOn,
            LocalDate startedOn,
            LocalDate completedOn,
            LocalDate productionOn,
            String terminatedReason,
            BigDecimal investmentCompleted,
            BigDecimal investmentCompletedThisYear,
            BigDecimal physicalProgress,
            String progressPeriod,
            List<ProjectStage> allowedTransitions,
            StatusView status,
            String unit,
            long version,
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime updatedAt) {

        static ProjectView of(Project p, StatusView status) {
            return new ProjectView(
                    p.id,
                    p.park,
                    p.name,
                    p.kind,
                    p.kind.label,
                    p.industry,
                    p.enterprise,
                    p.keyLevel,
                    p.keyLevel.label,
                    p.totalInvestment,
                    p.planYear,
                    p.yearPlannedInvestment,
                    p.landMu,
                    p.floorAreaM2,
                    p.plannedStart,
                    p.plannedCompletion,
                    p.leader,
                    p.liaison,
                    p.liaisonPhone,
                    p.leadId,
                    p.stage,
                    p.stage.label,
                    p.stageSince,
                    p.suspendedFrom,
                    p.signedOn,
                    p.startedOn,
                    p.completedOn,
                    p.productionOn,
                    p.terminatedReason,
                    p.investmentCompleted,
                    p.investmentThisYear,
                    p.physicalProgress,
                    p.progressPeriod,
                    p.stage.next(p.suspendedFrom),
                    status,
                    "万元",
                    p.version,
                    p.createdAt,
                    p.createdBy,
                    p.updatedAt);
        }
    }

    public record TransitionView(
            ProjectStage from,
            String fromLabel,
            ProjectStage to,
            String toLabel,
            LocalDate on,
            String reason,
            String by,
            OffsetDateTime recordedAt) {

        static TransitionView of(StageChange c) {
            return new TransitionView(
                    c.fromStage,
                    c.fromStage == null ? null : c.fromStage.label,
                    c.toStage,
                    c.toStage.label,
                    c.changedOn,
                    c.reason,
                    c.changedBy,
                    c.recordedAt);
        }
    }

    public record ProgressView(
            UUID projectId,
            String period,
            BigDecimal investmentCompleted,
            BigDecimal investmentCompletedThisYear,
            BigDecimal physicalProgress,
            String milestones,
            int revision,
            String reportedBy,
            OffsetDateTime reportedAt,
            String outcome) {

        static ProgressView of(ProgressReport r, String outcome) {
            return new ProgressView(
                    r.id.projectId(),
                    r.id.period(),
                    r.investmentCompleted,
                    r.investmentThisYear,
                    r.physicalProgress,
                    r.milestones,
                    r.revision,
                    r.reportedBy,
                    r.reportedAt,
                    outcome);
        }
    }

    public record ProgressRevisionView(
            int revision,
            BigDecimal investmentCompleted,
            BigDecimal investmentCompletedThisYear,
            BigDecimal physicalProgress,
            String milestones,
            String correctionReason,
            String reportedBy,
            OffsetDateTime reportedAt) {

        static ProgressRevisionView of(ProgressRevision a) {
            return new ProgressRevisionView(
                    a.revision,
                    a.investmentCompleted,
                    a.investmentThisYear,
                    a.physicalProgress,
                    a.milestones,
                    a.correctionReason,
                    a.reportedBy,
                    a.reportedAt);
        }
    }

    public record ProblemView(
            UUID id,
            UUID projectId,
            @Schema(description = "The project's name") String projectName,
            String park,

            @Schema(description = "The park's name; null while this service's copy of the park registry lacks the park")
            String parkName,

            String description,
            LocalDate raisedOn,
            String department,
            LocalDate dueOn,
            Problem.Status status,
            String resolution,
            LocalDate resolvedOn,

            @Schema(description = "Open on overdueAsOf and due before it")
            boolean overdue,

            @Schema(description = "The day overdue is judged on: today, or the cutoff of the period listed")
            LocalDate overdueAsOf,

            long version) {

        /**
         * {@code names}: the project's and park's ({@code ProblemService.names} loads them for a whole list);
         * {@code cutoff}: the day {@code overdue} is judged on, today or a listed period's cutoff.
         */
        static ProblemView of(Problem p, Map<UUID, ProjectNames> names, LocalDate cutoff) {
            boolean overdue = ProblemRules.overdue(p.dueOn, p.resolvedOn, cutoff);
            ProjectNames n = names.getOrDefault(p.projectId, ProjectNames.UNKNOWN);
            return new ProblemView(
                    p.id,
                    p.projectId,
                    n.project(),
                    p.park,
                    n.park(),
                    p.description,
                    p.raisedOn,
                    p.department,
                    p.dueOn,
                    p.status,
                    p.resolution,
                    p.resolvedOn,
                    overdue,
                    cutoff,
                    p.version);
        }
    }

    private ProjectDtos() {}
}
