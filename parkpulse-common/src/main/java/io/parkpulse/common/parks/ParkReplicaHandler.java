package io.parkpulse.common.parks;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ParkState;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps {@link ParkReplica} current. Park events carry the full state and a version, so applying
 * one is a replace-if-newer: replays and duplicates leave the copy as it is.
 */
@ApplicationScoped
@IfBuildProperty(name = "parkpulse.park-replica.enabled", stringValue = "true")
public class ParkReplicaHandler extends JsonEventHandler<ParkState> {

    public ParkReplicaHandler() {
        super(Topics.PARKS, ParkState.class);
    }

    @Override
    protected void apply(ParkState s, Event event) {
        if (s.code() == null || s.name() == null || s.level() == null || s.kind() == null || s.status() == null) {
            throw new MalformedEventException("park event without code, name, level, kind or status");
        }
        ParkReplica p = ParkReplica.findById(s.code());
        if (p == null) {
            p = new ParkReplica();
            p.code = s.code();
        } else if (p.version >= s.version()) {
            return;
        }
        p.name = s.name();
        p.level = s.level();
        p.kind = s.kind();
        p.district = s.district();
        p.peerGroup = s.peerGroup();
        p.developedLandMu = s.developedLandMu();
        p.status = s.status();
        p.version = s.version();
        p.persist();
    }
}
