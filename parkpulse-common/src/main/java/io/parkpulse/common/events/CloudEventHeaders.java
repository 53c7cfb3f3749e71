package io.parkpulse.common.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The CloudEvents Kafka protocol binding (binary content mode), both ways. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * The CloudEvents distributed-tracing extension: the W3C trace context of the request that caused the event.
     * Optional; a consumer that finds it handles the event in the same trace.
     */
    public static final String TRACEPARENT = "ce_traceparent";

    public static final String TRACESTATE = "ce_tracestate";

    public static ProducerRecord<String, String> toRecord(String topic, Event e) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, e.subject(), e.data());
        Headers h = r.headers();
        put(h, SPEC_VERSION, "1.0");
        put(h, ID, e.id().toString());
        put(h, SOURCE, e.source());
        put(h, TYPE, e.type());
        put(h, SUBJECT, e.subject());
        put(h, TIME, e.time().toString());
        put(h, CONTENT_TYPE, "application/json");
        return r;
    }

    /** Reads the envelope; throws {@link MalformedEventException} when an attribute is missing or invalid. */
    public static Event fromRecord(ConsumerRecord<String, String> r) {
        String id = get(r.headers(), ID);
        String type = get(r.headers(), TYPE);
        if (id == null || type == null || r.value() == null) {
            throw new MalformedEventException("missing ce_id, ce_type or data");
        }
        try {
            String time = get(r.headers(), TIME);
            return new Event(
                    UUID.fromString(id),
                    get(r.headers(), SOURCE),
                    type,
                    get(r.headers(), SUBJECT),
                    time == null ? null : OffsetDateTime.parse(time),
                    r.value());
        } catch (RuntimeException ex) {
            throw new MalformedEventException("invalid CloudEvents attribute: " + ex.getMessage());
        }
    }

    public static String get(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String key, String value) {
        if (value != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private CloudEventHeaders() {}
}
