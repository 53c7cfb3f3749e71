package io.parkpulse.common.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.events.Event;
import jakarta.inject.Inject;

/**
 * A handler whose events carry one payload record as JSON. A payload that does not parse is
 * thrown as a poison event (dead-lettered); {@link #apply} runs inside the consumer's transaction.
 */
public abstract class JsonEventHandler<T> implements EventHandler {

    @Inject
    protected ObjectMapper json;

    private final String topic;
    private final Class<T> payloadType;

    protected JsonEventHandler(String topic, Class<T> payloadType) {
        this.topic = topic;
        this.payloadType = payloadType;
    }

    @Override
    public String topic() {
        return topic;
    }

    /** Which event types of the topic this handler applies; the others are ignored. */
    protected boolean accepts(String type) {
        return true;
    }

    @Override
    public void handle(Event event) throws Exception {
        if (accepts(event.type())) {
            apply(json.readValue(event.data(), payloadType), event);
        }
    }

    protected abstract void apply(T payload, Event event);
}
