package io.parkpulse.common.error;

import java.util.List;

/**
 * Thrown by domain and service code to answer with a specific problem. The mapper turns it into
 * {@code application/problem+json}; nothing else in a service builds error responses.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Problem.FieldError> errors;
    private final Object context;
    private final String english;
    private Integer retryAfterSeconds;

    /**
     * A refusal in Chinese (what users read by default) with its English text, which a client gets by
     * asking for {@code Accept-Language: en}. {@code errors} carry the Chinese text; the mapper swaps it.
     */
    public ProblemException(
            int status, String code, String chinese, String english, List<Problem.FieldError> errors, Object context) {
        super(chinese);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.context = context;
        this.english = english;
    }

    public static ProblemException badRequest(String field, String code, String chinese, String english) {
        return new ProblemException(
                400, code, chinese, english, List.of(new Problem.FieldError(field, code, chinese)), null);
    }

    public static ProblemException unprocessable(String field, String code, String chinese, String english) {
        return new ProblemException(
                422, code, chinese, english, List.of(new Problem.FieldError(field, code, chinese)), null);
    }

    /**
     * The same refusal naming {@code field} instead: a value's reader knows its property's name, the
     * JSON mapper knows its whole path ({@code rows[3].on}).
     */
    public ProblemException atField(String field) {
        return new ProblemException(
                status,
                code,
                getMessage(),
                english,
                errors.stream()
                        .map(f -> new Problem.FieldError(field, f.code(), f.message()))
                        .toList(),
                context);
    }

    /** The message in the language asked for: English when the client prefers it and there is one. */
    public String message(boolean inEnglish) {
        return inEnglish && english != null ? english : getMessage();
    }

    /** The field errors in that language. */
    public List<Problem.FieldError> errors(boolean inEnglish) {
        if (!inEnglish || english == null) {
            return errors;
        }
        return errors.stream()
                .map(f -> f.message() != null && f.message().equals(getMessage())
                        ? new Problem.FieldError(f.field(), f.code(), english)
                        : f)
                .toList();
    }

    /** {@code notFound("园区", "park", "JB-ETDZ")}: 园区“JB-ETDZ”不存在 / park 'JB-ETDZ' does not exist. */
    public static ProblemException notFound(String whatChinese, String whatEnglish, String id) {
        return new ProblemException(
                404,
                "not_found",
                whatChinese + "“" + id + "”不存在",
                whatEnglish + " '" + id + "' does not exist",
                List.of(),
                null);
    }

    public static ProblemException conflict(String code, String chinese, String english, Object context) {
        return new ProblemException(409, code, chinese, english, List.of(), context);
    }

    /**
     * 503: the service cannot answer now but will soon; {@code retryAfterSeconds} goes out as {@code Retry-After}
     * so that a client waits instead of taking a partial answer for a whole one.
     */
    public static ProblemException unavailable(
            String code, String chinese, String english, int retryAfterSeconds, Object context) {
        ProblemException e = new ProblemException(503, code, chinese, english, List.of(), context);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** Seconds for a {@code Retry-After} header, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException forbidden(String chinese, String english) {
        return new ProblemException(403, "forbidden", chinese, english, List.of(), null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Object context() {
        return context;
    }
}
