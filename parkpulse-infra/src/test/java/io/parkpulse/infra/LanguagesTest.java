package io.parkpulse.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The language rule the walkers hold refusals to, on problem documents written by hand. */
class LanguagesTest {

    @Test
    void aChineseRefusalPassesByDefaultAndFailsWhenEnglishWasAskedFor() {
        String body = "{\"title\":\"请求无效\",\"detail\":\"rows[5].value：“约3500人”不是数字\",\"code\":\"not_a_number\","
                + "\"errors\":[{\"field\":\"rows[5].value\",\"code\":\"not_a_number\",\"message\":\"“约3500人”不是数字\"}]}";
        assertEquals(Optional.empty(), Languages.wrongLanguage(body, false));
        assertEquals(Optional.of("title \"请求无效\""), Languages.wrongLanguage(body, true));
    }

    @Test
    void anEnglishTextIsNotChineseEvenWhenItQuotesChinese() {
        String body = "{\"title\":\"Bad Request\",\"detail\":\"unit '万元' cannot be used; use “元” or \\\"亿元\\\"\","
                + "\"errors\":[{\"field\":\"名称\",\"code\":\"unknown_field\",\"message\":\"unknown field 「名称」\"}]}";
        assertEquals(Optional.empty(), Languages.wrongLanguage(body, true));
        assertEquals(Optional.of("title \"Bad Request\""), Languages.wrongLanguage(body, false));
    }

    @Test
    void aFieldNameRepeatedInTheDetailIsData() {
        String body = "{\"title\":\"Bad Request\",\"detail\":\"指标: unknown field\","
                + "\"errors\":[{\"field\":\"指标\",\"code\":\"unknown_field\",\"message\":\"unknown field\"}]}";
        assertEquals(Optional.empty(), Languages.wrongLanguage(body, true));
    }

    @Test
    void anEnglishMessageInAChineseAnswerIsFound() {
        String body = "{\"title\":\"未找到\",\"detail\":\"园区“X”不存在\","
                + "\"errors\":[{\"field\":\"park\",\"code\":\"not_found\",\"message\":\"park 'X' does not exist\"}]}";
        assertEquals(Optional.of("errors[].message \"park 'X' does not exist\""), Languages.wrongLanguage(body, false));
    }
}
