package io.parkpulse.indicators.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.QuarterClosed;
import io.parkpulse.indicators.service.LockService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A published quarterly assessment locks its quarter's three months (the first lock of a month stays). */
@ApplicationScoped
public class QuarterClosedHandler extends JsonEventHandler<QuarterClosed> {

    @Inject
    LockService locks;

    public QuarterClosedHandler() {
        super(Topics.ASSESSMENTS, QuarterClosed.class, EventTypes.QUARTER_CLOSED);
    }

    @Override
    protected void apply(QuarterClosed q, Event event) {
        if (q.quarter() == null || !q.quarter().matches("\\d{4}-Q[1-4]") || q.assessmentId() == null) {
            throw new MalformedEventException("quarter-closed event without a valid quarter or assessment id");
        }
        int year = Integer.parseInt(q.quarter().substring(0, 4));
        int last = 3 * (q.quarter().charAt(6) - '0');
        List<String> months = new ArrayList<>();
        for (int m = last - 2; m <= last; m++) {
            months.add(YearMonth.of(year, m).toString());
        }
        locks.lock(
                months,
                q.quarter(),
                q.assessmentId(),
                q.revision(),
                q.closedAt() == null ? event.time() : q.closedAt());
    }
}
