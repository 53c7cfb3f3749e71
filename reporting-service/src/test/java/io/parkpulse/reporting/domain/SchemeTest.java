package io.parkpulse.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemeTest {

    private static final Scheme.Tiers TIERS = new Scheme.Tiers(
            Scheme.TierMode.SCORE,
            List.of(new Scheme.Band("合格", new BigDecimal("60")), new Scheme.Band("较差", BigDecimal.ZERO)));

    private static Scheme.Item item(String code, String figure, String weight) {
        return new Scheme.Item(code, code, figure, new BigDecimal(weight), Scheme.Rule.EFFICACY, null, null, null);
    }

    private static List<String> errors(Scheme.Item... items) {
        Scheme scheme = new Scheme("s", List.of(new Scheme.Dimension("d", "维度", List.of(items))), null, TIERS, false);
        return scheme.check(indicator -> indicator.equals("tax") || indicator.equals("output")).stream()
                .map(e -> e.field() + " " + e.code())
                .toList();
    }

    @Test
    void aSchemeWhoseWeightsAddUpTo100HasNoErrors() {
        assertEquals(List.of(), errors(item("a", "value:tax", "60"), item("b", "growth:output", "40")));
    }

    @ParameterizedTest
    @CsvSource({
        // 60 + 30 and 60 + 50: both miss 100 points.
        "30, 90",
        "50, 110"
    })
    void weightsMustAddUpTo100(String second, String total) {
        Scheme scheme = new Scheme(
                "s",
                List.of(new Scheme.Dimension(
                        "d", "维度", List.of(item("a", "value:tax", "60"), item("b", "value:output", second)))),
                null,
                TIERS,
                false);
        List<Refusal> e = scheme.check(indicator -> true);
        assertEquals(
                List.of(new Refusal(
                        "dimensions",
                        "weights_do_not_add_up",
                        "各考核指标权重合计为" + total + "分，应为100分",
                        "the items' weights add up to " + total + ", not 100")),
                e);
    }

    @Test
    void anUnknownIndicatorIsNamedAtItsItem() {
        assertEquals(
                List.of("dimensions[0].items[1].figure unknown_indicator"),
                errors(item("a", "value:tax", "60"), item("b", "value:land", "40")));
    }

    @Test
    void aDuplicateItemCodeIsRefused() {
        assertEquals(
                List.of("dimensions[0].items[1].code invalid_code"),
                errors(item("a", "value:tax", "60"), item("a", "value:output", "40")));
    }

    @Test
    void targetCompletionNeedsACompletionFigure() {
        Scheme.Item completion = new Scheme.Item(
                "c", "c", "value:tax", new BigDecimal("100"), Scheme.Rule.TARGET_COMPLETION, null, null, null);
        assertEquals(List.of("dimensions[0].items[0].figure rule_mismatch"), errors(completion));
    }
}
