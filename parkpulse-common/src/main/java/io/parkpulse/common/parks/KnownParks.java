package io.parkpulse.common.parks;

import io.parkpulse.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses writes for parks the registry does not know (or has closed). */
@ApplicationScoped
public class KnownParks {

    public ParkReplica require(String code, String field) {
        ParkReplica p = code == null ? null : ParkReplica.findById(code);
        if (p == null) {
            throw ProblemException.unprocessable(field, "unknown_park", "park '" + code + "' is not in the registry");
        }
        if (!p.isActive()) {
            throw ProblemException.unprocessable(field, "park_closed", "park '" + code + "' is closed");
        }
        return p;
    }
}
