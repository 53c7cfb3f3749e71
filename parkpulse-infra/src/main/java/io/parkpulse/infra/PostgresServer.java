package io.parkpulse.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, on a free port, with a
 * data directory of its own that is removed when it stops.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres pg;

    private PostgresServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static PostgresServer start(Path dataDir) throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setPort(Ports.free())
                // Four services with their pools, their tests and a benchmark share one server.
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        return new PostgresServer(pg);
    }

    public int port() {
        return pg.getPort();
    }

    public Endpoints endpoints(String kafkaBootstrap) {
        return new Endpoints("jdbc:postgresql://localhost:" + port() + "/", "postgres", "postgres", kafkaBootstrap);
    }

    /** Creates a database unless it exists; each service gets its own. */
    public static void createDatabase(Endpoints e, String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("postgres"), e.user(), e.password());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name + " template template0 encoding 'UTF8'");
        }
    }

    /** Drops a database and everything in it (used to give a test run a clean slate). */
    public static void recreateDatabase(Endpoints e, String name) throws SQLException {
        createDatabase(e, "postgres");
        try (Connection c = DriverManager.getConnection(e.jdbcUrl("postgres"), e.user(), e.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            // template0 accepts no connections, so test JVMs of modules built in parallel can copy it at the
            // same moment; copying template1 fails while any other session is in it (SQLSTATE 55006).
            s.execute("create database " + name + " template template0 encoding 'UTF8'");
        }
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
