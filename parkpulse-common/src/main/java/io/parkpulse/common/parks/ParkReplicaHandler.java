package io.parkpulse.common.parks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.consumer.EventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ParkState;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps {@link ParkReplica} current. Park events carry the full state and a version, so applying
 * one is a replace-if-newer: replays and duplicates leave the copy as it is.
 */
@ApplicationScoped
@IfBuildProperty(name = "parkpulse.park-replica.enabled", stringValue = "true")
public class ParkReplicaHandler implements EventHandler {

    @Inject
    ObjectMapper json;

    @Override
    public String topic() {
        return Topics.PARKS;
    }

    @Override
    public void handle(Event event) throws Exception {
        ParkState s = json.readValue(event.data(), ParkState.class);
        if (s.code() == null || s.name() == null) {
            throw new IllegalArgumentException("park event without code or name");
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
