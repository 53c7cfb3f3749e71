package io.parkpulse.common.params;

import io.parkpulse.common.error.Problem;
import io.parkpulse.common.error.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Path, query and header parameters of the types our endpoints take, converted so that a wrong value
 * is a problem naming the parameter: 400 for a query or header parameter, 404 for a path segment (no
 * resource lives at an address whose id is not an id). Without this, JAX-RS answers with the
 * framework's exception text ("For input string", "Invalid UUID string"), and 404 for a query parameter.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        boolean inPath = inPath(annotations);
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>)
                    converter(name, inPath, text -> (int) whole(name, text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>)
                    converter(name, inPath, text -> whole(name, text, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, inPath, text -> {
                if (!UUID_TEXT.matcher(text).matches()) {
                    throw ProblemException.badRequest(
                            name,
                            "invalid_parameter",
                            "编号应为 8-4-4-4-12 位十六进制数字",
                            "an id of the form 8-4-4-4-12 hexadecimal digits");
                }
                return UUID.fromString(text);
            });
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, inPath, text -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default ->
                    throw ProblemException.badRequest(name, "invalid_parameter", "应为 true 或 false", "true or false");
            });
        }
        return null;
    }

    private static long whole(String name, String text, long min, long max) {
        if (INTEGER.matcher(text).matches()) {
            try {
                long v = Long.parseLong(text);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // beyond a long: refused below like any other out-of-range number
            }
        }
        throw ProblemException.badRequest(
                name,
                "invalid_parameter",
                "应为 " + min + " 至 " + max + " 之间的整数",
                "a whole number between " + min + " and " + max);
    }

    private static <T> ParamConverter<T> converter(String name, boolean inPath, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (ProblemException e) {
                    if (!inPath) {
                        throw e;
                    }
                    String chinese = "该地址下没有资源：路径中的“" + name + "”不符合要求（" + e.message(false) + "）";
                    throw new ProblemException(
                            404,
                            "not_found",
                            chinese,
                            "nothing is found at this address: '" + name + "' must be " + e.message(true),
                            List.of(new Problem.FieldError(name, "not_found", chinese)),
                            null);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static boolean inPath(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof PathParam || a instanceof RestPath) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                String n = null;
                if (a instanceof QueryParam q) {
                    n = q.value();
                } else if (a instanceof PathParam p) {
                    n = p.value();
                } else if (a instanceof HeaderParam h) {
                    n = h.value();
                } else if (a instanceof RestQuery q) {
                    n = q.value();
                } else if (a instanceof RestPath p) {
                    n = p.value();
                } else if (a instanceof RestHeader h) {
                    n = h.value();
                }
                if (n != null && !n.isEmpty()) {
                    return n;
                }
            }
        }
        return "parameter";
    }
}
