package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A project as the read model holds it at a month's end: its stage then and its last progress report by then. {@code stage} is the stored code: a
 * code this version does not know leaves the project out of the summary rather than failing it.
 */
public record ProjectReport(
        String park,
        String parkName,
        String name,
        String stage,
        String keyLevel,
        BigDecimal total,
        BigDecimal completed,
        Integer planYear,
        BigDecimal yearPlanned,
        BigDecimal investmentThisYear,
        LocalDate startedOn,
        LocalDate completedOn,
        LocalDate productionOn,
        LocalDate stageSince,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        BigDecimal physicalProgress,
        YearMonth progressPeriod,
        String milestones) {

    /**
     * The project as of month {@code m}: a year plan only if it is this year's, this year's investment
     * only if its last report is of this year and not after the month, and its battle-map status
     * (null while the stage has no start date). Null when the stage is unknown.
     */
    public SummaryProject asOf(YearMonth m, ScheduleRules.Thresholds thresholds) {
        ProjectStage known;
        try {
            known = ProjectStage.valueOf(stage);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        boolean sameYear =
                progressPeriod != null && progressPeriod.getYear() == m.getYear() && !progressPeriod.isAfter(m);
        BigDecimal yearPlan = planYear != null && planYear == m.getYear() ? yearPlanned : null;
        BigDecimal thisYear = sameYear ? investmentThisYear : null;
        ScheduleRules.Status status = stageSince == null
                ? null
                : ScheduleRules.evaluate(
                        new ScheduleRules.Facts(
                                known,
                                stageSince,
                                plannedStart,
                                plannedCompletion,
                                total,
                                yearPlan,
                                completed,
                                thisYear,
                                physicalProgress,
                                progressPeriod),
                        m,
                        thresholds);
        return new SummaryProject(
                park,
                parkName,
                name,
                known,
                keyLevel,
                total,
                completed,
                yearPlan,
                thisYear,
                startedOn,
                completedOn,
                productionOn,
                status,
                physicalProgress,
                milestones);
    }
}
