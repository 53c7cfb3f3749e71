package io.parkpulse.common.security;

import io.parkpulse.common.config.CorsSettings;
import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Cross-origin access for the bureau's web pages, and for nothing else: an {@code Origin} listed in
 * {@code parkpulse.http.cors.origins} gets the CORS answers a browser needs (preflight included); any
 * other foreign origin is refused with a 403 problem naming the header, before the request does
 * anything. Quarkus's own CORS filter is not used because its refusal is a bare 403. A request from the
 * service's own origin, or without an Origin header (every non-browser client), passes untouched.
 */
public class CorsPolicy {

    static final String ALLOWED = "parkpulse.cors.allowed";
    static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String HEADERS = "Authorization, Content-Type, Accept, Idempotency-Key";

    @Inject
    CorsSettings settings;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext ctx, HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || sameOrigin(origin, request.getHeader("Host"))) {
            return Optional.empty();
        }
        if (settings.origins().map(o -> !o.contains(origin)).orElse(true)) {
            // The field error says the same as the detail, so that it is given in English too when asked for.
            String chinese = "来自“" + origin + "”的网页无权调用本接口（不在配置的网页来源之列）";
            throw new ProblemException(
                    403,
                    "origin_not_allowed",
                    chinese,
                    "pages from '" + origin + "' may not call this API (not one of the configured web origins)",
                    List.of(new Problem.FieldError("Origin", "not_allowed", chinese)),
                    null);
        }
        if ("OPTIONS".equals(request.method().name()) && request.getHeader("Access-Control-Request-Method") != null) {
            return Optional.of(Response.noContent()
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Methods", METHODS)
                    .header("Access-Control-Allow-Headers", HEADERS)
                    .header("Access-Control-Max-Age", "600")
                    .header("Vary", "Origin")
                    .build());
        }
        ctx.setProperty(ALLOWED, origin);
        return Optional.empty();
    }

    @ServerResponseFilter
    public void answer(ContainerRequestContext request, ContainerResponseContext response) {
        Object origin = request.getProperty(ALLOWED);
        if (origin != null) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Location, Content-Disposition, ETag");
            response.getHeaders().add("Vary", "Origin");
        }
    }

    /** Browsers send Origin on their own site's writes too: scheme://host[:port] equal to the Host header is not foreign. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
