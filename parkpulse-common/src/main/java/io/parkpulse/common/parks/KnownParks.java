package io.parkpulse.common.parks;

import io.parkpulse.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses writes for parks the registry does not know (or has closed). */
@ApplicationScoped
public class KnownParks {

    public ParkReplica require(String code, String field) {
        ParkReplica p = code == null ? null : ParkReplica.findById(code);
        if (p == null) {
            throw ProblemException.unprocessable(
                    field, "unknown_park", "园区名录中没有园区“" + code + "”", "park '" + code + "' is not in the registry");
        }
        if (!p.isActive()) {
            throw ProblemException.unprocessable(
                    field, "park_closed", "园区“" + code + "”已撤销，不再接受填报", "park '" + code + "' is closed");
        }
        return p;
    }
}
