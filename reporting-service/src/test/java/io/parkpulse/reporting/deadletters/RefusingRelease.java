package io.parkpulse.reporting.deadletters;

import io.parkpulse.common.consumer.EventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stands for the commonest cause of dead letters: a consumer release that refuses events which are right (an
 * indicator it does not know yet). While {@link #refusing} is set it refuses the values of {@link #INDICATOR},
 * which no other test reports; clearing it is the deploy that fixes the cause. It runs among the real handlers,
 * in their transaction, so a refusal also undoes what they did with the event.
 */
@ApplicationScoped
public class RefusingRelease implements EventHandler {

    public static final String INDICATOR = "dlq_new_indicator";

    public static volatile boolean refusing;

    @Override
    public String topic() {
        return Topics.INDICATORS;
    }

    @Override
    public void handle(Event event) {
        if (refusing
                && EventTypes.VALUE_RECORDED.equals(event.type())
                && event.data().contains(INDICATOR)) {
            throw new MalformedEventException("indicator " + INDICATOR + " is not known to this release");
        }
    }
}
