package io.parkpulse.common.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event as it travels on Kafka in binary mode: the attributes are the
 * {@code ce_*} headers, {@code data} is the JSON record value and {@code subject} (the park code)
 * is also the record key.
 */
public record Event(UUID id, String source, String type, String subject, OffsetDateTime time, String data) {}
