package io.parkpulse.investment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long an open lead may go untouched in each stage before it is listed as stale. */
@ConfigMapping(prefix = "parkpulse.investment.stale-days")
public interface InvestmentSettings {

    @WithDefault("30")
    int lead();

    @WithDefault("60")
    int negotiating();

    @WithDefault("90")
    int signed();
}
