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
 * data directory of its own that is removed when it is closed. It can be stopped (as an operator's
 * {@code pg_ctl stop -m fast}: sessions are terminated) and started again on the same port and data,
 * which the fault-injection tests rely on.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres pg;

    private PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static PostgresServer start(Path dataDir) throws IOException {
        // The data directory is ours to remove at close: the embedded server's own cleaning would also
        // remove it at a mere stop, and a restart must find the databases where they were.
        InfraDaemon.deleteTree(dataDir);
        PostgresServer s = new PostgresServer(dataDir, Ports.free());
        s.start();
        return s;
    }

    /** Starts (or starts again) the server on its port and data directory. */
    public synchronized void start() throws IOException {
        if (pg != null) {
            return;
        }
        pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Four services with their pools, their tests and a benchmark share one server.
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    /** Stops the server, keeping its data; {@link #start()} brings it back. */
    public synchronized void stop() throws IOException {
        if (pg != null) {
            EmbeddedPostgres running = pg;
            pg = null;
            running.close();
        }
    }

    public int port() {
        return port;
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
        stop();
        InfraDaemon.deleteTree(dataDir);
    }
}
