package io.parkpulse.indicators;

import io.opentelemetry.api.trace.Span;
import io.parkpulse.common.consumer.EventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * A consumer of this service's own park events, in the tests only: indicators-service consumes no park events,
 * so this handler stands for reporting's and records what a handler sees of the trace and the log context.
 * Only parks whose code starts with {@link #PREFIX} are recorded.
 */
@ApplicationScoped
public class TraceProbe implements EventHandler {

    static final String PREFIX = "TRACE";
    private static final Logger LOG = Logger.getLogger(TraceProbe.class);

    /** What the handler saw of one event: the current span's ids and the log context. */
    record Seen(String traceId, String spanId, Map<String, Object> logContext) {}

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** What the handler saw of the event with this id, null before it was handled. */
    Seen seen(String eventId) {
        return seen.get(eventId);
    }

    @Override
    public String topic() {
        return Topics.PARKS;
    }

    @Override
    public void handle(Event event) {
        if (event.subject() == null || !event.subject().startsWith(PREFIX)) {
            return;
        }
        var span = Span.current().getSpanContext();
        seen.put(event.id().toString(), new Seen(span.getTraceId(), span.getSpanId(), new HashMap<>(MDC.getMap())));
        LOG.infof("trace probe handled %s", event.id());
    }
}
