package io.parkpulse.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** Where the running PostgreSQL server and Kafka broker can be reached. */
public record Endpoints(String jdbcBase, String user, String password, String kafkaBootstrap) {

    /** A database on the server, e.g. {@code jdbc:postgresql://localhost:54321/indicators}. */
    public String jdbcUrl(String database) {
        return jdbcBase + database;
    }

    void write(Path file, long daemonPid) throws IOException {
        Properties p = new Properties();
        p.setProperty("jdbcBase", jdbcBase);
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("kafkaBootstrap", kafkaBootstrap);
        p.setProperty("daemonPid", Long.toString(daemonPid));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "ParkPulse shared infrastructure");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    static Endpoints of(Properties p) {
        return new Endpoints(
                p.getProperty("jdbcBase"),
                p.getProperty("user"),
                p.getProperty("password"),
                p.getProperty("kafkaBootstrap"));
    }
}
