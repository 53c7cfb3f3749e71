package io.parkpulse.indicators.repository;

import io.parkpulse.indicators.domain.ParkLand;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A park's developed land over time. */
@ApplicationScoped
public class ParkLandRepository {

    public ParkLand find(ParkLand.Key key) {
        return ParkLand.findById(key);
    }

    /** The land in force on a date. */
    public Optional<ParkLand> asOf(String park, LocalDate date) {
        return ParkLand.<ParkLand>find(
                        "id.parkCode = ?1 and id.effectiveFrom <= ?2 order by id.effectiveFrom desc", park, date)
                .firstResultOptional();
    }

    /** Every recorded land figure of the park, oldest first. */
    public List<ParkLand> history(String park) {
        return ParkLand.list("id.parkCode = ?1 order by id.effectiveFrom", park);
    }
}
