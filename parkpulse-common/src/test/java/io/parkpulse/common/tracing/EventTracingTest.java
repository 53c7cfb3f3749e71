package io.parkpulse.common.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.parkpulse.common.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The trace context's way into the outbox row and from the row onto the record and back, without a service. */
class EventTracingTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aSpansContextIsKeptHandedOnAndReadBack() {
        SpanContext span = SpanContext.create(
                TRACE,
                SPAN,
                TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "v1").build());
        EventTracing.TraceContext kept;
        try (Scope ignored = Span.wrap(span).makeCurrent()) {
            kept = EventTracing.current();
        }
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", kept.traceparent());
        assertEquals("vendor=v1", kept.tracestate());

        ProducerRecord<String, String> record = new ProducerRecord<>("t", "JB-1", "{}");
        EventTracing.handOn(record, kept.traceparent(), kept.tracestate());
        assertEquals(kept.traceparent(), CloudEventHeaders.get(record.headers(), "ce_traceparent"));
        assertEquals("vendor=v1", CloudEventHeaders.get(record.headers(), "ce_tracestate"));

        SpanContext read =
                Span.fromContext(EventTracing.carried(record.headers())).getSpanContext();
        assertEquals(TRACE, read.getTraceId());
        assertEquals(SPAN, read.getSpanId());
        assertEquals("v1", read.getTraceState().get("vendor"));
    }

    @Test
    void outsideATraceNothingIsKeptOrHandedOn() {
        EventTracing.TraceContext kept = EventTracing.current();
        assertNull(kept.traceparent());
        assertNull(kept.tracestate());
        ProducerRecord<String, String> record = new ProducerRecord<>("t", "JB-1", "{}");
        EventTracing.handOn(record, null, null);
        assertFalse(record.headers().iterator().hasNext());
        assertFalse(Span.fromContext(EventTracing.carried(record.headers()))
                .getSpanContext()
                .isValid());
    }

    @Test
    void aTracestateLongerThanItsColumnIsDroppedAndTheTraceGoesOn() {
        // Values are at most 256 characters each: three of 200 make a state longer than the column's 512.
        TraceState big = TraceState.builder()
                .put("a", "x".repeat(200))
                .put("b", "y".repeat(200))
                .put("c", "z".repeat(200))
                .build();
        assertEquals(3, big.size(), "the state is as long as meant");
        EventTracing.TraceContext kept;
        try (Scope ignored = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), big))
                .makeCurrent()) {
            kept = EventTracing.current();
        }
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", kept.traceparent());
        assertNull(kept.tracestate());
    }

    @Test
    void aMalformedTraceparentStartsNoTrace() {
        ProducerRecord<String, String> record = new ProducerRecord<>("t", "JB-1", "{}");
        EventTracing.handOn(record, "00-not-a-trace-01", null);
        assertFalse(Span.fromContext(EventTracing.carried(record.headers()))
                .getSpanContext()
                .isValid());
    }
}
