package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.common.security.Caller;
import io.parkpulse.indicators.domain.FlagState;
import io.parkpulse.indicators.domain.FlagStatus;
import io.parkpulse.indicators.domain.ValueFlag;
import io.parkpulse.indicators.messaging.FlagEvents;
import io.parkpulse.indicators.repository.ValueQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Review flags (数据核查): the park explains a flagged value, the bureau clears the flag (the value stands) or
 * rejects the explanation; a new version of the value closes the flag by itself (see ValueService).
 */
@ApplicationScoped
public class FlagService {

    static final int MAX_TEXT = 500;

    @Inject
    ValueQueries queries;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    /** A page of review flags, of one park when {@code park} is set. */
    public <T> Page<T> list(String park, FlagStatus status, PageRequest page, Function<ValueFlag, T> view) {
        return queries.flagPage(park, status, page, view);
    }

    @Transactional
    public ValueFlag explain(long id, String explanation, String user) {
        ValueFlag f = find(id);
        if (!f.status.canBeExplained()) {
            throw refused(f, "说明", "explained");
        }
        text("explanation", explanation, "说明这个数值为什么是对的", "say why the value is right");
        f.explain(explanation.strip(), user, OffsetDateTime.now());
        published(f);
        return f;
    }

    @Transactional
    public ValueFlag clear(long id, String note, String user) {
        ValueFlag f = find(id);
        if (f.status.isClosed()) {
            throw refused(f, "核销", "cleared");
        }
        text("note", note, "说明数值为什么成立", "say why the value stands");
        f.close(FlagState.CLEARED, note.strip(), user, OffsetDateTime.now());
        published(f);
        return f;
    }

    @Transactional
    public ValueFlag reject(long id, String note, String user) {
        ValueFlag f = find(id);
        if (!f.status.canBeRejected()) {
            throw refused(f, "退回", "rejected");
        }
        text("note", note, "说明需要园区更正或补充什么", "say what the park must correct or add");
        f.reject(note.strip(), user, OffsetDateTime.now());
        published(f);
        return f;
    }

    /**
     * Park staff reach only their own park's flags; another park's answers as an id that does not exist, and is
     * not locked first: a park must not be able to hold up another park's review by probing its ids.
     */
    private ValueFlag find(long id) {
        ValueFlag f = queries.flag(id);
        caller.visible(f, f == null ? null : f.park, "核查提示", "flag", id);
        return queries.lockForUpdate(f);
    }

    private void published(ValueFlag f) {
        outbox.publishAll(List.of(FlagEvents.changed(f.park, List.of(FlagEvents.state(f)))));
    }

    private static void text(String field, String value, String chinese, String english) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw ProblemException.badRequest(
                    field,
                    "required",
                    "请用不超过" + MAX_TEXT + "个字" + chinese,
                    english + " in up to " + MAX_TEXT + " characters");
        }
    }

    private static ProblemException refused(ValueFlag f, String action, String english) {
        return new ProblemException(
                409,
                "flag_" + f.status.name().toLowerCase(Locale.ROOT),
                "该核查提示当前为“" + f.status.label + "”，不能" + action,
                "this flag is " + f.status.name().toLowerCase(Locale.ROOT) + " and cannot be " + english,
                List.of(),
                null);
    }
}
