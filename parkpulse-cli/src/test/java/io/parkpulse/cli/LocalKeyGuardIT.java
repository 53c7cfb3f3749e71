package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A packaged service that would trust the public, local-only key pair refuses to start unless told it is a local run. */
class LocalKeyGuardIT {

    @Test
    void aPackagedServiceRefusesTheLocalKeyOutsideALocalRun() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        Endpoints infra = SharedInfra.endpoints();
        PostgresServer.createDatabase(infra, "guard_indicators");
        Path logs = Files.createTempDirectory("parkpulse-guard");
        ServiceProcess s =
                ServiceProcess.start(root, "indicators-service", Ports.free(), "guard_indicators", infra, logs, false);
        try {
            Integer exit = s.awaitExit(Duration.ofMinutes(2));
            assertNotNull(exit, "the service kept running although it trusts the local-only key");
            assertNotEquals(0, exit);
            assertTrue(Files.readString(s.log()).contains("local-only key pair"), "the refusal says why");
        } finally {
            s.close();
        }
    }
}
