package io.parkpulse.common.error;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The size of a request, bounded before anything parses it, with the same problem+json answers as
 * every other refusal: a body over {@code max-body-bytes} is 413 whether it announces its length or
 * comes in chunks (a chunked body is read here, counted, and handed on in memory); an address over
 * {@code max-uri-length} is 414; headers over {@code max-header-bytes} are 431. The HTTP codec's own
 * limits (quarkus.http.limits.*) are set well above these, so it is this filter that refuses ordinary
 * oversize requests; only requests beyond the codec's limits get the codec's empty answer.
 */
public class RequestLimits {

    @ConfigMapping(prefix = "parkpulse.http.limits")
    public interface Config {
        /** The largest body accepted, JSON or file (2 MiB: a year of a park's figures is about 30 KiB). */
        @WithDefault("2097152")
        long maxBodyBytes();

        /** The longest request line's address. */
        @WithDefault("8192")
        int maxUriLength();

        /** The largest sum of header names and values (a Keycloak token is 1–3 KiB). */
        @WithDefault("16384")
        int maxHeaderBytes();
    }

    private final Config config;

    public RequestLimits(Config config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public Uni<Response> check(ContainerRequestContext ctx, HttpServerRequest request) {
        if (request.uri() != null && request.uri().length() > config.maxUriLength()) {
            int n = request.uri().length();
            return answer(
                    414,
                    "uri_too_long",
                    "uri",
                    "地址有 " + n + " 个字符，最多接受 " + config.maxUriLength() + " 个",
                    "the address has " + n + " characters; at most " + config.maxUriLength() + " are accepted",
                    request);
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            return answer(
                    431,
                    "headers_too_large",
                    "headers",
                    "请求头共 " + headerBytes + " 字节，最多接受 " + config.maxHeaderBytes() + " 字节",
                    "the headers have " + headerBytes + " bytes; at most " + config.maxHeaderBytes() + " are accepted",
                    request);
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return answer(
                        400,
                        "bad_request",
                        "Content-Length",
                        "Content-Length 不是数字",
                        "Content-Length is not a number",
                        request);
            }
            if (n > config.maxBodyBytes()) {
                return answer(
                        413,
                        "too_large",
                        "body",
                        "请求体有 " + n + " 字节，最多接受 " + config.maxBodyBytes() + " 字节",
                        "the body has " + n + " bytes; at most " + config.maxBodyBytes() + " are accepted",
                        request);
            }
            return Uni.createFrom().nullItem();
        }
        if (!"chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
            return Uni.createFrom().nullItem();
        }
        return readChunked(ctx, request);
    }

    /** Reads a body of unannounced length up to the limit; past it, stops reading and refuses. */
    private Uni<Response> readChunked(ContainerRequestContext ctx, HttpServerRequest request) {
        return Uni.createFrom().emitter(em -> {
            Buffer body = Buffer.buffer();
            boolean[] refused = {false};
            request.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + chunk.length() > config.maxBodyBytes()) {
                    refused[0] = true;
                    em.complete(problem(
                            413,
                            "too_large",
                            "body",
                            "请求体超过 " + config.maxBodyBytes() + " 字节的上限",
                            "the body has more than " + config.maxBodyBytes() + " bytes, the most accepted",
                            request));
                    return;
                }
                body.appendBuffer(chunk);
            });
            request.exceptionHandler(e -> {
                if (!refused[0]) {
                    refused[0] = true;
                    em.complete(problem(400, "bad_request", "body", "无法读取请求体", "the body could not be read", request));
                }
            });
            request.endHandler(v -> {
                if (!refused[0]) {
                    ctx.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                    em.complete(null);
                }
            });
            request.resume();
        });
    }

    private static Uni<Response> answer(
            int status, String code, String field, String chinese, String english, HttpServerRequest request) {
        return Uni.createFrom().item(problem(status, code, field, chinese, english, request));
    }

    private static Response problem(
            int status, String code, String field, String chinese, String english, HttpServerRequest request) {
        boolean en = ProblemMappers.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String detail = en ? english : chinese;
        String path = request.path() == null || request.path().length() > 200 ? null : request.path();
        Problem p = new Problem(
                ProblemMappers.type(code),
                ProblemMappers.title(status, en),
                status,
                detail,
                path,
                code,
                List.of(new Problem.FieldError(field, code, detail)),
                null);
        // The rest of an oversize request is not read: the connection cannot be reused.
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header("Connection", "close")
                .entity(p)
                .build();
    }
}
