package io.parkpulse.reporting.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.config.SecuritySettings;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.config.ConsoleSettings;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in for a local run (./parkpulse demo): a person picks a role and a park, and the console signs
 * a token with the local-only key, shaped like the identity provider's. Offered only where the
 * services themselves trust that key — never in a packaged service that was not told it is a local run.
 */
@ApplicationScoped
public class LocalSignIn {

    /**
     * As long as the services accept a token at all ({@code quarkus.oidc.token.age}): a longer lifetime would
     * keep a session cookie whose token every page already refuses.
     */
    @ConfigProperty(name = "quarkus.oidc.token.age", defaultValue = "PT1H")
    Duration lifetime;

    @Inject
    ConsoleSettings settings;

    @Inject
    SecuritySettings security;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    String issuer;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    String audience;

    private volatile PrivateKey key;

    public boolean available() {
        return settings.localSigningKey().filter(s -> !s.isBlank()).isPresent()
                && (LaunchMode.current() != LaunchMode.NORMAL || security.acceptLocalKeys());
    }

    /** A token for {@code role}, and for park staff their {@code park}. */
    public String token(String role, String park) {
        if (!available()) {
            throw new IllegalStateException("local sign-in is off");
        }
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put(
                "sub",
                UUID.nameUUIDFromBytes((role + "/" + park).getBytes(StandardCharsets.UTF_8))
                        .toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("preferred_username", park == null ? role : role + "@" + park);
        claims.put("realm_access", Map.of("roles", List.of(role)));
        if (Roles.PARK_STAFF.equals(role)) {
            claims.put(Roles.PARK_CLAIM, park);
        }
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT"))) + "."
                    + b64.encodeToString(json.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(s.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a local token: " + e.getMessage(), e);
        }
    }

    private PrivateKey key() throws IOException, GeneralSecurityException {
        if (key == null) {
            String pem = Files.readString(Path.of(settings.localSigningKey().orElseThrow()), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
        return key;
    }
}
