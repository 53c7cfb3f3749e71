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

    record Plan(
            LocalDate on,

            @io.parkpulse.common.periods.DateRange(yearsAhead = 10)
            LocalDate completion) {}

    static final int NEXT = io.parkpulse.common.periods.CityTime.today().getYear() + 1;

    @org.junit.jupiter.api.Test
    void aRequestDateIsHeldToItsFieldsRangeNamingTheFieldAtItsPath() throws Exception {
        String far = (NEXT + 5) + "-06-30";
        assertEquals(
                LocalDate.parse(far),
                JSON.readValue("{\"completion\":\"" + far + "\"}", Plan.class).completion());
        com.fasterxml.jackson.databind.JsonMappingException e = assertThrows(
                com.fasterxml.jackson.databind.JsonMappingException.class,
                () -> JSON.readValue("[{\"on\":\"" + far + "\"}]", Plan[].class));
        io.parkpulse.common.error.ProblemException p = (io.parkpulse.common.error.ProblemException) e.getCause();
        assertEquals("date_out_of_range", p.code());
        assertEquals("on", p.errors().get(0).field());
        assertEquals("[0].on", io.parkpulse.common.error.ProblemMappers.pathOf(e));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "2025-02-30 | '2025-02-30' 不是日历上的日期",
                "2025-6-30 | '2025-6-30' 不是日期：请写作 YYYY-MM-DD，如 2026-06-30",
                "-0001-01-01 | '-0001-01-01' 不是日期：请写作 YYYY-MM-DD，如 2026-06-30"
            })
    void aRequestDateThatIsNoDateIsRefusedInChineseNamingTheField(String text, String chinese) {
        com.fasterxml.jackson.databind.JsonMappingException e = assertThrows(
                com.fasterxml.jackson.databind.JsonMappingException.class,
                () -> JSON.readValue("{\"on\":\"" + text + "\"}", Plan.class));
        io.parkpulse.common.error.ProblemException p = (io.parkpulse.common.error.ProblemException) e.getCause();
        assertEquals("wrong_type", p.code());
        assertEquals("on", p.errors().get(0).field());
        assertEquals(chinese, p.message(false));
    }

    @org.junit.jupiter.api.Test
    void eventsAreHeldToTheOuterBoundOnly() throws Exception {
        String far = (NEXT + 5) + "-06-30";
        Plan read = JSON.readerFor(Plan.class)
                .withAttribute(io.parkpulse.common.periods.DateBounds.OUTER_BOUND_ONLY, true)
                .readValue("{\"on\":\"" + far + "\"}");
        assertEquals(LocalDate.parse(far), read.on());
        assertThrows(
                JsonProcessingException.class,
                () -> JSON.readerFor(Plan.class)
                        .withAttribute(io.parkpulse.common.periods.DateBounds.OUTER_BOUND_ONLY, true)
                        .readValue("{\"on\":\"2100-01-01\"}"));
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
