package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.SharedKeycloak;
import io.parkpulse.infra.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production identity, for real: the build's Keycloak ({@link SharedKeycloak}, deploy/keycloak's realm) issues
 * tokens for the realm's own demo users, and a packaged service configured through its environment as in
 * production (that issuer, no local key) accepts them with the answers the authorization matrix expects and
 * refuses the local-only key. The full matrices run against the same Keycloak in each service's build
 * (the keycloak-matrix execution of the parent POM).
 */
class KeycloakIT {

    /** The demo users' password in deploy/keycloak's realm. */
    static final String DEMO_PASSWORD = "demo-only-change-me";

    @Test
    void tokensFromTheShippedRealmWorkAndTheLocalKeyNoLonger() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createTempDirectory("parkpulse-keycloak");
        String issuer = SharedKeycloak.server().issuer();
        ServiceProcess service = null;
        try {
            Endpoints infra = SharedInfra.endpoints();
            PostgresServer.createDatabase(infra, "kc_indicators");
            int port = Ports.free();
            service = ServiceProcess.start(
                    root,
                    "indicators-service",
                    port,
                    "kc_indicators",
                    infra,
                    work.resolve("logs"),
                    false,
                    Map.of(
                            "QUARKUS_OIDC_AUTH_SERVER_URL",
                            issuer,
                            "QUARKUS_OIDC_PUBLIC_KEY",
                            "",
                            "PARKPULSE_OIDC_ISSUER",
                            issuer));
            service.awaitUp(Duration.ofMinutes(3));
            String api = "http://localhost:" + port + "/api/v1";

            String admin = SharedKeycloak.userToken("zhang.admin", DEMO_PASSWORD);
            String analyst = SharedKeycloak.userToken("li.analyst", DEMO_PASSWORD);
            String staff = SharedKeycloak.userToken("wang.jbetdz", DEMO_PASSWORD);
            Map<String, Object> jb = Map.of(
                    "code",
                    "JB-ETDZ",
                    "name",
                    "江北经济技术开发区",
                    "level",
                    "NATIONAL",
                    "kind",
                    "ECONOMIC_DEVELOPMENT_ZONE",
                    "district",
                    "江北区",
                    "developedLandMu",
                    21500);
            Map<String, Object> ds = Map.of(
                    "code",
                    "DS-IP",
                    "name",
                    "东山工业园区",
                    "level",
                    "PROVINCIAL",
                    "kind",
                    "INDUSTRIAL_PARK",
                    "district",
                    "东山县",
                    "developedLandMu",
                    8650);
            List<String> failures = new ArrayList<>();
            expect(
                    failures,
                    "no token registers a park",
                    new Api(null).post(api + "/parks", jb).status(),
                    401);
            expect(
                    failures,
                    "the local-only key is no longer trusted",
                    new Api(Tokens.builder().role("bureau-admin").sign())
                            .post(api + "/parks", jb)
                            .status(),
                    401);
            expect(
                    failures,
                    "an analyst registers a park",
                    new Api(analyst).post(api + "/parks", jb).status(),
                    403);
            expect(
                    failures,
                    "park staff register a park",
                    new Api(staff).post(api + "/parks", jb).status(),
                    403);
            expect(
                    failures,
                    "the bureau admin registers JB-ETDZ",
                    new Api(admin).post(api + "/parks", jb).status(),
                    201);
            expect(
                    failures,
                    "the bureau admin registers DS-IP",
                    new Api(admin).post(api + "/parks", ds).status(),
                    201);
            expect(
                    failures,
                    "JB-ETDZ's staff report their value",
                    new Api(staff)
                            .put(api + "/parks/JB-ETDZ/values/2025-01/tax_revenue", Map.of("value", 1200, "unit", "万元"))
                            .status(),
                    200);
            expect(
                    failures,
                    "JB-ETDZ's staff report DS-IP's value",
                    new Api(staff)
                            .put(api + "/parks/DS-IP/values/2025-01/tax_revenue", Map.of("value", 1, "unit", "万元"))
                            .status(),
                    404);
            expect(
                    failures,
                    "JB-ETDZ's staff read DS-IP's values",
                    new Api(staff).get(api + "/parks/DS-IP/values", Map.of()).status(),
                    404);
            Api.Reply history =
                    new Api(analyst).get(api + "/parks/JB-ETDZ/values/2025-01/tax_revenue/history", Map.of());
            expect(failures, "an analyst reads the value's history", history.status(), 200);
            assertTrue(failures.isEmpty(), String.join("\n", failures));
            JsonNode first = history.body().isArray()
                    ? history.body().get(0)
                    : history.body().get("items").get(0);
            assertEquals("wang.jbetdz", first.get("changedBy").asText(), "the audit names the Keycloak user: " + first);
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    static void expect(List<String> failures, String what, int status, int expected) {
        if (status != expected) {
            failures.add(what + " → " + status + " (expected " + expected + ")");
        }
    }
}
