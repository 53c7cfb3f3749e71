package io.parkpulse.common.paging;

import io.parkpulse.common.error.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Query filters read by hand: JAX-RS answers a query parameter it cannot convert with 404, where a
 * client deserves 400 naming the parameter and the values it takes.
 */
public final class Filters {

    private Filters() {}

    /** The enum constant named by {@code value} (case-insensitive), null when absent. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String shown = abbreviate(value);
            throw ProblemException.badRequest(
                    field,
                    "invalid_value",
                    "“" + shown + "”不是可选的代码，应为以下之一："
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining("、")),
                    "'" + shown + "' is not one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    public static boolean flag(String value, String field) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw ProblemException.badRequest(
                        field,
                        "invalid_value",
                        "“" + abbreviate(value) + "”应为 true 或 false",
                        "'" + abbreviate(value) + "' is not true or false");
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
