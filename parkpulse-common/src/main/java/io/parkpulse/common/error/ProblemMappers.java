package io.parkpulse.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.parkpulse.common.repository.DatabaseOutage;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers. Anything not recognised is a bug: it is
 * logged with an id and answered 500 with that id, never with a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        boolean en = prefersEnglish(headers);
        Response r = respond(new Problem(
                type(e.code()),
                title(e.status(), en),
                e.status(),
                e.message(en),
                path(uri),
                e.code(),
                e.errors().isEmpty() ? null : e.errors(en),
                e.context()));
        if (e.retryAfterSeconds() == null) {
            return r;
        }
        return Response.fromResponse(r)
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    /** Chinese is the default; a client that puts English first in Accept-Language gets English where we have it. */
    public static boolean prefersEnglish(String acceptLanguage) {
        return acceptLanguage != null
                && acceptLanguage.trim().toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }

    /** The same for a request's headers; services that build messages themselves (a batch's rows) ask here. */
    public static boolean prefersEnglish(HttpHeaders headers) {
        return headers != null && prefersEnglish(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    // The built-in mappers of these exact types answer plain JSON; naming the types here makes ours win.
    @ServerExceptionMapper({
        ConstraintViolationException.class,
        io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class
    })
    public Response violations(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        boolean en = prefersEnglish(headers);
        // Hibernate Validator has already chosen the messages' language from the same header (ValidationLocale).
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath()), "invalid", v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream()
                .map(f -> f.field() + (en ? ": " : "：") + f.message())
                .reduce((a, b) -> a + (en ? "; " : "；") + b)
                .orElse(say(en, "输入无效", "invalid input"));
        return respond(new Problem(type("invalid"), title(400, en), 400, detail, path(uri), "invalid", errors, null));
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        com.fasterxml.jackson.core.JsonParseException.class,
        StreamConstraintsException.class,
        ValueInstantiationException.class
    })
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        boolean en = prefersEnglish(headers);
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof ProblemException p) {
            return problem(p, uri, headers);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof ProblemException p) {
            // A value reader's own refusal (a date out of its range), at the value's path in the body.
            String at = pathOf(m);
            return problem(at.isEmpty() ? p : p.atField(at), uri, headers);
        }
        String field = e instanceof JsonMappingException m ? pathOf(m) : currentField(e);
        if (e instanceof JsonMappingException m
                && !(e instanceof MismatchedInputException)
                && m.getCause() instanceof JsonProcessingException inner
                && !(inner instanceof JsonMappingException)) {
            // A parse error inside a list comes wrapped with the element's path ([0]); the parser knows the field.
            String name = currentField(inner);
            field = name == null ? field : field == null || field.isEmpty() ? name : field + "." + name;
            e = inner;
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String code;
        String message;
        java.util.regex.Matcher duplicate = DUPLICATE_FIELD.matcher(original);
        if (e instanceof UnrecognizedPropertyException u) {
            code = "unknown_field";
            field = field == null || field.isEmpty() ? u.getPropertyName() : field;
            message = say(
                    en,
                    "无法识别的字段“" + abbreviate(u.getPropertyName()) + "”，请删去或改正",
                    "unknown field '" + abbreviate(u.getPropertyName()) + "'");
        } else if (duplicate.find()) {
            code = "duplicate_field";
            String name = duplicate.group(1);
            field = field == null || field.isEmpty() ? name : field + "." + name;
            message = say(
                    en,
                    "字段“" + abbreviate(name) + "”出现了两次，每个字段只能填写一次",
                    "'" + abbreviate(name) + "' appears twice; send each field once");
        } else if (original.startsWith("Trailing token") || pastTheDocument(e)) {
            code = "trailing_content";
            field = "body";
            message = say(
                    en,
                    "JSON 文档之后还有多余内容，请只发送一个文档",
                    "there is content after the JSON document; send exactly one document");
        } else if (e instanceof StreamConstraintsException) {
            code = "too_large";
            message = original.startsWith("Number value length")
                    ? say(en, "数字最多 1000 位", "a number may have at most 1000 digits")
                    : original.contains("nesting depth")
                            ? say(en, "文档嵌套层数过多", "the document is nested too deeply")
                            : say(en, "请求体中有一个值过大", "a value in the body is too large");
        } else if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException) {
            code = "out_of_range";
            message = say(en, "数字超出该字段的取值范围", "the number is out of range for this field");
        } else if (e instanceof InvalidFormatException f) {
            code = "wrong_type";
            // Our own readers refuse a request's value with a ProblemException (handled above); what is left is
            // Jackson's, whose reason names Java types and is reworded here.
            String value = abbreviate(String.valueOf(f.getValue()));
            message = en
                    ? original.startsWith("Cannot ")
                            ? "'" + value + "' is not a valid " + simpleType(f.getTargetType(), true)
                            : original
                    : "“" + value + "”"
                            + (f.getTargetType() != null && f.getTargetType().isEnum() ? "不是可选的代码，应为" : "不是有效的")
                            + simpleType(f.getTargetType(), false);
        } else if (e instanceof MismatchedInputException m) {
            code = "wrong_type";
            message = say(
                    en, "应为" + simpleType(m.getTargetType(), false), "expected " + simpleType(m.getTargetType(), true));
        } else if (e instanceof JsonMappingException) {
            code = "invalid";
            message = say(en, "值无效", "invalid value");
        } else {
            code = "malformed_json";
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            message = en
                    ? "the body is not valid JSON: " + plain(original)
                    : "请求体不是有效的 JSON"
                            + (at != null && at.getLineNr() > 0
                                    ? "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列附近）"
                                    : "");
        }
        String shownField = field == null || field.isEmpty() ? "body" : field;
        return respond(new Problem(
                type(code),
                title(400, en),
                400,
                shownField + (en ? ": " : "：") + message,
                path(uri),
                code,
                List.of(new Problem.FieldError(shownField, code, message)),
                null));
    }

    /** Whether the parser failed after reading a whole document (on text that follows it). */
    private static boolean pastTheDocument(JsonProcessingException e) {
        return e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p
                && p.getParsingContext() != null
                && p.getParsingContext().inRoot()
                && p.getParsingContext().getEntryCount() > 0;
    }

    /** Where the parser stood when it gave up (a number too long, a key twice), as far as it knows. */
    private static String currentField(JsonProcessingException e) {
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p && p.getParsingContext() != null) {
            com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext();
            if (c.inObject()
                    && c.getCurrentName() != null
                    && !(DUPLICATE_FIELD
                            .matcher(String.valueOf(e.getOriginalMessage()))
                            .find())) {
                return c.getCurrentName();
            }
            if (c.getParent() != null
                    && c.getParent().inObject()
                    && c.getParent().getCurrentName() != null) {
                return c.getParent().getCurrentName();
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern DUPLICATE_FIELD =
            java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    /** A parser's reason without the names of classes and settings that mean nothing to a client. */
    private static String plain(String original) {
        String first = original.lines()
                .findFirst()
                .orElse("")
                .replaceAll("`[^`]*`", "")
                .replaceAll("\\s*\\(code \\d+\\)", "")
                .replaceAll("\\s+", " ")
                .trim();
        return first.isEmpty() ? "unexpected content" : abbreviate(first);
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    @ServerExceptionMapper({
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        io.quarkus.security.AuthenticationCompletionException.class
    })
    public Response unauthorized(Exception e, UriInfo uri, HttpHeaders headers) {
        boolean en = prefersEnglish(headers);
        Problem p = new Problem(
                type("unauthorized"),
                title(401, en),
                401,
                say(en, "请登录：需要有效的访问令牌（Bearer）", "a valid bearer token is required"),
                path(uri),
                "unauthorized",
                null,
                null);
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(p)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        boolean en = prefersEnglish(headers);
        return respond(new Problem(
                type("forbidden"),
                title(403, en),
                403,
                say(en, "您的角色无权进行此操作", "your role does not allow this"),
                path(uri),
                "forbidden",
                null,
                null));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(Exception e, UriInfo uri, HttpHeaders headers) {
        boolean en = prefersEnglish(headers);
        return respond(new Problem(
                type("stale_version"),
                title(409, en),
                409,
                say(
                        en,
                        "该记录刚被他人修改，请重新读取后再提交您的修改",
                        "someone else changed this resource first; reload it and apply your change again"),
                path(uri),
                "stale_version",
                null,
                null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonProcessingException j) {
                return json(j, uri, headers);
            }
            if (t instanceof ProblemException p) {
                return problem(p, uri, headers);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        boolean en = prefersEnglish(headers);
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
        if (e.getCause() != null && (status == 400 || status == 404)) {
            // A parameter that could not be converted; ParameterConverters names it where it can.
            return respond(new Problem(
                    type("invalid_parameter"),
                    title(400, en),
                    400,
                    say(en, "路径或查询参数的格式不正确", "a path or query parameter is not of the expected type"),
                    path(uri),
                    "invalid_parameter",
                    null,
                    null));
        }
        String detail = switch (status) {
            case 404 -> say(en, "该地址下没有资源", "nothing is found at this address");
            case 405 -> say(en, "该地址不接受此请求方法", "this address does not accept that method");
            case 406 -> say(en, "该地址无法以所要求的格式（Accept）应答", "this address cannot answer in the requested media type");
            case 413 -> say(en, "请求体超过可接受的大小", "the body is larger than accepted");
            case 415 -> say(en, "该地址不接受此内容类型（Content-Type）", "this address does not accept that media type");
            default -> say(en, "请求无效", "the request is not valid");
        };
        return respond(new Problem(type(code), title(status, en), status, detail, path(uri), code, null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        boolean en = prefersEnglish(headers);
        if (DatabaseOutage.causedBy(e)) {
            // Not a bug: the database is stopped or unreachable (the fault-injection suite stops it). The request
            // changed nothing (its transaction did not commit), so the client may simply send it again; readiness
            // is DOWN meanwhile, and a load balancer stops sending traffic here until the database is back.
            LOG.warnf(
                    "database unavailable on %s: %s", String.valueOf(path(uri)).replaceAll("\\p{Cntrl}", "?"), e);
            return Response.fromResponse(respond(new Problem(
                            type("database_unavailable"),
                            title(503, en),
                            503,
                            say(
                                    en,
                                    "数据库暂时无法访问，本次请求未作任何更改，请稍后重试",
                                    "the database is unavailable for the moment; nothing was changed, try again shortly"),
                            path(uri),
                            "database_unavailable",
                            null,
                            null)))
                    .header("Retry-After", "5")
                    .build();
        }
        String id = UUID.randomUUID().toString();
        // A path may carry encoded line breaks; logged as they came they would forge log lines.
        LOG.errorf(e, "unexpected error %s on %s", id, String.valueOf(path(uri)).replaceAll("\\p{Cntrl}", "?"));
        return respond(new Problem(
                type("internal"),
                title(500, en),
                500,
                say(en, "系统内部错误；报告问题时请提供编号 " + id, "unexpected error; quote " + id + " when reporting it"),
                path(uri),
                "internal",
                null,
                null));
    }

    public static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** A body property's path ({@code rows[2].value}), or a query/path parameter's name. */
    static String fieldOf(Path path) {
        String parameter = null;
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        if (!sb.isEmpty()) {
            return sb.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    public static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String simpleType(Class<?> type, boolean en) {
        if (type == null) {
            return say(en, "值", "value");
        }
        if (type == Boolean.class || type == boolean.class) {
            return say(en, " true 或 false", "true or false");
        }
        if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return say(en, "数字", "number");
        }
        if (type.isEnum()) {
            List<String> codes = java.util.Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf)
                    .toList();
            return en ? "one of " + codes : "以下代码之一：" + String.join("、", codes);
        }
        if (type == java.time.LocalDate.class) {
            return say(en, "日期（YYYY-MM-DD）", "date (YYYY-MM-DD)");
        }
        if (type == String.class) {
            return say(en, "文本", "string");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return say(en, "列表（JSON 数组）", "array");
        }
        return say(en, "对象（JSON 对象）", "object");
    }

    private static String say(boolean en, String chinese, String english) {
        return en ? english : chinese;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return m == null ? "invalid value" : m;
    }

    static String type(String code) {
        return "https://parkpulse.dev/problems/" + code.replace('_', '-');
    }

    /** The status in words: Chinese by default, the HTTP reason phrase for a client that asks for English. */
    static String title(int status, boolean en) {
        if (en) {
            Response.Status s = Response.Status.fromStatusCode(status);
            return s != null
                    ? s.getReasonPhrase()
                    : status == 422
                            ? "Unprocessable Content"
                            : status == 431 ? "Request Header Fields Too Large" : "Error";
        }
        return switch (status) {
            case 400 -> "请求无效";
            case 401 -> "未登录或令牌无效";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法按要求的格式应答";
            case 409 -> "冲突";
            case 410 -> "已不存在";
            case 412 -> "前提条件不满足";
            case 413 -> "请求体过大";
            case 414 -> "地址过长";
            case 415 -> "不支持的内容类型";
            case 422 -> "无法处理的内容";
            case 429 -> "请求过于频繁";
            case 431 -> "请求头过大";
            case 500 -> "内部错误";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "服务器错误" : "请求错误";
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
