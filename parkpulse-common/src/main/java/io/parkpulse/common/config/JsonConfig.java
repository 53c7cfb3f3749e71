package io.parkpulse.common.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Exact numbers in JSON, written the way people read them: a NUMERIC(24,6) column's 3907000.000000
 * goes out as 3907000 and 1E+3 as 1000, never in exponent notation, never through a double.
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule m = new SimpleModule("parkpulse-decimals");
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
                String value = super.deserialize(p, ctxt);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw ctxt.weirdStringException(value, String.class, "text may not contain a NUL character");
                }
                return value;
            }
        });
        mapper.registerModule(m);
    }
}
