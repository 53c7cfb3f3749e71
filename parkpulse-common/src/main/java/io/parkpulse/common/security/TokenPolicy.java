package io.parkpulse.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a verified token must also be, beyond signature, issuer, audience and expiry (which quarkus-oidc
 * checks, together with its maximum age, {@code quarkus.oidc.token.age}):
 * <ul>
 * <li>issued no later than the allowed clock skew from now: a token "issued" in the future was not
 * issued by a clock we trust, and it would outlive the maximum age;</li>
 * <li>roles only in the documented shape, {@code realm_access.roles} as an array of strings. Quarkus
 * splits a string claim at spaces, so {@code "roles": "bureau-admin park-staff"} would grant both; no
 * identity provider of ours issues that shape.</li>
 * </ul>
 * A token that fails either is refused as not valid (401).
 */
@ApplicationScoped
public class TokenPolicy implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace", defaultValue = "60")
    int clockSkewSeconds;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (jwt.getIssuedAtTime() > Instant.now().getEpochSecond() + clockSkewSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token is issued in the future"));
        }
        if (!rolesWellFormed(jwt)) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException("realm_access.roles is not an array of strings"));
        }
        return Uni.createFrom().item(identity);
    }

    static boolean rolesWellFormed(JsonWebToken jwt) {
        Object realm = jwt.getClaim("realm_access");
        if (realm == null) {
            return true;
        }
        if (!(realm instanceof JsonObject o)) {
            return false;
        }
        JsonValue roles = o.get("roles");
        if (roles == null) {
            return true;
        }
        if (!(roles instanceof JsonArray a)) {
            return false;
        }
        return a.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING);
    }
}
