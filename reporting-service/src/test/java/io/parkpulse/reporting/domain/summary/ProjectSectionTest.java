package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.projects.ProjectStage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectSectionTest {

    static final YearMonth APRIL = YearMonth.of(2025, 4);

    static SummaryProject project(
            ProjectStage stage, String keyLevel, String total, String yearPlan, String thisYear, LocalDate startedOn) {
        return new SummaryProject(
                "P1",
                "甲园区",
                "项目",
                stage,
                keyLevel,
                d(total),
                d("100"),
                d(yearPlan),
                d(thisYear),
                startedOn,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void noLiveProjectsSaysSo() {
        assertEquals(
                List.of("截至4月末，甲园区尚无在库项目。"),
                ProjectSection.of(
                                "甲园区", List.of(project(ProjectStage.TERMINATED, null, "1", null, null, null)), APRIL, 3)
                        .paragraphs());
    }

    // Plan 1200 of which 300 done is 25 %, 8.3 points behind four months' 33.33 %.
    @Test
    void libraryYearToDateAndColours() {
        List<SummaryProject> projects = List.of(
                project(
                        ProjectStage.UNDER_CONSTRUCTION,
                        "PROVINCIAL",
                        "20000",
                        "1200",
                        "300",
                        LocalDate.of(2025, 2, 1)),
                project(ProjectStage.SIGNED, null, "5000", null, null, null),
                project(ProjectStage.TERMINATED, null, "9000", null, null, LocalDate.of(2025, 1, 5)));
        assertEquals(
                List.of(
                        "截至4月末，甲园区在库项目2个，总投资2.5亿元，其中签约1个、在建1个；省、市重点项目1个。",
                        "1–4月，新开工项目2个；项目累计完成投资200万元，本年完成投资300万元，完成年度计划1200万元的25.00%，欠时序进度8.3个百分点。",
                        "按挂图作战规则，截至4月末绿灯项目0个、黄灯0个、红灯0个，连续3个月以上无进展报告的项目0个。"),
                ProjectSection.of("甲园区", projects, APRIL, 3).paragraphs());
    }

    static SummaryProject reported(SummaryProject p, String name, String progress, String milestones) {
        return new SummaryProject(
                p.park(),
                p.parkName(),
                name,
                p.stage(),
                p.keyLevel(),
                p.total(),
                p.completed(),
                p.yearPlan(),
                p.thisYear(),
                p.startedOn(),
                p.completedOn(),
                p.productionOn(),
                p.status(),
                progress == null ? null : d(progress),
                milestones);
    }

    // The corpus names its key projects with the milestone its office wrote ("2栋厂房主体已建成…").
    @Test
    void keyProjectsAreNamedWithTheirProgressAndMilestones() {
        SummaryProject key = reported(
                project(ProjectStage.UNDER_CONSTRUCTION, "MUNICIPAL", "52000", null, null, LocalDate.of(2025, 2, 1)),
                "年产5万吨新材料项目",
                "65.00",
                "2栋厂房主体已建成，预计11月底点火投入试运营。");
        SummaryProject other =
                reported(project(ProjectStage.SIGNED, null, "90000", null, null, null), "物流园项目", "10", "完成土地平整");
        assertEquals(
                java.util.Optional.of("重点项目进展：年产5万吨新材料项目（总投资5.2亿元，在建，形象进度65%），2栋厂房主体已建成，预计11月底点火投入试运营。"),
                ProjectSection.keyProjects(List.of(key, other)));
        // Without key projects the largest that reported are named instead, under a plainer heading.
        assertEquals(
                java.util.Optional.of("主要项目进展：物流园项目（总投资9亿元，签约，形象进度10%），完成土地平整。"),
                ProjectSection.keyProjects(List.of(other)));
        assertEquals(
                java.util.Optional.empty(),
                ProjectSection.keyProjects(List.of(project(ProjectStage.SIGNED, null, "1", null, null, null))));
    }
}
