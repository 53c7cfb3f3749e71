package io.parkpulse.reporting.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.reporting.config.ConsoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in at the identity provider (Keycloak in production): the OpenID Connect authorization code flow with PKCE
 * for the console's public client. The browser only ever carries the code; the console exchanges it for tokens
 * over a direct TLS connection to the provider's token endpoint, which is why the ID token's claims can be read
 * without checking its signature (OpenID Connect Core 3.1.3.7), and the access token goes into the sealed session
 * cookie like a local one: every service verifies it on every call.
 */
@ApplicationScoped
public class OidcSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    ConsoleSettings settings;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    private volatile JsonNode discovery;

    /** The secrets of one sign-in attempt, kept in a sealed cookie between the redirect and the callback. */
    public record Attempt(String state, String nonce, String verifier, String returnTo) {

        String encode() {
            return String.join("\n", state, nonce, verifier, returnTo);
        }

        static Optional<Attempt> decode(String text) {
            String[] p = text.split("\n", -1);
            return p.length == 4 ? Optional.of(new Attempt(p[0], p[1], p[2], p[3])) : Optional.empty();
        }
    }

    /** What the token endpoint answered. */
    public record Tokens(String accessToken, String idToken) {}

    /** A sign-in that failed; the message is for the person, in Chinese. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    public boolean available() {
        return settings.oidcClientId().filter(s -> !s.isBlank()).isPresent()
                && authServerUrl.filter(s -> !s.isBlank()).isPresent();
    }

    public Attempt newAttempt(String returnTo) {
        return new Attempt(random(), random(), random() + random(), safeReturn(returnTo));
    }

    /** Where to send the browser: the provider's authorization endpoint with this attempt's challenge. */
    public URI authorization(Attempt a, String redirectUri) throws Refused {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId());
        q.put("redirect_uri", redirectUri);
        q.put("scope", "openid profile");
        q.put("state", a.state());
        q.put("nonce", a.nonce());
        q.put("code_challenge", challenge(a.verifier()));
        q.put("code_challenge_method", "S256");
        return URI.create(endpoint("authorization_endpoint") + "?" + form(q));
    }

    /** Exchanges the code of the callback for the user's tokens, after checking it answers this attempt. */
    public Tokens exchange(Attempt a, String state, String code, String redirectUri) throws Refused {
        if (state == null
                || !MessageDigest.isEqual(
                        state.getBytes(StandardCharsets.UTF_8), a.state().getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("登录请求已失效或不属于本浏览器，请重新登录。");
        }
        if (code == null || code.isBlank()) {
            throw new Refused("统一身份认证未返回授权码，请重新登录。");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", clientId());
        body.put("code_verifier", a.verifier());
        JsonNode answer;
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(endpoint("token_endpoint")))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new Refused("统一身份认证拒绝了本次登录（" + r.statusCode() + "），请重新登录。");
            }
            answer = json.readTree(r.body());
        } catch (IOException e) {
            throw new Refused("无法连接统一身份认证服务，请稍后再试。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("登录被中断，请重新登录。");
        }
        String access = answer.path("access_token").asText("");
        String id = answer.path("id_token").asText("");
        if (access.isEmpty() || id.isEmpty()) {
            throw new Refused("统一身份认证未返回令牌，请重新登录。");
        }
        JsonNode claims = claims(id);
        if (!a.nonce().equals(claims.path("nonce").asText())) {
            throw new Refused("登录凭据与本次登录请求不符，请重新登录。");
        }
        return new Tokens(access, id);
    }

    /** Where to send the browser to end the provider's session too, and come back to the sign-in page. */
    public URI logout(String idToken, String afterwards) throws Refused {
        Map<String, String> q = new LinkedHashMap<>();
        if (idToken != null) {
            q.put("id_token_hint", idToken);
        }
        q.put("client_id", clientId());
        q.put("post_logout_redirect_uri", afterwards);
        return URI.create(endpoint("end_session_endpoint") + "?" + form(q));
    }

    private String clientId() {
        return settings.oidcClientId().orElseThrow();
    }

    private String endpoint(String name) throws Refused {
        JsonNode d = discovery;
        if (d == null) {
            String url = authServerUrl.orElseThrow().replaceFirst("/$", "") + "/.well-known/openid-configuration";
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new Refused("统一身份认证服务暂不可用（" + r.statusCode() + "），请稍后再试。");
                }
                d = json.readTree(r.body());
                discovery = d;
            } catch (IOException e) {
                throw new Refused("无法连接统一身份认证服务，请稍后再试。");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused("登录被中断，请重新登录。");
            }
        }
        String value = d.path(name).asText("");
        if (value.isEmpty()) {
            throw new Refused("统一身份认证服务未提供" + name + "，请联系管理员。");
        }
        return value;
    }

    private JsonNode claims(String jwt) throws Refused {
        String[] parts = jwt.split("\\.");
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | RuntimeException e) {
            throw new Refused("统一身份认证返回的凭据无法读取，请重新登录。");
        }
    }

    /** Only a path of the console: a return address must not send a person elsewhere after signing in. */
    static String safeReturn(String returnTo) {
        return returnTo != null
                        && returnTo.startsWith("/console/")
                        && !returnTo.startsWith("/console//")
                        && !returnTo.contains("\\")
                        && !returnTo.contains("\n")
                ? returnTo
                : "/console";
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> q) {
        return q.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
