package io.parkpulse.indicators.repository;

import io.parkpulse.indicators.domain.CorrectionWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Correction windows, open and past. */
@ApplicationScoped
public class CorrectionWindowRepository {

    public CorrectionWindow find(long id) {
        return CorrectionWindow.findById(id);
    }

    /** The park's window on the month that is neither closed nor expired, if any. */
    public Optional<CorrectionWindow> open(String park, String period) {
        return CorrectionWindow.<CorrectionWindow>find(
                        "park = ?1 and period = ?2 and closedAt is null and expiresAt > ?3",
                        park,
                        period,
                        OffsetDateTime.now())
                .firstResultOptional();
    }

    public List<CorrectionWindow> ofPark(String park) {
        return CorrectionWindow.list("park = ?1 order by id", park);
    }
}
