package io.parkpulse.common.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.periods.DateBounds;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * A handler whose events carry one payload record as JSON. A payload that does not parse is
 * thrown as a poison event (dead-lettered); {@link #apply} runs inside the consumer's transaction.
 */
public abstract class JsonEventHandler<T> implements EventHandler {

    @Inject
    protected ObjectMapper json;

    private final String topic;
    private final Class<T> payloadType;
    private final Set<String> types;

    /** @param types the event types of the topic this handler applies (the others are ignored); none: all of them */
    protected JsonEventHandler(String topic, Class<T> payloadType, String... types) {
        this.topic = topic;
        this.payloadType = payloadType;
        this.types = Set.of(types);
    }

    @Override
    public String topic() {
        return topic;
    }

    /** Whether this handler applies the event type; the others are ignored. */
    protected boolean accepts(String type) {
        return types.isEmpty() || types.contains(type);
    }

    @Override
    public void handle(Event event) throws Exception {
        if (accepts(event.type())) {
            apply(parse(json, event, payloadType), event);
        }
    }

    protected abstract void apply(T payload, Event event);

    /**
     * The event's payload as a record; a payload that does not parse can never be applied, so it is thrown as
     * {@link MalformedEventException}, the only exception the consumer dead-letters without retrying.
     */
    public static <P> P parse(ObjectMapper json, Event event, Class<P> type) {
        try {
            // Read against the outer calendar only: the producer checked each date against its field's rule.
            return json.readerFor(type)
                    .withAttribute(DateBounds.OUTER_BOUND_ONLY, Boolean.TRUE)
                    .readValue(event.data());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(event.type() + " payload does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
