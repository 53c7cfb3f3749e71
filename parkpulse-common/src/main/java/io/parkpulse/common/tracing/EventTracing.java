package io.parkpulse.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

/**
 * One trace from a request through the outbox and Kafka to every consumer's handler. The outbox row keeps the
 * request's W3C trace context ({@link #current}), because the relay sends it later from a thread of its own;
 * the relay puts it on the record as the CloudEvents distributed-tracing extension ({@link #handOn}); the consumer
 * handles the record in a span whose parent it is, with the event's park, id and type in the log context
 * ({@link #handling}). Only the trace context travels, not baggage: a caller's baggage is not ours to forward.
 */
@ApplicationScoped
public class EventTracing {

    /** Log-context keys, beside OpenTelemetry's {@code traceId} and {@code spanId}. */
    public static final String PARK = "park";

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";

    /** tracestate longer than the outbox column is dropped; the trace itself still continues through traceparent. */
    static final int MAX_TRACESTATE = 512;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    @Inject
    Tracer tracer;

    /** The W3C trace context of a request, as the outbox row keeps it. Both null outside a trace. */
    public record TraceContext(String traceparent, String tracestate) {}

    /** The trace context of the calling thread's current span. */
    public static TraceContext current() {
        if (!Span.current().getSpanContext().isValid()) {
            return new TraceContext(null, null);
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        String state = carrier.get("tracestate");
        return new TraceContext(
                carrier.get("traceparent"),
                state == null || state.isEmpty() || state.length() > MAX_TRACESTATE ? null : state);
    }

    /** Puts a stored trace context on a record as {@code ce_traceparent} and {@code ce_tracestate}. */
    public static void handOn(ProducerRecord<String, String> record, String traceparent, String tracestate) {
        if (traceparent != null) {
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.TRACEPARENT, traceparent);
            CloudEventHeaders.put(record.headers(), CloudEventHeaders.TRACESTATE, tracestate);
        }
    }

    /** The trace context a record carries, or the root context when it carries none (or an invalid one). */
    public static Context carried(Headers headers) {
        return W3C.extract(Context.root(), headers, RECORD_HEADERS);
    }

    /**
     * Starts the span in which one record is handled (a child of the trace it carries, else a new trace) and puts
     * the event's park, id and type in the log context. Close it when the record is finished with.
     */
    public Handling handling(ConsumerRecord<String, String> record, Event event) {
        Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(carried(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("cloudevents.event_subject", event.subject() == null ? "" : event.subject())
                .startSpan();
        Scope scope = span.makeCurrent();
        putOrRemove(PARK, event.subject());
        MDC.put(EVENT_ID, event.id().toString());
        MDC.put(EVENT_TYPE, event.type());
        return new Handling(span, scope);
    }

    /** The span and log context of one record; closing ends the span and clears what {@link #handling} set. */
    public static final class Handling implements AutoCloseable {
        private final Span span;
        private final Scope scope;

        private Handling(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void close() {
            MDC.remove(PARK);
            MDC.remove(EVENT_ID);
            MDC.remove(EVENT_TYPE);
            scope.close();
            span.end();
        }
    }

    static void putOrRemove(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** Kafka headers named as the CloudEvents Kafka binding names the extension: {@code ce_} before the attribute. */
    private static final TextMapGetter<Headers> RECORD_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : CloudEventHeaders.get(headers, "ce_" + key);
        }
    };
}
