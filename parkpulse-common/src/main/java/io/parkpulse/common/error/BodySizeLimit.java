package io.parkpulse.common.error;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code parkpulse.http.max-body-bytes} (default 2 MiB) with a 413
 * problem. Vert.x's own limit (quarkus.http.limits.max-body-size, set higher) stays as the hard stop
 * for bodies without a Content-Length; it answers 413 without a problem document.
 */
public class BodySizeLimit {

    @ConfigProperty(name = "parkpulse.http.max-body-bytes", defaultValue = "2097152")
    long maxBytes;

    @ServerRequestFilter(preMatching = true)
    public void check(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return;
        }
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "bad_request", "Content-Length is not a number",
                    List.of(new Problem.FieldError("Content-Length", "invalid", "not a number")), null);
        }
        if (n > maxBytes) {
            throw new ProblemException(413, "too_large", "the body has " + n + " bytes; at most " + maxBytes
                    + " are accepted", List.of(new Problem.FieldError("body", "too_large", "at most " + maxBytes + " bytes")), null);
        }
    }
}
