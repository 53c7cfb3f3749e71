package io.parkpulse.common.parks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A service's local copy of one park, kept from {@code parkpulse.parks}. Services validate and
 * authorize against it instead of calling indicators-service.
 */
@Entity
@Table(name = "park_replica")
public class ParkReplica extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String level;

    @Column(nullable = false)
    public String kind;

    public String district;

    @Column(name = "peer_group")
    public String peerGroup;

    @Column(name = "developed_land_mu")
    public BigDecimal developedLandMu;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
