package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A project as of the summary's month; {@code status} is null while the stage has no start date. */
public record SummaryProject(
        String park,
        String parkName,
        String name,
        ProjectStage stage,
        String keyLevel,
        BigDecimal total,
        BigDecimal completed,
        BigDecimal yearPlan,
        BigDecimal thisYear,
        LocalDate startedOn,
        LocalDate completedOn,
        LocalDate productionOn,
        ScheduleRules.Status status,
        BigDecimal physicalProgress,
        String milestones) {

    boolean key() {
        return "PROVINCIAL".equals(keyLevel) || "MUNICIPAL".equals(keyLevel);
    }

    boolean red() {
        return status != null && status.colour() == ScheduleRules.Colour.RED;
    }
}
