package io.parkpulse.projects.rest;

import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.ProjectKind;
import io.parkpulse.projects.domain.ProjectStage;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class ProjectDtos {

    /** {@code park} may be left out by park staff: theirs is taken from the token. */
    public record RegisterProject(
            @Size(max = 32) String park,
            @NotBlank @Size(max = 200) String name,
            @NotNull ProjectKind kind,
            @Size(max = 100) String industry,
            @Size(max = 200) String enterprise,
            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4) BigDecimal totalInvestment) {
    }

    public record ProjectView(UUID id, String park, String name, ProjectKind kind, String kindLabel, String industry,
            String enterprise, ProjectStage stage, String stageLabel, BigDecimal totalInvestment, String unit,
            long version, OffsetDateTime createdAt, String createdBy) {

        static ProjectView of(Project p) {
            return new ProjectView(p.id, p.park, p.name, p.kind, p.kind.label, p.industry, p.enterprise, p.stage,
                    p.stage.label, p.totalInvestment, "万元", p.version, p.createdAt, p.createdBy);
        }
    }

    private ProjectDtos() {
    }
}
