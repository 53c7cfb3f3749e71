package io.parkpulse.common.security;

import io.parkpulse.common.config.SecuritySettings;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local key pair in deploy/local-keys is public knowledge: anyone can sign tokens with it. A
 * packaged service therefore refuses to start while it would trust that key, unless the operator says
 * it is a local run (PARKPULSE_SECURITY_ACCEPT_LOCAL_KEYS=true, which ./parkpulse demo sets). Production
 * points quarkus.oidc at its identity provider and leaves the public key out.
 */
@ApplicationScoped
public class LocalKeyGuard {

    /** The start of the local public key, enough to recognise it. */
    static final String LOCAL_KEY_PREFIX = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs/djO3zjiXoSJ4h6jD7ga3Nl01UH4";

    @ConfigProperty(name = "quarkus.oidc.public-key")
    Optional<String> publicKey;

    @Inject
    SecuritySettings settings;

    void check(@Observes StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && !settings.acceptLocalKeys()
                && publicKey.map(k -> k.startsWith(LOCAL_KEY_PREFIX)).orElse(false)) {
            throw new IllegalStateException(
                    "this service would trust the local-only key pair of deploy/local-keys: set "
                            + "QUARKUS_OIDC_AUTH_SERVER_URL to your identity provider and QUARKUS_OIDC_PUBLIC_KEY to empty (see docs/security.md), "
                            + "or PARKPULSE_SECURITY_ACCEPT_LOCAL_KEYS=true for a local run");
        }
    }
}
