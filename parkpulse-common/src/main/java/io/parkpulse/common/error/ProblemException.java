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

    public ProblemException(int status, String code, String detail, List<Problem.FieldError> errors, Object context) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.context = context;
    }

    public static ProblemException badRequest(String field, String code, String message) {
        return new ProblemException(400, code, message, List.of(new Problem.FieldError(field, code, message)), null);
    }

    public static ProblemException unprocessable(String field, String code, String message) {
        return new ProblemException(422, code, message, List.of(new Problem.FieldError(field, code, message)), null);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not_found", what + " '" + id + "' does not exist", List.of(), null);
    }

    public static ProblemException conflict(String code, String detail, Object context) {
        return new ProblemException(409, code, detail, List.of(), context);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", detail, List.of(), null);
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
