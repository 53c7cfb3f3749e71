package io.parkpulse.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the read model rankings keep in memory. */
@ConfigMapping(prefix = "parkpulse.reporting.ranking-cache")
public interface RankingCacheSettings {

    /**
     * Indicator-months kept, each one indicator's values in one month (about 120 KB for 2,700 parks); the
     * least used go first past this bound (count, default 1024).
     */
    @WithDefault("1024")
    int months();
}
