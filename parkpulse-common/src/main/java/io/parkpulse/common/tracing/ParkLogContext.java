package io.parkpulse.common.tracing;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the park a request concerns into the log context ({@code park}), so that every line it logs can be found
 * by park: the {@code park} path parameter, else the park claim of a park officer's token. It runs after
 * matching, so that path parameters have their names, and reads the identity without waiting for it (a request
 * whose token is refused is refused by the security check, not here). Removed again when the answer leaves.
 */
public class ParkLogContext {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> put(ContainerRequestContext ctx) {
        String fromPath = ctx.getUriInfo().getPathParameters().getFirst(EventTracing.PARK);
        if (fromPath != null && !fromPath.isBlank()) {
            EventTracing.putOrRemove(EventTracing.PARK, fromPath);
            return Uni.createFrom().voidItem();
        }
        return identities
                .getDeferredIdentity()
                .onItem()
                .invoke(identity -> EventTracing.putOrRemove(EventTracing.PARK, parkClaim(identity)))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    @ServerResponseFilter
    public void clear() {
        MDC.remove(EventTracing.PARK);
    }

    private static String parkClaim(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object park = jwt.getClaim(EventTracing.PARK);
        return park == null ? null : park.toString();
    }
}
