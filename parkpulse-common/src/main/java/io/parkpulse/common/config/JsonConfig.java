package io.parkpulse.common.config;

import com.fasterxml.jackson.core.JsonGenerator;
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
        mapper.registerModule(m);
    }
}
