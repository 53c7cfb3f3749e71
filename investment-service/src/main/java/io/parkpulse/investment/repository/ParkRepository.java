package io.parkpulse.investment.repository;

import io.parkpulse.common.parks.ParkReplica;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The local replica of the parks. */
@ApplicationScoped
public class ParkRepository {

    public List<ParkReplica> all() {
        return ParkReplica.list("order by code");
    }

    public Optional<ParkReplica> byCode(String code) {
        return ParkReplica.findByIdOptional(code);
    }
}
