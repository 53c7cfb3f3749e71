package io.parkpulse.reporting.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How a browser authenticates to the console: the session cookie holds the user's access token, and that
 * token is verified by quarkus-oidc exactly as a bearer token on the API is (signature, issuer, expiry, and
 * the platform's {@code TokenPolicy}). The pages are therefore {@code @Authenticated} like any endpoint; only
 * the sign-in steps are open.
 *
 * <p>The mechanism is selected by annotation on the console's resources alone, and it answers only under
 * {@code /console}: the API never accepts the cookie, so a page on another site cannot make a browser call
 * the API with it. A request without a session is sent to sign in rather than answered 401, because it
 * comes from a person, not a client.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** The scheme the console's resources name in {@code @HttpAuthenticationMechanism}. */
    public static final String SCHEME = "console-session";

    @Inject
    ConsoleSession sessions;

    @Inject
    OidcSignIn oidc;

    @Inject
    IdentityProviderManager identities;

    @Inject
    CurrentVertxRequest request;

    private static final Duration VERIFY_WITHIN = Duration.ofSeconds(10);

    /** Longer return addresses would not fit the sign-in attempt's cookie beside its secrets. */
    private static final int MAX_RETURN = 1000;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> token = consolePath(context.normalizedPath())
                ? Optional.ofNullable(context.request().getCookie(ConsoleSession.COOKIE))
                        .map(Cookie::getValue)
                        .flatMap(sessions::token)
                : Optional.empty();
        if (token.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new AccessTokenCredential(token.get())), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!consolePath(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        String query = context.request().query();
        return Uni.createFrom()
                .item(new ChallengeData(
                        303,
                        "Location",
                        signInFor(
                                context.request().method().name(),
                                context.request().path() + (query == null ? "" : "?" + query))));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, ConsoleSession.COOKIE, SCHEME));
    }

    /** Whether quarkus-oidc accepts {@code token} as it will on every page, before it becomes a session. */
    public boolean accepts(String token) {
        try {
            return identities
                            .authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                                    new TokenAuthenticationRequest(new AccessTokenCredential(token)),
                                    request.getCurrent()))
                            .await()
                            .atMost(VERIFY_WITHIN)
                    != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Where a request without a session goes: with the identity provider, straight back to it (its own session
     * usually signs the person in again without a form) and then to the page asked for. A form's target is no
     * page to come back to, nor is an address too long to keep in the sign-in attempt's cookie.
     */
    public String signInFor(String method, String requested) {
        if (!oidc.available()) {
            return "/console/sign-in";
        }
        String back = "GET".equals(method) && requested.length() <= MAX_RETURN ? requested : "/console";
        return "/console/sign-in/oidc?returnTo=" + ConsolePages.encode(back);
    }

    static boolean consolePath(String path) {
        return path != null && (path.equals("/console") || path.startsWith("/console/"));
    }
}
