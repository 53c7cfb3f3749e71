package io.parkpulse.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A committed write wakes the outbox relay: with an interval of an hour between looks at an empty outbox, events
 * still reach the broker, so only the wake-up can have sent them.
 */
@QuarkusTest
@TestProfile(OutboxWakeTest.HourLongInterval.class)
class OutboxWakeTest {

    public static class HourLongInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parkpulse.outbox.interval", "PT1H");
        }
    }

    @Test
    void aCommitSendsItsEventsWithoutWaitingForTheInterval() {
        // The first write may meet a relay still busy with the start; the second finds it waiting for the hour.
        for (int i = 0; i < 2; i++) {
            String park = "WAKE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            ParkAndValueApiTest.registerPark(park);
            assertEquals(1, ParkAndValueApiTest.readAll(Topics.PARKS, park, 1).size(), park + " on the broker");
        }
    }
}
