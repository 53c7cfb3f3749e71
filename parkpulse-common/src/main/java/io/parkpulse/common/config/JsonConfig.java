package io.parkpulse.common.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.DateBounds;
import io.parkpulse.common.periods.DateRange;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One JSON dialect for every service, in both directions.
 *
 * <p>Reading is strict: a client that sends {@code {"code":123}}, {@code "1"} for a count, {@code 1.5}
 * for an integer, {@code 1} for a boolean, a key twice or anything after the document has made a
 * mistake, and guessing what it meant would store something it did not say. Each is refused with a
 * problem naming the field (see {@code ProblemMappers}).
 *
 * <p>Writing is exact: a NUMERIC(24,6) column's 3907000.000000 goes out as 3907000 and 1E+3 as 1000,
 * never in exponent notation, never through a double.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    /** Last, so that our readers replace the ones Quarkus's modules (java.time) register before. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // The parser lets numbers be long enough for BoundedDecimalDeserializer to refuse them naming
        // their field; it stays the hard stop well below where converting a number costs anything.
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(BoundedDecimalDeserializer.MAX_TEXT * 10)
                        .build());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] {
            LogicalType.Textual,
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.Boolean,
            LogicalType.DateTime,
            LogicalType.Enum
        }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(
                            CoercionInputShape.Integer,
                            type == LogicalType.Integer || type == LogicalType.Float
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Float,
                            type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Boolean,
                            type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.String,
                            type == LogicalType.Textual || type == LogicalType.DateTime || type == LogicalType.Enum
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.EmptyString,
                            type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }

        SimpleModule m = new SimpleModule("parkpulse-json");
        m.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                BigDecimal v = value.stripTrailingZeros();
                gen.writeNumber((v.scale() < 0 ? v.setScale(0) : v).toPlainString());
            }
        });
        // PostgreSQL refuses text with NUL characters; a field carrying one is refused as a bad value, naming it.
        m.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    return (String) ctxt.handleUnexpectedToken(String.class, p);
                }
                String value = p.getText();
                if (value.indexOf('\0') >= 0) {
                    throw refused(
                            p,
                            ctxt,
                            value,
                            String.class,
                            "文本中不能含有空字符（\\u0000）",
                            "text may not contain a NUL character");
                }
                return value;
            }
        });
        m.addDeserializer(LocalDate.class, new BoundedDateDeserializer());
        m.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription beanDesc,
                    JsonDeserializer<?> deserializer) {
                return new ExactEnumDeserializer(deserializer);
            }
        });
        m.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        mapper.registerModule(m);
    }

    /**
     * Dates are ISO {@code YYYY-MM-DD}. In a request each lies within its field's range: the default of
     * {@link DateBounds} or the field's {@link DateRange}; a value outside is refused with the bilingual
     * {@code date_out_of_range} problem naming the field. Events and stored documents, read with
     * {@link DateBounds#OUTER_BOUND_ONLY}, are held to the outer bound only. Year 0000 or a negative
     * year would be stored as another date by PostgreSQL, and no park reports on those.
     */
    static final class BoundedDateDeserializer extends StdScalarDeserializer<LocalDate>
            implements ContextualDeserializer {

        private final String field;
        private final DateRange range;

        BoundedDateDeserializer() {
            this(null, null);
        }

        private BoundedDateDeserializer(String field, DateRange range) {
            super(LocalDate.class);
            this.field = field;
            this.range = range;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (property == null) {
                return this;
            }
            return new BoundedDateDeserializer(property.getName(), property.getAnnotation(DateRange.class));
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            boolean request = ctxt.getAttribute(DateBounds.OUTER_BOUND_ONLY) == null;
            String name = field == null ? "body" : field;
            if (!ISO_DATE.matcher(text).matches()) {
                if (request) {
                    throw ProblemException.badRequest(
                            name,
                            "wrong_type",
                            "'" + abbreviate(text) + "' 不是日期：请写作 YYYY-MM-DD，如 2026-06-30",
                            "'" + abbreviate(text) + "' is not a date: a date is written YYYY-MM-DD");
                }
                throw refused(p, abbreviate(text), LocalDate.class, "a date is written YYYY-MM-DD");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeException e) {
                if (request) {
                    throw ProblemException.badRequest(
                            name, "wrong_type", "'" + text + "' 不是日历上的日期", "'" + text + "': no such day");
                }
                throw refused(p, text, LocalDate.class, "no such day");
            }
            if (!request) {
                if (!DateBounds.contains(day)) {
                    throw refused(p, text, LocalDate.class, DateBounds.rule());
                }
                return day;
            }
            return DateBounds.day(day, name, range);
        }
    }

    /**
     * Exact numbers with a sane exponent. {@code 1e2147483647} is short text, but arithmetic on it
     * overflows the scale, and writing it out takes gigabytes; no figure of ours needs an exponent
     * beyond ±{@value #MAX_EXPONENT}.
     */
    static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

        static final int MAX_EXPONENT = 1000;
        /** Digits, sign, point and exponent of the longest number accepted. */
        static final int MAX_TEXT = 1000;

        BoundedDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            if (p.getTextLength() > MAX_TEXT) {
                throw refused(
                        p,
                        ctxt,
                        "(" + p.getTextLength() + " characters)",
                        BigDecimal.class,
                        "数字最多 " + MAX_TEXT + " 位",
                        "a number may have at most " + MAX_TEXT + " digits");
            }
            if (p.isNaN()) {
                throw refused(p, ctxt, p.getNumberValue(), BigDecimal.class, "不是数字", "not a number");
            }
            BigDecimal v = p.getDecimalValue();
            if (Math.abs((long) v.scale()) > MAX_EXPONENT + v.precision()) {
                throw refused(
                        p,
                        ctxt,
                        v.precision() > 20 ? "(a number)" : v,
                        BigDecimal.class,
                        "数字的指数超出 ±" + MAX_EXPONENT,
                        "the number's exponent is beyond ±" + MAX_EXPONENT);
            }
            return v;
        }
    }

    /**
     * Jackson matches an enum's name after trimming the text, so "PROVINCIAL\u0000" or " NONE" would be
     * read as a constant; a code is exact or it is not a code.
     */
    static final class ExactEnumDeserializer extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {

        ExactEnumDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ExactEnumDeserializer(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (!text.isEmpty()
                        && (Character.isWhitespace(text.charAt(0))
                                || text.charAt(0) <= ' '
                                || text.charAt(text.length() - 1) <= ' '
                                || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                    throw refused(
                            p,
                            ctxt,
                            abbreviate(text),
                            handledType(),
                            "不是可选的代码（代码前后不能有空格或控制字符）",
                            "not one of the codes (no spaces or control characters around it)");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** A refusal whose message is only our reason, which the problem shows as it is. */
    static InvalidFormatException refused(JsonParser p, Object value, Class<?> type, String reason) {
        return InvalidFormatException.from(p, reason, value, type);
    }

    /**
     * A request's value is refused in both languages, as a problem the mapper places at the value's path
     * (like a date's); an event's or a stored document's keeps the plain English reason, which no user reads.
     */
    static InvalidFormatException refused(
            JsonParser p, DeserializationContext ctxt, Object value, Class<?> type, String chinese, String english) {
        if (ctxt.getAttribute(DateBounds.OUTER_BOUND_ONLY) == null) {
            throw ProblemException.badRequest("body", "wrong_type", chinese, english);
        }
        return refused(p, value, type, english);
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
