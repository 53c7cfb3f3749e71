package io.parkpulse.common.consumer;

import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The one way an event reaches a service's handlers: by the consumer loop, and by an operator re-processing a
 * dead letter. Both must mark the event processed in the same transaction as its effect, or a dead letter
 * re-processed while the consumer meets the same event again (the relay re-sent it) would be applied twice.
 */
@ApplicationScoped
public class EventApplier {

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    ConsumedEventRepository consumed;

    /**
     * Applies the event with every handler of its topic, in the caller's transaction; false when it had been
     * applied before (nothing is done). {@code topic} is the plain name, without the broker's prefix.
     */
    public boolean apply(String topic, Event event) throws Exception {
        if (!consumed.markProcessed(event.id(), topic, event.type())) {
            return false;
        }
        for (EventHandler h : handlers) {
            if (h.topic().equals(topic)) {
                h.handle(event);
            }
        }
        return true;
    }

    /** Whether the failure is the event's own (it can never be applied as it is), not the moment's. */
    public static boolean isPoison(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, as "Type: message": what an operator needs to find the fault. */
    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
