package io.parkpulse.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * Signs bearer tokens with the local-only key pair in deploy/local-keys, shaped like Keycloak's
 * access tokens (roles under {@code realm_access.roles}, the park in {@code park}). The services
 * verify them through quarkus-oidc exactly as they verify Keycloak's.
 */
public final class Tokens {

    public static final String ISSUER = "https://parkpulse.local/realms/parkpulse";
    public static final String AUDIENCE = "parkpulse";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrivateKey localKey;

    /**
     * A valid token for one hour; with {@code parkpulse.tokens=keycloak}, one issued by the build's Keycloak
     * for a user with that role and park instead (see {@link SharedKeycloak}).
     */
    public static String token(String role, String park) {
        if (SharedKeycloak.tokensFromKeycloak()) {
            return SharedKeycloak.token(role, park);
        }
        return builder().role(role).park(park).sign();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Object> header = new LinkedHashMap<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private PrivateKey key = localKey();
        private boolean unsigned;

        private Builder() {
            Instant now = Instant.now();
            header.put("alg", "RS256");
            header.put("typ", "JWT");
            claims.put("iss", ISSUER);
            claims.put("aud", AUDIENCE);
            claims.put("sub", UUID.randomUUID().toString());
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
        }

        public Builder role(String... roles) {
            claims.put("realm_access", Map.of("roles", List.of(roles)));
            if (!claims.containsKey("preferred_username") && roles.length > 0) {
                claims.put("preferred_username", roles[0]);
            }
            return this;
        }

        public Builder park(String park) {
            if (park != null) {
                claims.put("park", park);
            }
            return this;
        }

        public Builder user(String username) {
            claims.put("preferred_username", username);
            return this;
        }

        public Builder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Builder expiresIn(Duration d) {
            claims.put("exp", Instant.now().plus(d).getEpochSecond());
            return this;
        }

        public Builder notBefore(Instant t) {
            claims.put("nbf", t.getEpochSecond());
            return this;
        }

        public Builder issuer(String iss) {
            claims.put("iss", iss);
            return this;
        }

        public Builder audience(String aud) {
            claims.put("aud", aud);
            return this;
        }

        public Builder signedWith(PrivateKey other) {
            this.key = other;
            return this;
        }

        /** An "alg": "none" token, which must always be refused. */
        public Builder unsigned() {
            this.unsigned = true;
            header.put("alg", "none");
            return this;
        }

        public String sign() {
            try {
                String input = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
                if (unsigned) {
                    return input + ".";
                }
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key);
                s.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + b64(s.sign());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static synchronized PrivateKey localKey() {
        if (localKey == null) {
            try (InputStream in = Tokens.class.getResourceAsStream("/parkpulse-local-keys/local-only-private.pem")) {
                if (in == null) {
                    throw new IllegalStateException("local signing key missing from the classpath");
                }
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
                localKey = KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return localKey;
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private Tokens() {}
}
