package io.parkpulse.reporting.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.reporting.config.ConsoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The four services' public APIs, called with the signed-in user's token: the console sees exactly
 * what that user may see, and a refusal is the service's own, shown to the user in its words.
 */
@ApplicationScoped
public class ServiceApi {

    public enum Service {
        INDICATORS,
        PROJECTS,
        INVESTMENT,
        REPORTING
    }

    /** A service's refusal or failure, with the message its problem document gave (Chinese by default). */
    public static final class Failure extends RuntimeException {
        public final int status;

        /** The problem document's errors[], each naming its field; empty when the refusal named none. */
        public final transient JsonNode errors;

        /** The problem's code ({@code stale_version}, {@code illegal_transition}), which clients act on; or null. */
        public final String code;

        /** The problem's context (a refused batch's per-row answer); missing when it gave none. */
        public final transient JsonNode context;

        Failure(int status, String message) {
            this(status, message, null);
        }

        Failure(int status, String message, JsonNode errors) {
            this(status, message, errors, null);
        }

        Failure(int status, String message, JsonNode errors, String code) {
            this(status, message, errors, code, null);
        }

        Failure(int status, String message, JsonNode errors, String code, JsonNode context) {
            super(message);
            this.status = status;
            this.errors = errors == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : errors;
            this.code = code;
            this.context = context == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : context;
        }
    }

    /** A file a service produced (an export, a template), passed through to the browser. */
    public record Download(byte[] body, String contentType, String disposition) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    ConsoleSettings settings;

    @Inject
    ObjectMapper json;

    /** Query parameters in order, nulls and blanks left out. */
    public static Map<String, String> query(String... pairs) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                q.put(pairs[i], pairs[i + 1]);
            }
        }
        return q;
    }

    public JsonNode get(ConsoleUser user, Service s, String self, String path, Map<String, String> query) {
        HttpResponse<byte[]> r = send(user, s, self, path, query, "application/json");
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new Failure(502, "服务返回的数据无法读取");
        }
    }

    public Download download(ConsoleUser user, Service s, String self, String path, Map<String, String> query) {
        HttpResponse<byte[]> r = send(user, s, self, path, query, "*/*");
        return new Download(
                r.body(),
                r.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                r.headers().firstValue("Content-Disposition").orElse(null));
    }

    /** A page's HTML as a service renders it (the written summary). */
    public String text(
            ConsoleUser user, Service s, String self, String path, Map<String, String> query, String accept) {
        return new String(send(user, s, self, path, query, accept).body(), StandardCharsets.UTF_8);
    }

    /**
     * A batch upload: the service's answer as JSON whether it stored rows or refused them all (a 422
     * carries the per-row result in its problem's context); any other refusal is a failure.
     */
    public JsonNode upload(
            ConsoleUser user,
            Service s,
            String self,
            String path,
            Map<String, String> query,
            String type,
            byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(uri(s, self, path, query))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", type)
                .header("Accept", "application/json")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> r = exchange(s, req);
        JsonNode answer;
        try {
            answer = json.readTree(r.body());
        } catch (IOException e) {
            if (r.statusCode() >= 400) {
                // A refusal that is not a problem document (a proxy's 413 page) is still that refusal.
                throw new Failure(r.statusCode(), message(r));
            }
            throw new Failure(502, "服务返回的数据无法读取");
        }
        if (r.statusCode() < 400) {
            return answer;
        }
        if (answer.path("context").has("rows")) {
            return answer.get("context");
        }
        throw failure(r, answer);
    }

    /**
     * A JSON command (save a scheme, run an assessment). A refusal is a failure that carries the problem's
     * errors[], so that a form can show each message beside the field it names.
     */
    public JsonNode post(ConsoleUser user, Service s, String self, String path, Object body) {
        return command("POST", user, s, self, path, body);
    }

    /** A JSON create-or-replace (a receipt, a month's progress report or funds), refused like {@link #post}. */
    public JsonNode put(ConsoleUser user, Service s, String self, String path, Object body) {
        return command("PUT", user, s, self, path, body);
    }

    private JsonNode command(String method, ConsoleUser user, Service s, String self, String path, Object body) {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest req = HttpRequest.newBuilder(uri(s, self, path, Map.of()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "zh-CN")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        HttpResponse<byte[]> r = exchange(s, req);
        JsonNode answer = null;
        try {
            answer = r.body().length == 0 ? null : json.readTree(r.body());
        } catch (IOException e) {
            if (r.statusCode() < 400) {
                throw new Failure(502, "服务返回的数据无法读取");
            }
        }
        if (r.statusCode() >= 400) {
            throw failure(r, answer);
        }
        return answer;
    }

    /** A refusal with what its problem document says: errors[] by field, the code and the context. */
    private Failure failure(HttpResponse<byte[]> r, JsonNode problem) {
        return new Failure(
                r.statusCode(),
                message(r),
                problem == null ? null : problem.path("errors"),
                problem == null || !problem.path("code").isTextual()
                        ? null
                        : problem.path("code").asText(),
                problem == null ? null : problem.path("context"));
    }

    private java.net.URI uri(Service s, String self, String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(base(s, self) + path + (q.isEmpty() ? "" : "?" + q));
    }

    private HttpResponse<byte[]> exchange(Service s, HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // 502: the console could not reach the service at all. A 503 is the service's own answer (a read
            // model being rebuilt), which the page passes on.
            throw new Failure(502, serviceName(s) + "暂时无法访问，请稍后再试");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(502, serviceName(s) + "暂时无法访问，请稍后再试");
        }
    }

    private HttpResponse<byte[]> send(
            ConsoleUser user, Service s, String self, String path, Map<String, String> query, String accept) {
        HttpRequest req = HttpRequest.newBuilder(uri(s, self, path, query))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + user.token())
                .header("Accept", accept)
                .header("Accept-Language", "zh-CN")
                .GET()
                .build();
        HttpResponse<byte[]> r = exchange(s, req);
        if (r.statusCode() >= 400) {
            throw new Failure(r.statusCode(), message(r));
        }
        return r;
    }

    private String message(HttpResponse<byte[]> r) {
        try {
            JsonNode p = json.readTree(r.body());
            if (p.hasNonNull("detail")) {
                return p.get("detail").asText();
            }
        } catch (IOException | RuntimeException e) {
            // Not a problem document: the status says enough.
        }
        return switch (r.statusCode()) {
            case 401 -> "登录已过期，请重新登录";
            case 403 -> "您的角色无权查看此内容";
            case 404 -> "未找到";
            default -> "服务出错（" + r.statusCode() + "）";
        };
    }

    private String base(Service s, String self) {
        return switch (s) {
            case INDICATORS -> settings.indicatorsUrl();
            case PROJECTS -> settings.projectsUrl();
            case INVESTMENT -> settings.investmentUrl();
            case REPORTING -> settings.reportingUrl().filter(u -> !u.isBlank()).orElse(self);
        };
    }

    static String serviceName(Service s) {
        return switch (s) {
            case INDICATORS -> "经济指标服务";
            case PROJECTS -> "项目服务";
            case INVESTMENT -> "招商服务";
            case REPORTING -> "报表服务";
        };
    }
}
