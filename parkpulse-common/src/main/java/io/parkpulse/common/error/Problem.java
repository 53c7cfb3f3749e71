package io.parkpulse.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details. Every 4xx and 5xx of every service has this shape, so a client
 * handles errors once. {@code errors} names each offending field with its own code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors,
        Object context) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One reason one input was refused. {@code field} is a JSON path such as {@code rows[3].value}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String message) {}
}
