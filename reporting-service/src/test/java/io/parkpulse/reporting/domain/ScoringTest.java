package io.parkpulse.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked example of docs/assessment.md, rule by rule. */
class ScoringTest {

    private static final Scheme.Adjustment SAFETY =
            new Scheme.Adjustment("safety_accident", "安全事故", new BigDecimal("-1"), false);
    private static final Scheme.Adjustment MAJOR = new Scheme.Adjustment("major_accident", "重大事故", null, true);

    private static Scheme scheme(Scheme.Item... items) {
        return new Scheme(
                "worked example",
                List.of(new Scheme.Dimension("d", "维度", List.of(items))),
                List.of(SAFETY, MAJOR),
                new Scheme.Tiers(
                        Scheme.TierMode.SCORE,
                        List.of(
                                new Scheme.Band("优秀", new BigDecimal("90")),
                                new Scheme.Band("良好", new BigDecimal("75")),
                                new Scheme.Band("合格", new BigDecimal("60")),
                                new Scheme.Band("较差", BigDecimal.ZERO))),
                false);
    }

    private static final Scheme.Item COMPLETION = new Scheme.Item(
            "c", "税收完成率", "completion:tax", new BigDecimal("60"), Scheme.Rule.TARGET_COMPLETION, null, null, null);
    private static final Scheme.Item GROWTH = new Scheme.Item(
            "g",
            "产值增速",
            "growth:output",
            new BigDecimal("40"),
            Scheme.Rule.EFFICACY,
            null,
            new BigDecimal("0.6"),
            null);

    private static Scoring.ParkInput park(String code, String completion, String growth, Map<String, Integer> adj) {
        return new Scoring.ParkInput(
                code, code, null, Map.of("c", new BigDecimal(completion), "g", new BigDecimal(growth)), adj);
    }

    /** 甲 50 %, 10 %, two safety accidents; 乙 120 %, 5 %; 丙 90 %, 20 % (docs/assessment.md). */
    private static Map<String, Scoring.ParkResult> workedExample(Map<String, Integer> bingAdjustments) {
        return Scoring.score(
                        scheme(COMPLETION, GROWTH),
                        List.of(
                                park("甲", "50", "10", Map.of("safety_accident", 2)),
                                park("乙", "120", "5", Map.of()),
                                park("丙", "90", "20", bingAdjustments)))
                .stream()
                .collect(Collectors.toMap(Scoring.ParkResult::park, Function.identity()));
    }

    private static BigDecimal item(Scoring.ParkResult r, String code) {
        return r.items().stream()
                .filter(i -> i.item().equals(code))
                .findFirst()
                .orElseThrow()
                .score();
    }

    @ParameterizedTest
    @CsvSource({
        // min(completion ÷ 100 %, 1) × 60: 0.5 × 60, capped at 1 × 60, 0.9 × 60.
        "甲, 30.00",
        "乙, 60.00",
        "丙, 54.00"
    })
    void targetCompletionScoresTheShareOfTheTargetCappedAtTheWeight(String park, String score) {
        assertEquals(new BigDecimal(score), item(workedExample(Map.of()).get(park), "c"));
    }

    @ParameterizedTest
    @CsvSource({
        // 40 × (0.6 + 0.4 × (x − 5) ÷ 15) with min 5 %, max 20 %: 10 % gives 40 × 0.7333.
        "甲, 29.33",
        "乙, 24.00",
        "丙, 40.00"
    })
    void efficacyScoresBetweenTheFloorAndTheWeight(String park, String score) {
        assertEquals(new BigDecimal(score), item(workedExample(Map.of()).get(park), "g"));
    }

    @ParameterizedTest
    @CsvSource({
        // 30 + 29.33 − 2 safety accidents; 60 + 24; 54 + 40.
        "甲, 57.33, 3, 较差",
        "乙, 84.00, 2, 良好",
        "丙, 94.00, 1, 优秀"
    })
    void totalsAdjustmentsRanksAndScoreTiers(String park, String total, int rank, String tier) {
        Scoring.ParkResult r = workedExample(Map.of()).get(park);
        assertEquals(new BigDecimal(total), r.total());
        assertEquals(rank, r.rank());
        assertEquals(tier, r.tier());
    }

    @Test
    void aDisqualifyingAdjustmentRemovesTheParkFromTheRanking() {
        // Revision 2 of the example: a major accident at 丙 leaves 乙 first.
        Map<String, Scoring.ParkResult> results = workedExample(Map.of("major_accident", 1));
        assertTrue(results.get("丙").disqualified());
        assertNull(results.get("丙").rank());
        assertEquals(Scoring.DISQUALIFIED, results.get("丙").tier());
        assertEquals(1, results.get("乙").rank());
        assertEquals(2, results.get("甲").rank());
    }

    @Test
    void aParkThatDidNotReportScoresNothingOnTheItem() {
        Scoring.ParkInput silent = new Scoring.ParkInput("丁", "丁", null, Map.of(), Map.of());
        Scoring.ParkResult r =
                Scoring.score(scheme(COMPLETION), List.of(silent)).get(0);
        assertEquals(new BigDecimal("0.00"), item(r, "c"));
    }

    @ParameterizedTest
    @CsvSource({
        // value ÷ benchmark 50 × weight 10; above 10× the benchmark the ratio is capped at 10.
        "25, 5.00",
        "50, 10.00",
        "5000, 100.00"
    })
    void benchmarkRatioIsCappedAtTenTimesTheWeight(String value, String score) {
        Scheme.Item ratio = new Scheme.Item(
                "b",
                "亩均税收",
                "perMu:tax",
                BigDecimal.TEN,
                Scheme.Rule.BENCHMARK_RATIO,
                new BigDecimal("50"),
                null,
                null);
        Scoring.ParkInput p = new Scoring.ParkInput("甲", "甲", null, Map.of("b", new BigDecimal(value)), Map.of());
        assertEquals(
                new BigDecimal(score),
                item(Scoring.score(scheme(ratio), List.of(p)).get(0), "b"));
    }
}
