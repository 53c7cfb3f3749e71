package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay sends the events a service has committed. */
@ConfigMapping(prefix = "parkpulse.outbox")
public interface OutboxSettings {

    /** Whether this instance runs the relay at all (default true; one relay per database sends, by lock). */
    @WithDefault("true")
    boolean enabled();

    /** How long the relay waits after an empty outbox before looking again (ISO-8601 duration, default PT0.2S). */
    @WithDefault("PT0.2S")
    Duration interval();

    /** Events sent per transaction and broker flush (rows, default 500). */
    @WithDefault("500")
    int batchSize();
}
