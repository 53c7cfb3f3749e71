package io.parkpulse.common.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL cannot store or compare text with a NUL character and fails the statement; a path or
 * query parameter carrying one is refused with 400 naming the parameter, before it reaches a query.
 * (JSON bodies are guarded by the string reader in {@link io.parkpulse.common.config.JsonConfig}.)
 * It runs after matching, so that the path's parameters have their names.
 */
public class NulCharacterGuard {

    @ServerRequestFilter
    public void check(ContainerRequestContext ctx) {
        String uri = ctx.getUriInfo().getRequestUri().getRawPath() + "?"
                + ctx.getUriInfo().getRequestUri().getRawQuery();
        if (!uri.contains("%00") && uri.indexOf('\0') < 0) {
            return;
        }
        refuse(ctx.getUriInfo().getPathParameters(), "path");
        refuse(ctx.getUriInfo().getQueryParameters(), "query");
        refuse(Map.of(), "address");
    }

    private static void refuse(Map<String, List<String>> parameters, String where) {
        for (var e : parameters.entrySet()) {
            if (e.getKey().indexOf('\0') >= 0
                    || e.getValue().stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
                throw problem(e.getKey().indexOf('\0') >= 0 ? where : e.getKey());
            }
        }
        if (parameters.isEmpty() && where.equals("address")) {
            throw problem("uri");
        }
    }

    private static ProblemException problem(String field) {
        return ProblemException.badRequest(
                field,
                "invalid_character",
                field + "：地址中不允许出现空字符 (%00)",
                field + ": a NUL character (%00) is not allowed");
    }
}
