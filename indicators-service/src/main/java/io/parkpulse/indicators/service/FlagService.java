package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.FlagStatus;
import io.parkpulse.indicators.domain.ValueFlag;
import io.parkpulse.indicators.repository.ValueQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** Review flags: a bureau analyst clears a flag once the value is confirmed, with a note. */
@ApplicationScoped
public class FlagService {

    @Inject
    ValueQueries queries;

    /** A page of review flags, of one park when {@code park} is set. */
    public <T> Page<T> list(String park, FlagStatus status, PageRequest page, Function<ValueFlag, T> view) {
        return queries.flagPage(park, status, page, view);
    }

    @Transactional
    public ValueFlag clear(long id, String note, String user) {
        ValueFlag f = queries.flag(id);
        if (f == null) {
            throw ProblemException.notFound("flag", Long.toString(id));
        }
        if (f.clearedAt != null) {
            throw ProblemException.conflict("already_cleared", "this flag was cleared by " + f.clearedBy, null);
        }
        if (note == null || note.isBlank() || note.length() > 500) {
            throw ProblemException.badRequest("note", "required", "say in up to 500 characters why the value stands");
        }
        f.clearedAt = OffsetDateTime.now();
        f.clearedBy = user;
        f.clearNote = note;
        return f;
    }
}
