package io.parkpulse.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The web console (docs/console.md): where the other services answer, and how people sign in. The
 * console reaches every service, this one included, through its public API with the user's token.
 */
@ConfigMapping(prefix = "parkpulse.console")
public interface ConsoleSettings {

    @WithDefault("http://localhost:8081")
    String indicatorsUrl();

    @WithDefault("http://localhost:8082")
    String projectsUrl();

    @WithDefault("http://localhost:8083")
    String investmentUrl();

    /** This service's own API; empty means the address the browser reached the console at. */
    Optional<String> reportingUrl();

    /**
     * The local-only private key (deploy/local-keys) with which the local sign-in page signs tokens. Set
     * only for a local run; a packaged service refuses it unless local keys are accepted (LocalKeyGuard).
     */
    Optional<String> localSigningKey();

    /** Encrypts the session cookie; without it a key is drawn at start, so sessions end with the process. */
    Optional<String> sessionSecret();

    /**
     * The identity provider's public client for the console (deploy/keycloak: {@code parkpulse-web}). With it, and
     * {@code quarkus.oidc.auth-server-url} naming the realm, people sign in there (authorization code flow with PKCE).
     */
    Optional<String> oidcClientId();
}
