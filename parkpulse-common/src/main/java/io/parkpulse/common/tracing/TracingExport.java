package io.parkpulse.common.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.parkpulse.common.config.TracingSettings;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the OpenTelemetry SDK on (spans and trace ids for logs and events) while exporting nothing, unless
 * {@code parkpulse.tracing.export=true}. Quarkus chooses its exporter at build time and builds the OTLP one,
 * aimed at localhost:4317 by default, whenever no {@link SpanExporter} bean can be looked up; this bean, which
 * drops every span, can be looked up exactly while export is off, so one image serves both.
 */
@Singleton
public class TracingExport {

    private static final Logger LOG = Logger.getLogger(TracingExport.class);

    @Inject
    TracingSettings settings;

    @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint", defaultValue = "http://localhost:4317")
    String endpoint;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean sdkDisabled;

    @Produces
    @Singleton
    @LookupUnlessProperty(name = "parkpulse.tracing.export", stringValue = "true")
    SpanExporter dropSpans() {
        return SpanExporter.composite(List.of());
    }

    void announce(@Observes StartupEvent ev) {
        if (sdkDisabled) {
            LOG.info("Tracing: off (quarkus.otel.sdk.disabled); no trace ids in logs or events");
        } else if (settings.export()) {
            LOG.infof("Tracing: spans exported over OTLP to %s", endpoint);
        } else {
            LOG.info(
                    "Tracing: trace ids in logs and events, spans not exported (PARKPULSE_TRACING_EXPORT=true exports)");
        }
    }
}
