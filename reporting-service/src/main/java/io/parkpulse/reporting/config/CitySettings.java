package io.parkpulse.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The city this instance reports on. */
@ConfigMapping(prefix = "parkpulse.city")
public interface CitySettings {

    /**
     * What the city calls itself in the written summary's title and sentences ("全市工业园区…", "全市园区…");
     * plain text, default {@code 全市}.
     */
    @WithDefault("全市")
    String name();
}
