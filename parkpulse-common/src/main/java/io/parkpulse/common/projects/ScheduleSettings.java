package io.parkpulse.common.projects;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** The schedule-status thresholds; the defaults are the ones DOMAIN.md quotes. */
@ConfigMapping(prefix = "parkpulse.projects.status")
public interface ScheduleSettings {

    /** Points behind time-elapsed progress from which investment is yellow. */
    @WithDefault("10")
    BigDecimal investmentYellowPoints();

    /** Points behind time-elapsed progress beyond which investment is red. */
    @WithDefault("30")
    BigDecimal investmentRedPoints();

    /** Months past the planned start, still not started, from which a project is red (yellow before). */
    @WithDefault("3")
    int startRedMonths();

    /** Months past the planned completion, still not completed, from which a project is red. */
    @WithDefault("3")
    int completionRedMonths();

    /** Months without a progress report after which a project under way counts as stalled. */
    @WithDefault("3")
    int stalledMonths();

    default ScheduleRules.Thresholds thresholds() {
        return new ScheduleRules.Thresholds(
                investmentYellowPoints(),
                investmentRedPoints(),
                startRedMonths(),
                completionRedMonths(),
                stalledMonths());
    }
}
