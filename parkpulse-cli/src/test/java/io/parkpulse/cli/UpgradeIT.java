package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * An upgrade as an operator makes one: a database left by a release that kept every migration in one history
 * (the shared {@code V0_x} parts beside the service's {@code V1…}), at the point where that release stopped —
 * the service's migrations applied and the newest shared migration not yet written — and the packaged service of
 * this release started on it. With one history the new shared migration sorted below the applied {@code V2} and
 * Flyway refused to start; now the shared parts move to histories of their own and the new migration applies.
 */
class UpgradeIT {

    /** The shared migration the previous release did not have yet. */
    static final String NEW_SHARED = "V0_5__outbox_keeps_only_pending.sql";

    @Test
    void aDatabaseOfThePreviousReleaseUpgradesAndTheServiceStartsOnIt() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createTempDirectory("parkpulse-upgrade");
        Endpoints infra = SharedInfra.endpoints();
        String db = "upgrade_projects";
        PostgresServer.recreateDatabase(infra, db);

        // The previous release: one history, every part's scripts in one location.
        Path previous = Files.createDirectories(work.resolve("previous-release"));
        copy(root.resolve("projects-service/src/main/resources/db/migration"), previous, null);
        copy(root.resolve("parkpulse-common/src/main/resources/db/messaging"), previous, NEW_SHARED);
        copy(root.resolve("parkpulse-common/src/main/resources/db/park-replica"), previous, null);
        Flyway.configure()
                .dataSource(infra.jdbcUrl(db), infra.user(), infra.password())
                .locations("filesystem:" + previous)
                .load()
                .migrate();
        assertTrue(versions(infra, db, "flyway_schema_history").contains("0.4"));

        int port = Ports.free();
        try (ServiceProcess service =
                ServiceProcess.start(root, "projects-service", port, db, infra, work.resolve("logs"))) {
            service.awaitUp(Duration.ofMinutes(3));
            assertEquals(200, BrokerOutageIT.health("http://localhost:" + port + "/q/health/ready"));
            // A write goes through the outbox the new shared migration changed.
            new Api(Tokens.token("bureau-admin", null))
                    .get("http://localhost:" + port + "/api/v1/projects", Map.of())
                    .expect(200);
        }
        assertEquals(
                List.of("1", "2"),
                versions(infra, db, "flyway_schema_history").stream()
                        .filter(v -> !v.equals("0"))
                        .toList(),
                "the service's own history keeps only its own migrations");
        assertEquals(List.of("0.1", "0.3", "0.4", "0.5"), versions(infra, db, "flyway_history_messaging"));
        assertEquals(List.of("0.2"), versions(infra, db, "flyway_history_park_replica"));
    }

    private static void copy(Path from, Path to, String except) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals(except)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
    }

    private static List<String> versions(Endpoints e, String db, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl(db), e.user(), e.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version from " + table
                        + " where success and version is not null order by installed_rank")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
