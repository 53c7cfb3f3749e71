package io.parkpulse.common.error;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL cannot store or compare text with a NUL character and fails the statement; a path or
 * query parameter carrying one is refused with 400 here rather than reaching a query. (JSON bodies
 * are guarded by the string reader in {@link io.parkpulse.common.config.JsonConfig}.)
 */
public class NulCharacterGuard {

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        String uri = request.uri();
        if (uri != null && (uri.contains("%00") || uri.indexOf('\0') >= 0)) {
            throw new ProblemException(400, "invalid_character", "the address contains a NUL character",
                    List.of(new Problem.FieldError("uri", "invalid_character", "NUL (%00) is not allowed in a path or query")), null);
        }
    }
}
