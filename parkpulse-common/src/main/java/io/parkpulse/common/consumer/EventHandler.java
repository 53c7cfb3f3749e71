package io.parkpulse.common.consumer;

import io.parkpulse.common.events.Event;

/**
 * Applies one topic's events to a service's own tables. Called inside the transaction that also
 * records the event id, so an event's effect and its "processed" mark commit together. Types a
 * handler does not know are ignored, so producers can add event types without breaking consumers.
 * Throw {@link io.parkpulse.common.events.MalformedEventException} for an event that can never be
 * applied: it goes to the dead-letter topic.
 */
public interface EventHandler {

    String topic();

    void handle(Event event) throws Exception;
}
