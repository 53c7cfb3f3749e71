package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.ChildProcesses;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Production identity, for real: a Keycloak server from Maven Central imports deploy/keycloak's realm,
 * issues tokens for its demo users, and a packaged service configured with that issuer (and without the
 * local key) accepts them with the same answers the authorization matrix expects.
 */
class KeycloakIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void tokensFromTheShippedRealmWorkAndTheLocalKeyNoLonger() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("parkpulse-keycloak");
        Path home = unzip(Path.of(System.getProperty("keycloak.dist")), work);
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(root.resolve("deploy/keycloak/parkpulse-realm.json"), home.resolve("data/import/parkpulse-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        int kcPort = Ports.free();
        String issuer = "http://localhost:" + kcPort + "/realms/parkpulse";
        Process keycloak = startKeycloak(home, kcPort, work.resolve("keycloak.log"));
        ServiceProcess service = null;
        try {
            awaitOk(issuer + "/.well-known/openid-configuration", Duration.ofMinutes(3), keycloak, work.resolve("keycloak.log"));
            Endpoints infra = SharedInfra.endpoints();
            PostgresServer.createDatabase(infra, "kc_indicators");
            int port = Ports.free();
            service = ServiceProcess.start(root, "indicators-service", port, "kc_indicators", infra, work.resolve("logs"), false,
                    Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", issuer, "QUARKUS_OIDC_PUBLIC_KEY", "", "PARKPULSE_OIDC_ISSUER", issuer));
            service.awaitUp(Duration.ofMinutes(3));
            String api = "http://localhost:" + port + "/api/v1";

            String admin = token(issuer, "zhang.admin");
            String analyst = token(issuer, "li.analyst");
            String staff = token(issuer, "wang.jbetdz");
            Map<String, Object> jb = Map.of("code", "JB-ETDZ", "name", "江北经济技术开发区", "level", "NATIONAL",
                    "kind", "ECONOMIC_DEVELOPMENT_ZONE", "district", "江北区", "developedLandMu", 21500);
            Map<String, Object> ds = Map.of("code", "DS-IP", "name", "东山工业园区", "level", "PROVINCIAL",
                    "kind", "INDUSTRIAL_PARK", "district", "东山县", "developedLandMu", 8650);
            List<String> failures = new ArrayList<>();
            expect(failures, "no token registers a park", new Api(null).post(api + "/parks", jb).status(), 401);
            expect(failures, "the local-only key is no longer trusted",
                    new Api(Tokens.token("bureau-admin", null)).post(api + "/parks", jb).status(), 401);
            expect(failures, "an analyst registers a park", new Api(analyst).post(api + "/parks", jb).status(), 403);
            expect(failures, "park staff register a park", new Api(staff).post(api + "/parks", jb).status(), 403);
            expect(failures, "the bureau admin registers JB-ETDZ", new Api(admin).post(api + "/parks", jb).status(), 201);
            expect(failures, "the bureau admin registers DS-IP", new Api(admin).post(api + "/parks", ds).status(), 201);
            expect(failures, "JB-ETDZ's staff report their value", new Api(staff)
                    .put(api + "/parks/JB-ETDZ/values/2025-01/tax_revenue", Map.of("value", 1200, "unit", "万元")).status(), 200);
            expect(failures, "JB-ETDZ's staff report DS-IP's value", new Api(staff)
                    .put(api + "/parks/DS-IP/values/2025-01/tax_revenue", Map.of("value", 1, "unit", "万元")).status(), 404);
            expect(failures, "JB-ETDZ's staff read DS-IP's values", new Api(staff).get(api + "/parks/DS-IP/values", Map.of()).status(), 404);
            Api.Reply history = new Api(analyst).get(api + "/parks/JB-ETDZ/values/2025-01/tax_revenue/history", Map.of());
            expect(failures, "an analyst reads the value's history", history.status(), 200);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            JsonNode first = history.body().isArray() ? history.body().get(0) : history.body().get("items").get(0);
            assertEquals("wang.jbetdz", first.get("changedBy").asText(), "the audit names the Keycloak user: " + first);
        } finally {
            if (service != null) {
                service.close();
            }
            keycloak.destroy();
            keycloak.waitFor();
        }
    }

    static void expect(List<String> failures, String what, int status, int expected) {
        if (status != expected) {
            failures.add(what + " → " + status + " (expected " + expected + ")");
        }
    }

    /** Keycloak's own start script, as a watched child: it re-launches once when start-dev has re-built itself (exit 10). */
    static Process startKeycloak(Path home, int port, Path log) throws IOException, InterruptedException {
        for (boolean built = false; ; built = true) {
            List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaExecutable(), "-Xms64m", "-Xmx512m",
                    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.security=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                    "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                    "-Dkc.home.dir=" + home));
            if (built) {
                cmd.add("-Dkc.config.built=true");
            }
            cmd.addAll(List.of("-cp", ServiceProcess.selfLocation() + java.io.File.pathSeparator + home.resolve("lib/quarkus-run.jar"),
                    "io.parkpulse.infra.WatchedMain", Long.toString(ProcessHandle.current().pid()),
                    "io.quarkus.bootstrap.runner.QuarkusEntryPoint", "start-dev", "--http-port=" + port, "--import-realm"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            // start-dev may first re-augment and exit with 10; give it the time to decide.
            if (built || !p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 10) {
                return p;
            }
        }
    }

    static void awaitOk(String url, Duration timeout, Process keycloak, Path log) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not come up within " + timeout + "; see " + log);
    }

    /** A user's access token by the password grant of the realm's parkpulse-cli client. */
    static String token(String issuer, String user) throws Exception {
        String form = "grant_type=password&client_id=parkpulse-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo-only-change-me";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "token for " + user + ": " + r.body());
        return Api.JSON.readTree(r.body()).get("access_token").asText();
    }

    static Path unzip(Path zip, Path into) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (top == null) {
                    top = into.resolve(into.relativize(target).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return top;
    }
}
