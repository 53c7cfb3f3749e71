package io.parkpulse.reporting.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.config.ConsoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's session: the user's access token, encrypted and authenticated (AES-GCM) in an
 * HttpOnly, SameSite=Strict cookie, so that it is never in a URL, in page script or in the browser's
 * storage. Forms carry a token derived from the session (HMAC) against cross-site requests.
 */
@ApplicationScoped
public class ConsoleSession {

    public static final String COOKIE = "pp_console";

    /** The identity provider's ID token of the session, kept only to end that session on sign-out. */
    public static final String ID_COOKIE = "pp_console_id";

    /** One sign-in attempt's state, nonce and PKCE verifier, between the redirect and the callback. */
    public static final String ATTEMPT_COOKIE = "pp_oidc";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    ObjectMapper json;

    @Inject
    public ConsoleSession(ConsoleSettings settings) {
        byte[] k = new byte[32];
        if (settings.sessionSecret().filter(s -> !s.isBlank()).isPresent()) {
            try {
                k = MessageDigest.getInstance("SHA-256")
                        .digest(settings.sessionSecret().get().getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        } else {
            RANDOM.nextBytes(k);
        }
        this.key = new SecretKeySpec(k, "AES");
    }

    /** The cookie that holds {@code token} until it expires; {@code secure} when the console is reached over HTTPS. */
    public NewCookie open(String token, boolean secure) {
        ConsoleUser user = user(token).orElseThrow(() -> new IllegalArgumentException("not a token"));
        long seconds = Math.max(0, user.expiresAt() - Instant.now().getEpochSecond());
        return cookie(seal(token), (int) Math.min(seconds, Integer.MAX_VALUE), secure);
    }

    public NewCookie close(boolean secure) {
        return cookie("", 0, secure);
    }

    /** The ID token next to the session, for as long as the session's access token lives. */
    public NewCookie idToken(String idToken, String accessToken, boolean secure) {
        long seconds = user(accessToken)
                .map(u -> Math.max(0, u.expiresAt() - Instant.now().getEpochSecond()))
                .orElse(0L);
        return named(
                ID_COOKIE,
                seal(idToken),
                (int) Math.min(seconds, Integer.MAX_VALUE),
                secure,
                NewCookie.SameSite.STRICT);
    }

    public NewCookie closeIdToken(boolean secure) {
        return named(ID_COOKIE, "", 0, secure, NewCookie.SameSite.STRICT);
    }

    public Optional<String> idToken(String cookie) {
        return cookie == null || cookie.isBlank() ? Optional.empty() : unseal(cookie);
    }

    /**
     * The attempt's cookie is Lax, not Strict: the browser must send it on the provider's redirect back, a
     * navigation from another site. It lives ten minutes, long enough to type a password.
     */
    public NewCookie attempt(OidcSignIn.Attempt a, boolean secure) {
        return named(ATTEMPT_COOKIE, seal(a.encode()), 600, secure, NewCookie.SameSite.LAX);
    }

    public NewCookie closeAttempt(boolean secure) {
        return named(ATTEMPT_COOKIE, "", 0, secure, NewCookie.SameSite.LAX);
    }

    public Optional<OidcSignIn.Attempt> attempt(String cookie) {
        return cookie == null || cookie.isBlank()
                ? Optional.empty()
                : unseal(cookie).flatMap(OidcSignIn.Attempt::decode);
    }

    private static NewCookie named(String name, String value, int maxAge, boolean secure, NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/console")
                .httpOnly(true)
                .secure(secure)
                .sameSite(sameSite)
                .maxAge(maxAge)
                .build();
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return named(COOKIE, value, maxAge, secure, NewCookie.SameSite.STRICT);
    }

    /** The signed-in user, if the cookie is ours, intact and its token not expired. */
    public Optional<ConsoleUser> read(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        return unseal(cookie)
                .flatMap(this::user)
                .filter(u -> u.expiresAt() > Instant.now().getEpochSecond());
    }

    /** The access token a session cookie holds, if the cookie is ours and intact; whether it is valid is quarkus-oidc's call. */
    public Optional<String> token(String cookie) {
        return cookie == null || cookie.isBlank() ? Optional.empty() : unseal(cookie);
    }

    /** The form token of a session: forms post it back, and only a page of this session knows it. */
    public String formToken(ConsoleUser user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(user.token().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean validFormToken(ConsoleUser user, String sent) {
        return sent != null
                && MessageDigest.isEqual(
                        formToken(user).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** The claims the console needs; the signature is the services' business, the cookie's seal is ours. */
    Optional<ConsoleUser> user(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode c = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            List<String> roles = new ArrayList<>();
            c.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
            String park =
                    c.hasNonNull(Roles.PARK_CLAIM) ? c.get(Roles.PARK_CLAIM).asText() : null;
            String name = c.path("name").asText(c.path("preferred_username").asText("用户"));
            return Optional.of(new ConsoleUser(
                    token, name, List.copyOf(roles), park, c.path("exp").asLong(0)));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String seal(String token) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> unseal(String cookie) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(cookie);
            if (all.length < 12 + 16) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
