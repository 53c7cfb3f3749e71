package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.indicators.domain.ValueFlag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/** Review flags: a bureau analyst clears a flag once the value is confirmed, with a note. */
@ApplicationScoped
public class FlagService {

    @Transactional
    public ValueFlag clear(long id, String note, String user) {
        ValueFlag f = ValueFlag.findById(id);
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
