package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether spans leave the service. Trace ids exist either way (they are in the logs and in every event's
 * {@code ce_traceparent}); only the export to a collector is switched, because an exporter with no collector
 * behind it logs a connection error every few seconds. Where to send them is Quarkus's own
 * {@code quarkus.otel.exporter.otlp.*} (docs/operations.md, Tracing and logs).
 */
@ConfigMapping(prefix = "parkpulse.tracing")
public interface TracingSettings {

    /** Export spans over OTLP to {@code quarkus.otel.exporter.otlp.endpoint} (default false: spans stay in memory). */
    @WithDefault("false")
    boolean export();
}
