package io.parkpulse.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one JSON dialect every service reads: what it refuses, and that it still reads what clients send. */
class StrictJsonTest {

    record Body(String code, Integer count, boolean active, BigDecimal amount, LocalDate on) {}

    static final ObjectMapper JSON = mapper();

    static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule());
        new JsonConfig().customize(m);
        return m;
    }

    @org.junit.jupiter.api.Test
    void aWellFormedBodyIsRead() throws Exception {
        Body b = JSON.readValue(
                "{\"code\":\"JB\",\"count\":3,\"active\":true,\"amount\":12.50,\"on\":\"2025-06-30\"}", Body.class);
        assertEquals(new Body("JB", 3, true, new BigDecimal("12.50"), LocalDate.of(2025, 6, 30)), b);
        assertEquals(
                new BigDecimal("100"),
                JSON.readValue("{\"amount\":100}", Body.class).amount());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"code\":123}",
                "{\"code\":true}",
                "{\"code\":1.5}",
                "{\"count\":\"1\"}",
                "{\"count\":1.5}",
                "{\"count\":true}",
                "{\"active\":1}",
                "{\"active\":\"true\"}",
                "{\"amount\":\"12.5\"}",
                "{\"amount\":true}",
                "{\"amount\":1e2147483647}",
                "{\"on\":\"0000-01-01\"}",
                "{\"on\":\"-0001-01-01\"}",
                "{\"on\":\"+12025-01-01\"}",
                "{\"on\":\"2025-02-30\"}",
                "{\"on\":\"1999-12-31\"}",
                "{\"on\":\"2025-06-30\\u0000\"}",
                "{\"on\":\" 2025-06-30\"}",
                "{\"on\":\"2100-01-01\"}",
                "{\"on\":20250101}",
                "{\"code\":\"a\",\"code\":\"b\"}",
                "{\"code\":\"a\"} x",
                "{\"code\":\"a\"}{}",
                "{\"code\":\"a\u0000\"}"
            })
    void lenientOrImpossibleInputIsRefused(String json) {
        assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Body.class));
    }

    enum Level {
        PROVINCIAL,
        MUNICIPAL
    }

    record Leveled(Level level) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"level\":\"PROVINCIAL\\u0000\"}",
                "{\"level\":\" MUNICIPAL\"}",
                "{\"level\":\"MUNICIPAL\\n\"}",
                "{\"level\":\"provincial\"}",
                "{\"level\":1}",
                "{\"level\":\"\"}"
            })
    void aCodeIsExactOrRefused(String json) {
        assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Leveled.class));
    }

    @org.junit.jupiter.api.Test
    void anExactCodeIsRead() throws Exception {
        assertEquals(
                Level.MUNICIPAL,
                JSON.readValue("{\"level\":\"MUNICIPAL\"}", Leveled.class).level());
    }

    @org.junit.jupiter.api.Test
    void decimalsAreWrittenPlainAndExact() throws Exception {
        assertEquals(
                "{\"v\":3907000}", JSON.writeValueAsString(java.util.Map.of("v", new BigDecimal("3907000.000000"))));
        assertEquals("{\"v\":1000}", JSON.writeValueAsString(java.util.Map.of("v", new BigDecimal("1E+3"))));
    }
}
