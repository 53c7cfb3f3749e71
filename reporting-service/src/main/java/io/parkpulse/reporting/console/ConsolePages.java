package io.parkpulse.reporting.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What every console resource does around a page: find who is signed in, turn a service's refusal into a page in
 * the service's words, and send an expired session back to sign in. Shared so that the resources cannot
 * drift apart in how they authenticate.
 */
@ApplicationScoped
public class ConsolePages {

    @Inject
    ConsoleSession sessions;

    @Inject
    SecurityIdentity identity;

    @Location("console/error.html")
    Template errorPage;

    @FunctionalInterface
    public interface Page {
        Response render(ConsoleUser user) throws Exception;
    }

    /** An input the console checks itself (a month, a quarter): the page says what is expected. */
    public static final class BadInput extends RuntimeException {
        public BadInput(String message) {
            super(message);
        }
    }

    /**
     * A page for the signed-in user, whose token quarkus-oidc has verified (ConsoleAuthentication); a service's
     * refusal becomes a page that says it in the service's words.
     */
    public Response page(String cookie, UriInfo uri, Page body) {
        Optional<ConsoleUser> user = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null
                ? sessions.user(jwt.getRawToken())
                : Optional.empty();
        if (user.isEmpty()) {
            // Only a resource that forgot @Authenticated gets here; it is refused like any anonymous request.
            throw new UnauthorizedException();
        }
        try {
            return body.render(user.get());
        } catch (ServiceApi.Failure f) {
            if (f.status == 401) {
                return Response.seeOther(URI.create("/console/sign-in"))
                        .cookie(sessions.close(secure(uri)))
                        .build();
            }
            // 503 stays 503 (a rebuild of the read model, a service restarting): the page says to come back.
            return error(cookie, f.status == 503 ? 503 : f.status >= 500 ? 502 : f.status, f.getMessage());
        } catch (BadInput e) {
            return error(cookie, 400, e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response error(String cookie, int status, String message) {
        Optional<ConsoleUser> user = sessions.read(cookie);
        return Response.status(status)
                .entity(errorPage
                        .data("user", user.orElse(null))
                        .data("form", user.map(sessions::formToken).orElse(""))
                        .data("status", status)
                        .data("message", message))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** The address the browser reached the console at: reporting-service's own API is called there. */
    public static String self(UriInfo uri) {
        return uri.getBaseUri().toString().replaceFirst("/$", "");
    }

    public static boolean secure(UriInfo uri) {
        return "https".equals(uri.getBaseUri().getScheme());
    }

    public static Response redirect(String to) {
        return Response.seeOther(URI.create(to)).build();
    }

    /** A path segment: a park code typed into an address must not reach another path. */
    public static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
