package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.parkpulse.infra.Chromium;
import io.parkpulse.infra.Endpoints;
import io.parkpulse.infra.Ports;
import io.parkpulse.infra.PostgresServer;
import io.parkpulse.infra.SharedInfra;
import io.parkpulse.infra.SharedKeycloak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's production sign-in in a real browser: reporting-service configured as in production (the build's
 * Keycloak with deploy/keycloak's realm, no local key) signs a person in at Keycloak with the authorization code
 * flow and PKCE, keeps the token out of URLs and script, brings a deep link back to its page, and on sign-out
 * ends Keycloak's session too, so the next person at the same computer must type a password.
 */
class ConsoleSignInIT {

    @Test
    void aPersonSignsInAtKeycloakAndSigningOutEndsThatSessionToo() throws Exception {
        Path root = Path.of(System.getProperty("parkpulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createTempDirectory("parkpulse-console-sign-in");
        String issuer = SharedKeycloak.server().issuer();
        Endpoints infra = SharedInfra.endpoints();
        PostgresServer.createDatabase(infra, "kc_console_reporting");
        int port = Ports.free();
        String console = "http://localhost:" + port + "/console";
        SharedKeycloak.allowRedirect("parkpulse-web", console + "/*");
        try (ServiceProcess service = ServiceProcess.start(
                        root,
                        "reporting-service",
                        port,
                        "kc_console_reporting",
                        infra,
                        work.resolve("logs"),
                        false,
                        Map.of(
                                "QUARKUS_OIDC_AUTH_SERVER_URL", issuer,
                                "QUARKUS_OIDC_PUBLIC_KEY", "",
                                "PARKPULSE_OIDC_ISSUER", issuer,
                                "PARKPULSE_CONSOLE_OIDC_CLIENT_ID", "parkpulse-web",
                                "PARKPULSE_KAFKA_TOPIC_PREFIX", "kcconsole."));
                Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Chromium.executable())
                                .setHeadless(true)
                                .setArgs(Chromium.FLAGS))) {
            service.awaitUp(Duration.ofMinutes(3));
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
            Page page = context.newPage();
            List<String> visited = new ArrayList<>();
            page.onFrameNavigated(f -> visited.add(f.url()));

            page.navigate(console + "/sign-in");
            assertFalse(page.textContent("body").contains("本地演示登录"), "no local sign-in in production");
            page.click("text=使用统一身份认证登录");
            signInAtKeycloak(page, "zhang.admin");
            page.waitForURL(u -> u.startsWith(console + "/city"));
            assertTrue(page.textContent("header").contains("市局管理员"), page.textContent("header"));

            // The token lives only in the sealed HttpOnly cookie: not in a URL, not readable by script.
            visited.forEach(u -> assertFalse(u.contains("access_token") || u.contains("id_token="), u));
            assertEquals("", page.evaluate("() => document.cookie"));
            assertEquals(0, page.evaluate("() => localStorage.length + sessionStorage.length"));

            page.click("text=退出");
            page.waitForURL(u -> u.equals(console + "/sign-in"));
            // Keycloak's session ended as well: signing in again asks for the password.
            page.click("text=使用统一身份认证登录");
            page.waitForSelector("#password");
            assertTrue(page.url().startsWith(issuer), page.url());

            // A deep link survives the round trip through Keycloak.
            page.navigate(console + "/rankings?indicator=tax_revenue&period=2025-03");
            signInAtKeycloak(page, "li.analyst");
            page.waitForURL(u -> u.startsWith(console + "/rankings?indicator=tax_revenue"));
            assertTrue(page.textContent("header").contains("市局分析员"), page.textContent("header"));

            // A callback that this browser did not start is refused, in Chinese.
            BrowserContext stranger = browser.newContext();
            Page other = stranger.newPage();
            other.navigate(console + "/callback?code=stolen&state=whatever");
            assertTrue(other.textContent("body").contains("登录请求已失效"), other.textContent("body"));
            stranger.close();
            context.close();
        }
    }

    private static void signInAtKeycloak(Page page, String username) {
        page.waitForSelector("#username");
        page.fill("#username", username);
        page.fill("#password", KeycloakIT.DEMO_PASSWORD);
        page.click("#kc-login");
    }
}
