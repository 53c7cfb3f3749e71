package io.parkpulse.cli;

import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.PostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four services started as separate processes against one PostgreSQL server and one broker. */
public final class Platform implements AutoCloseable {

    public static final List<String> MODULES =
            List.of("indicators-service", "projects-service", "investment-service", "reporting-service");

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    /**
     * @param ports one port per module, in {@link #MODULES} order
     * @param databasePrefix prefixes each service's database name (e.g. {@code e2e_}), so that runs
     *        sharing a server do not share data
     */
    public static Platform start(Path root, Endpoints infra, List<Integer> ports, String databasePrefix, Path logDir)
            throws IOException, InterruptedException {
        Platform p = new Platform();
        try {
            for (int i = 0; i < MODULES.size(); i++) {
                String module = MODULES.get(i);
                String db = databasePrefix + module.substring(0, module.indexOf('-'));
                try {
                    PostgresServer.createDatabase(infra, db);
                } catch (java.sql.SQLException e) {
                    throw new IOException("cannot create database " + db + ": " + e.getMessage(), e);
                }
                p.services.put(module, ServiceProcess.start(root, module, ports.get(i), db, infra, logDir));
            }
            for (ServiceProcess s : p.services.values()) {
                s.awaitUp(Duration.ofMinutes(3));
            }
            return p;
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    public String url(String module) {
        return services.get(module).baseUrl();
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    @Override
    public void close() {
        services.values().parallelStream().forEach(ServiceProcess::close);
    }
}
