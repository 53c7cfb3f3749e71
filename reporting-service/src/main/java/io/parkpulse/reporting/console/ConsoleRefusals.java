package io.parkpulse.reporting.console;

import io.parkpulse.common.error.ProblemMappers;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A person in a browser is not an API client: under {@code /console} a missing or expired session sends
 * them to sign in, and a role the console is not for gets a page that says so. Everywhere else the
 * platform's problem+json answers stand; this mapper ranks before them only to tell the two apart.
 */
public class ConsoleRefusals {

    @Inject
    ProblemMappers problems;

    @Inject
    ConsoleAuthentication authentication;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSession sessions;

    @ServerExceptionMapper(
            priority = Priorities.USER - 1,
            value = {
                UnauthorizedException.class,
                AuthenticationFailedException.class,
                AuthenticationCompletionException.class
            })
    public Response unauthorized(Exception e, UriInfo uri, HttpHeaders headers, Request request) {
        if (!ConsoleAuthentication.consolePath(uri.getPath())) {
            return problems.unauthorized(e, uri, headers);
        }
        URI requested = uri.getRequestUri();
        String path = requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
        Response.ResponseBuilder answer =
                Response.seeOther(URI.create(authentication.signInFor(request.getMethod(), path)));
        if (headers.getCookies().containsKey(ConsoleSession.COOKIE)) {
            // A session the platform refused (expired) is ended. Only then: a link followed from another site
            // arrives without the SameSite=Strict cookie, and must not end a session that is still good.
            boolean secure = ConsolePages.secure(uri);
            answer.cookie(sessions.close(secure), sessions.closeIdToken(secure));
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        if (!ConsoleAuthentication.consolePath(uri.getPath())) {
            return problems.forbidden(e, uri, headers);
        }
        return pages.error(null, 403, "您的账号没有使用本平台的角色（市局管理员、市局分析员或园区统计员），请联系市局管理员。");
    }

    /**
     * A form too large for the platform's body limit (a report file over 2 MiB) is refused by RequestLimits before
     * any console resource sees it; under {@code /console} the person gets that refusal as a page, not as JSON.
     */
    @ServerResponseFilter
    public void tooLarge(ContainerRequestContext request, ContainerResponseContext response) {
        // A console page answered 413 itself (a service's refusal shown beside its form) stays as it is.
        if (response.getStatus() != 413
                || !ConsoleAuthentication.consolePath(request.getUriInfo().getPath())
                || MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        jakarta.ws.rs.core.Cookie session = request.getCookies().get(ConsoleSession.COOKIE);
        Response page =
                pages.error(session == null ? null : session.getValue(), 413, "上传的文件过大：工作报告、报表等文件最大2MB，请压缩图片或删去附件后重试。");
        response.getHeaders().remove("Content-Length");
        response.setEntity(page.getEntity(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}
