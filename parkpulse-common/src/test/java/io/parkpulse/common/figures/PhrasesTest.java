package io.parkpulse.common.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhrasesTest {

    /** As the corpus prints them: 亿元 and 万 from ten thousand on, two decimals at most. */
    @ParameterizedTest
    @CsvSource({
        "390700, 万元, 39.07亿元",
        "9999.5, 万元, 9999.5万元",
        "65000, 平方米, 6.5万平方米",
        "9999, 平方米, 9999平方米",
        "123456, 吨标准煤, 12.35万吨标准煤",
        "23456, 人, 2.35万人",
        "34, 家, 34家",
        "56057, 亩, 56057亩",
        "316397.18, 万美元, 31.64亿美元",
        "9999, 万美元, 9999万美元",
        "25000, 万千瓦时, 2.5亿千瓦时",
        "65000, 万平方米, 6.5亿平方米"
    })
    void amountsReadAsReportsWriteThem(String value, String unit, String expected) {
        assertEquals(expected, Phrases.amount(new BigDecimal(value), unit));
    }
}
