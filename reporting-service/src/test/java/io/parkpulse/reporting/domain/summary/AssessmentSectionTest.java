package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.reporting.domain.Report.Section;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssessmentSectionTest {

    static final Assessment.Run RUN = new Assessment.Run(UUID.randomUUID(), "2025-Q1", 1, "园区考核办法", 2);

    @ParameterizedTest
    @CsvSource({"2025-Q1, 2025年第一季度", "2025-Q4, 2025年第四季度"})
    void quarterLabel(String quarter, String expected) {
        assertEquals(expected, AssessmentSection.quarterLabel(quarter));
    }

    @ParameterizedTest
    @CsvSource({"A, A档", "B1, B1档", "优秀, 优秀", "ABC, ABC"})
    void tierLettersGetABand(String tier, String expected) {
        assertEquals(expected, AssessmentSection.tier(tier));
    }

    @ParameterizedTest
    @CsvSource({"0, ，较上季度持平", "2, ，较上季度上升2位", "-3, ，较上季度下降3位"})
    void rankChange(int change, String expected) {
        assertEquals(expected, AssessmentSection.change(change));
    }

    @Test
    void unknownRankChangeSaysNothing() {
        assertEquals("", AssessmentSection.change(null));
    }

    @ParameterizedTest
    @CsvSource({"87.50, 87.5", "90.00, 90", "0.00, 0", "85.25, 85.25"})
    void scoresWithoutTrailingZeros(String total, String expected) {
        assertEquals(expected, AssessmentSection.score(d(total)));
    }

    @Test
    void parkRankedWithTier() {
        Section s = AssessmentSection.park("甲园区", RUN, new Assessment.Result("甲园区", d("87.50"), 2, 1, "A", false), 5);
        assertEquals(List.of("2025年第一季度考核按《园区考核办法》第2版评分，甲园区得分87.5分，在5个参评园区中排名第2位，较上季度上升1位，评定为A档。"), s.paragraphs());
    }

    @Test
    void revisedRunSaysWhichRevision() {
        Assessment.Run revised = new Assessment.Run(RUN.id(), "2025-Q1", 3, "园区考核办法", 2);
        Section s =
                AssessmentSection.park("甲园区", revised, new Assessment.Result("甲园区", d("60"), 5, null, null, false), 5);
        assertEquals(List.of("2025年第一季度考核按《园区考核办法》第2版评分，第3次修订，甲园区得分60分，在5个参评园区中排名第5位。"), s.paragraphs());
    }

    @Test
    void disqualifiedParkIsNotRanked() {
        Section s =
                AssessmentSection.park("甲园区", RUN, new Assessment.Result("甲园区", d("70.00"), null, null, null, true), 5);
        assertEquals(List.of("2025年第一季度考核按《园区考核办法》第2版评分，甲园区得分70分，因一票否决事项不参加排名。"), s.paragraphs());
    }

    @Test
    void parkNotAssessed() {
        assertEquals(
                List.of("甲园区未参加2025年第一季度考核。"),
                AssessmentSection.park("甲园区", RUN, null, 5).paragraphs());
    }

    @Test
    void noRunYet() {
        assertEquals(
                List.of(AssessmentSection.NONE),
                AssessmentSection.park("甲园区", null, null, 0).paragraphs());
        assertEquals(
                List.of(AssessmentSection.NONE),
                AssessmentSection.city(null, List.of()).paragraphs());
    }

    @Test
    void cityTableOneRowPerPark() {
        Section s = AssessmentSection.city(
                RUN,
                List.of(
                        new Assessment.Result("甲园区", d("90.00"), 1, -1, "A", false),
                        new Assessment.Result("乙园区", d("80.5"), 2, null, null, false),
                        new Assessment.Result("丙园区", d("70"), null, 0, "B", true)));
        assertEquals(List.of("2025年第一季度考核按《园区考核办法》第2版进行，3个园区参评，结果如下。"), s.paragraphs());
        assertEquals(
                List.of(
                        List.of("1", "甲园区", "90", "A档", "下降1位"),
                        List.of("2", "乙园区", "80.5", "—", "—"),
                        List.of("—", "丙园区", "70", "一票否决", "持平")),
                s.table().rows());
    }
}
