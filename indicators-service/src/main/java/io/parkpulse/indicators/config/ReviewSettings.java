package io.parkpulse.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** When a stored value is flagged for review (docs/indicators.md, review flags). */
@ConfigMapping(prefix = "parkpulse.review")
public interface ReviewSettings {

    /**
     * Largest change, in percent, of a cumulative indicator's month alone against the previous month alone
     * before it is flagged {@code jump_vs_previous_month} (default 200).
     */
    @WithDefault("200")
    BigDecimal monthJumpPct();

    /**
     * Largest change, in percent, of a stock indicator's value against last month's before it is flagged
     * {@code jump_vs_previous_month} (default 30).
     */
    @WithDefault("30")
    BigDecimal stockJumpPct();

    /**
     * Largest change, in percent, of the year-to-date (or stock) value against the same month last year before it
     * is flagged {@code jump_vs_last_year} (default 50).
     */
    @WithDefault("50")
    BigDecimal yearJumpPct();
}
