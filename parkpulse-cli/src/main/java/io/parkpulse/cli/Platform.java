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
        return start(root, infra, ports, databasePrefix, logDir, Map.of());
    }

    /** @param env further environment for every service, e.g. a topic prefix that keeps this run's events apart */
    public static Platform start(
            Path root,
            Endpoints infra,
            List<Integer> ports,
            String databasePrefix,
            Path logDir,
            Map<String, String> env)
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
                p.services.put(
                        module,
                        ServiceProcess.start(
                                root,
                                module,
                                ports.get(i),
                                db,
                                infra,
                                logDir,
                                true,
                                with(env, console(root, module, ports))));
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

    /**
     * The web console lives in reporting-service and reads the other services' APIs; in a local run it also
     * signs people in with the local-only key (docs/console.md).
     */
    static Map<String, String> console(Path root, String module, List<Integer> ports) {
        if (!module.equals("reporting-service")) {
            return Map.of();
        }
        return Map.of(
                "PARKPULSE_CONSOLE_INDICATORS_URL", "http://localhost:" + ports.get(0),
                "PARKPULSE_CONSOLE_PROJECTS_URL", "http://localhost:" + ports.get(1),
                "PARKPULSE_CONSOLE_INVESTMENT_URL", "http://localhost:" + ports.get(2),
                "PARKPULSE_CONSOLE_LOCAL_SIGNING_KEY",
                        root.resolve("deploy/local-keys/local-only-private.pem").toString());
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    /** Where a person opens the console. */
    public String consoleUrl() {
        return url("reporting-service") + "/console";
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
