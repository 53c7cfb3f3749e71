package io.parkpulse.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When the parks' monthly reports are due. */
@ConfigMapping(prefix = "parkpulse.reporting")
public interface ReportingSettings {

    /**
     * Day of the following month by whose end (23:59:59 Asia/Shanghai) a month's report is due; days past 28
     * count as 28 so that every month has the day (day of month, default 10).
     */
    @WithDefault("10")
    int deadlineDay();
}
