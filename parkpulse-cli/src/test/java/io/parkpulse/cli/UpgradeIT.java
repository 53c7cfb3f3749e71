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
import java.util.function.Predicate;
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

    /**
     * The first shared migration the previous release did not have; it and every later one are this release's
     * (a database of that release never saw them, so they cannot be in its one history).
     */
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
        copy(root.resolve("projects-service/src/main/resources/db/migration"), previous, f -> false);
        copy(root.resolve("parkpulse-common/src/main/resources/db/messaging"), previous, UpgradeIT::newShared);
        copy(root.resolve("parkpulse-common/src/main/resources/db/park-replica"), previous, f -> false);
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
            assertEquals(200, BrokerOutageCheck.health("http://localhost:" + port + "/q/health/ready"));
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
        assertEquals(sharedVersions(root), versions(infra, db, "flyway_history_messaging"));
        assertEquals(List.of("0.2"), versions(infra, db, "flyway_history_park_replica"));
    }

    private static boolean newShared(String file) {
        return minor(file) >= minor(NEW_SHARED);
    }

    /** 5 for V0_5__…sql: shared migrations are numbered 0.n. */
    private static int minor(String file) {
        return Integer.parseInt(file.substring("V0_".length(), file.indexOf("__")));
    }

    /** Every shared messaging migration's version, in order ("0.1", "0.3", …). */
    private static List<String> sharedVersions(Path root) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("parkpulse-common/src/main/resources/db/messaging"))) {
            return files.map(f -> minor(f.getFileName().toString()))
                    .sorted()
                    .map(n -> "0." + n)
                    .toList();
        }
    }

    private static void copy(Path from, Path to, Predicate<String> except) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (!except.test(f.getFileName().toString())) {
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
