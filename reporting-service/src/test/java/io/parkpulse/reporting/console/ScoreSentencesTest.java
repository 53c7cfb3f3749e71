package io.parkpulse.reporting.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sentences of a park's breakdown, and the form paths of a refused scheme, without Quarkus. */
class ScoreSentencesTest {

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static ScoreSentences.Item item(
            String name, String figure, String rule, String w, String x, String ref, String score, String... present) {
        return new ScoreSentences.Item(
                name,
                figure,
                rule,
                d(w),
                d(x),
                d(ref),
                d(score),
                x == null ? "未报送，不得分" : null,
                d("0.6"),
                null,
                null,
                "万元",
                java.util.Arrays.stream(present).map(BigDecimal::new).toList());
    }

    @Test
    void eachRuleIsExplainedInTheWordsOfANotice() {
        assertEquals(
                "工业总产值完成全年任务：目标完成率102.30%，超过100%，得满分10分",
                ScoreSentences.sentence(item(
                        "工业总产值完成全年任务",
                        "completion:industrial_output",
                        "TARGET_COMPLETION",
                        "10",
                        "102.3",
                        null,
                        "10.00")));
        assertEquals(
                "工业增加值增速：同比下降3.20%，为参评园区最低，得保底分6分（满分10分的60%）",
                ScoreSentences.sentence(item(
                        "工业增加值增速",
                        "growth:industrial_value_added",
                        "EFFICACY",
                        "10",
                        "-3.2",
                        "12",
                        "6.00",
                        "-3.2",
                        "5",
                        "12")));
        assertEquals(
                "工业增加值增速：同比增长5.00%，参评园区最高12.00%、最低-3.20%，按功效系数法得8.16分（本项满分10分，保底60%）",
                ScoreSentences.sentence(item(
                        "工业增加值增速",
                        "growth:industrial_value_added",
                        "EFFICACY",
                        "10",
                        "5",
                        "12",
                        "8.16",
                        "-3.2",
                        "5",
                        "12")));
        assertEquals(
                "实际利用外资：5000万元，为全市平均值2500万元的200%，达到得分上限（权重的10倍），得70分",
                ScoreSentences.sentence(
                        item("实际利用外资", "value:foreign_capital_used", "BENCHMARK_RATIO", "7", "5000", "2500", "70.00")));
        assertEquals(
                "高新技术企业数：12万元，在3个参评园区中居第2位，得2.5分（第1位得满分5分，末位得0分）",
                ScoreSentences.sentence(item(
                        "高新技术企业数", "value:high_tech_enterprises", "RANK", "5", "12", "2", "2.50", "20", "12", "3")));
        assertEquals(
                "税收完成全年任务：未报送，不得分（本项满分10分）",
                ScoreSentences.sentence(
                        item("税收完成全年任务", "completion:tax_revenue", "TARGET_COMPLETION", "10", null, null, "0.00")));
        assertEquals("较大安全生产事故2次，每次扣1分，共扣2分", ScoreSentences.adjustment("较大安全生产事故", 2, d("-2"), false));
    }

    @Test
    void aRefusalOfARowAfterABlankOneLandsOnTheRowTyped() {
        Map<String, String> paths = Map.of(
                "dimensions[0]", "dimensions[0]",
                "dimensions[0].items[0]", "dimensions[0].items[0]",
                "dimensions[0].items[1]", "dimensions[0].items[2]",
                "dimensions[1]", "dimensions[2]",
                "dimensions[1].items[0]", "dimensions[2].items[0]",
                "tiers.bands[1]", "tiers.bands[3]");
        assertEquals("dimensions[0].items[2].figure", SchemeForm.formPath("dimensions[0].items[1].figure", paths));
        assertEquals("dimensions[2].items[0].weight", SchemeForm.formPath("dimensions[1].items[0].weight", paths));
        assertEquals("dimensions[2].items", SchemeForm.formPath("dimensions[1].items", paths));
        assertEquals("tiers.bands[3].bound", SchemeForm.formPath("tiers.bands[1].bound", paths));
        assertEquals("dimensions", SchemeForm.formPath("dimensions", paths));
        assertEquals(List.of("第3个考核维度"), List.of(SchemeForm.place("dimensions[2].items")));
    }
}
