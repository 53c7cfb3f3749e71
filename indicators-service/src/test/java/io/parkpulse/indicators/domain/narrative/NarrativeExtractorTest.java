package io.parkpulse.indicators.domain.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.indicators.domain.narrative.NarrativeExtractor.Figure;
import io.parkpulse.indicators.domain.narrative.NarrativeExtractor.Result;
import io.parkpulse.indicators.domain.narrative.NarrativeExtractor.Scope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One rule at a time, on sentences written for the rule (the corpus evaluation is NarrativeEvaluationTest). */
class NarrativeExtractorTest {

    private final NarrativeExtractor extractor = new NarrativeExtractor();

    private Result run(String text) {
        return extractor.extract(text, NarrativeEvaluationTest.catalog(), null, null);
    }

    private static Figure only(Result r) {
        assertEquals(1, r.figures().size(), r.figures().toString());
        return r.figures().get(0);
    }

    @Test
    void periodsAsReportsWriteThem() {
        assertEquals("2024-09", run("2024年三季度园区工作情况汇报\n完成税收100万元。").period());
        assertEquals("2025-08", run("2025年1至8月,园区完成税收100万元。").period());
        assertEquals("2025-06", run("园区2025年上半年工作总结\n完成税收100万元。").period());
        assertEquals("2023-11", run("园区2023年度工作总结\n1-11月,园区实缴税收1.52亿元。").period());
        Result masked = run("截止**年二季度,园区完成税收100万元。");
        assertEquals(6, masked.detected().month());
        assertNull(masked.detected().year(), "a masked year is not guessed");
        assertNull(masked.period());
        assertEquals("截止**年二季度", masked.detected().evidence());
    }

    @Test
    void theCallersPeriodOverridesTheDetectedOne() {
        Result r = extractor.extract(
                "截止**年二季度,园区完成税收100万元。", NarrativeEvaluationTest.catalog(), YearMonth.of(2026, 6), null);
        assertEquals("2026-06", r.period());
        assertEquals("2026-06", only(r).period());
    }

    @Test
    void aFiguresOwnMonthBeatsTheDocumentsAndCarriesToTheNextSentence() {
        Result r = run("2025年上半年工作总结\n1-5月,园区完成税收500万元。实缴税收同比增长3%。\n完成工业投资2亿元。");
        assertEquals("2025-05", r.figures().get(0).period());
        assertEquals("2025-06", r.figures().get(1).period(), "a new paragraph starts from the document's period");
    }

    @Test
    void unitsConvertExactlyToTheCatalogsUnit() {
        Result r = run("2025年1-6月,园区完成工业总产值390.7亿元,外贸出口1.25亿美元,工业用电量3.5亿千瓦时,实缴税收15200000元。");
        List<Figure> f = r.proposed();
        assertEquals(4, f.size(), f.toString());
        assertEquals(new BigDecimal("3907000"), f.get(0).value());
        assertEquals("万元", f.get(0).unit());
        assertEquals(new BigDecimal("12500"), f.get(1).value());
        assertEquals("万美元", f.get(1).unit());
        assertEquals(new BigDecimal("35000"), f.get(2).value());
        assertEquals("万千瓦时", f.get(2).unit());
        assertEquals(0, new BigDecimal("1520").compareTo(f.get(3).value()));
    }

    @Test
    void chineseNumeralsAndFullWidthDigitsAreRead() {
        Result r = run("2025年1-6月,园区规上企业三十五家,高新技术企业一百零二家,实缴税收１２３．４万元。");
        List<Figure> f = r.proposed();
        assertEquals(3, f.size(), f.toString());
        assertEquals(new BigDecimal("35"), f.get(0).value());
        assertEquals(new BigDecimal("102"), f.get(1).value());
        assertEquals(new BigDecimal("123.4"), f.get(2).value());
        assertEquals("１２３．４万元", f.get(2).stated(), "the span shows the text as written");
    }

    @Test
    void statedGrowthAndCompletionGoWithTheirFigure() {
        Figure f = only(run("2025年1-6月,园区完成产值390.7亿元,完成全年任务的45.67%,累计增速4.2%,距计划增速12%,相差7.8个百分点。"));
        assertEquals(new BigDecimal("4.2"), f.growthPct(), "not the planned growth");
        assertEquals(new BigDecimal("45.67"), f.completionPct());
        Figure down = only(run("2025年1-6月,园区实缴税收3200万元,同比下降5.5%。"));
        assertEquals(new BigDecimal("-5.5"), down.growthPct());
    }

    @Test
    void aNumberThatNamesNothingDoesNotTakeTheRatesOfTheFigureBeforeIt() {
        Figure f = only(run("2025年1-6月,完成新签约重大项目4个(恒基机电5亿元)完成全年目标任务的66.7%。"));
        assertEquals(new BigDecimal("66.7"), f.completionPct());
        Result two = run("2025年1-6月,园区完成税收3200万元,同比增长18.2%,工业投资2亿元,同比增长5%。");
        assertEquals(
                List.of(new BigDecimal("18.2"), new BigDecimal("5")),
                two.proposed().stream().map(Figure::growthPct).toList(),
                "a named figure still ends the one before");
    }

    @Test
    void aCompletionStatedByNameGoesToTheFigureOfThatName() {
        Result r = run("2025年1-6月,完成履约项目3个;\n开工项目3个。完成全年履约项目目标任务的100%;\n完成全年开工项目目标任务的133%。");
        Figure started = only(r);
        assertEquals("projects_started", started.indicator());
        assertEquals(new BigDecimal("133"), started.completionPct());
        // The completion the text gave with the figure stays; a forecast's completion is not the figure's.
        Figure stated = only(run("2025年1-6月,完成税收3200万元,完成全年任务的40%。完成全年税收目标任务的45%。"));
        assertEquals(new BigDecimal("40"), stated.completionPct());
        Figure forecast = only(run("2025年1-6月,开工项目3个。预计完成全年开工项目目标任务的150%。"));
        assertNull(forecast.completionPct());
    }

    @Test
    void forecastsPlansSubGroupsComparisonsAndTheCityAreKeptApart() {
        Result r = run("2025年1-6月,园区完成税收3200万元,预计全年完成税收7000万元。税收1.9亿元。\n"
                + "区属61家规上企业,累计完成产值73.22亿元。\n"
                + "力争全年新增规上企业6家,工业税收达到1亿元。\n"
                + "全市完成工业总产值1000亿元。\n"
                + "实缴税收比上年增加500万元。\n"
                + "1-6月,纺织鞋服13户实现产值43.55亿元。");
        assertEquals(
                List.of(
                        Scope.PARK,
                        Scope.ESTIMATE,
                        Scope.ESTIMATE,
                        Scope.SUBGROUP,
                        Scope.SUBGROUP,
                        Scope.PLAN,
                        Scope.PLAN,
                        Scope.CITY,
                        Scope.COMPARISON,
                        Scope.SUBGROUP),
                r.figures().stream().map(Figure::scope).toList(),
                r.figures().toString());
        assertEquals(1, r.proposed().size());
    }

    @Test
    void figuresNoServiceHoldsAreListedNotProposed() {
        Figure f = only(run("2025年1-6月,完成市外固定资产投资138595万元。"));
        assertEquals(Scope.NOT_IN_CATALOG, f.scope());
        assertEquals("funds_in_place_outside_city_fai", f.indicator());
        assertNull(f.owner());
        assertTrue(run("2025年1-6月,完成市外固定资产投资138595万元。").proposed().isEmpty());
    }

    @Test
    void pipelineFiguresAreProposedWithTheirOwnerAndUnit() {
        Result r = run("2025年1-6月,园区完成市外到位资金301595万元,省外资金到位1.63亿元,外资到位1200万美元。"
                + "完成新签约重大项目4个,开工项目3个,竣工项目2个。完成招商引资额38.2亿元,同比增长91%。");
        assertEquals(
                List.of(
                        "funds_in_place",
                        "funds_in_place_outside_province",
                        "funds_in_place_foreign",
                        "major_leads_signed",
                        "projects_started",
                        "projects_completed",
                        "signed_investment"),
                r.proposed().stream().map(Figure::indicator).toList(),
                r.figures().toString());
        r.proposed().forEach(f -> {
            assertEquals(Scope.PIPELINE, f.scope());
            assertEquals("2025-06", f.period());
            assertTrue(!f.storable(), "a pipeline figure is only checked");
        });
        assertEquals(
                List.of("investment", "investment", "investment", "investment", "projects", "projects", "investment"),
                r.proposed().stream().map(Figure::owner).toList());
        assertEquals(new BigDecimal("16300"), r.proposed().get(1).value());
        assertEquals("万元", r.proposed().get(1).unit());
        assertEquals("万美元", r.proposed().get(2).unit());
        assertEquals("个", r.proposed().get(3).unit());
        assertEquals(new BigDecimal("91"), r.proposed().get(6).growthPct());
        assertEquals("indicators", only(run("2025年1-6月,园区完成税收100万元。")).owner());
    }

    @Test
    void projectCountsAreReadCountFirstAndInChineseNumerals() {
        Result r = run(
                "2025年1-6月,华中汽车物流等21个项目加快推进,西安高通流体等7个项目竣工投产。\n" + "2025年1-6月,掌护医疗、兴邦新能源等五个项目实现新竣工投产;高馨中药材等3个项目新开工。");
        assertEquals(
                List.of("projects_completed", "projects_completed", "projects_started"),
                r.proposed().stream().map(Figure::indicator).toList(),
                r.figures().toString());
        assertEquals(
                List.of(new BigDecimal("7"), new BigDecimal("5"), new BigDecimal("3")),
                r.proposed().stream().map(Figure::value).toList());
        Figure seven = r.proposed().get(0);
        assertEquals(
                "7个项目竣工投产",
                r.proposed()
                        .get(0)
                        .sentence()
                        .substring(seven.start() - seven.sentenceStart(), seven.end() - seven.sentenceStart()));
        assertTrue(r.proposed().get(1).why().contains("count before the name"));
        // A count before a phrase that does not say what was counted stays unread away from the clause head.
        assertEquals(List.of(), run("2025年1-6月,走访企业等7个项目服务队。").figures());
    }

    @Test
    void aTotalInvestmentIsTheSignedProjectsOnlyRightAfterTheirCount() {
        Result r = run("2025年1-10月,新引进项目13个,总投资15.13亿元,同比增长62.5%。");
        assertEquals(
                List.of("leads_signed", "signed_investment"),
                r.proposed().stream().map(Figure::indicator).toList());
        assertEquals(new BigDecimal("13"), r.proposed().get(0).value());
        assertEquals(new BigDecimal("151300"), r.proposed().get(1).value());
        assertEquals(new BigDecimal("62.5"), r.proposed().get(1).growthPct());
        // Any other 总投资 is a project's, not the signed projects' total.
        assertEquals(
                List.of(),
                run("2025年1-6月,引进了总投资3.7亿元的铝合金模板项目。启动实施总投资35亿元的基础设施项目17个。").figures());
        assertEquals(
                List.of(),
                run("2025年1-6月,新引进项目13个,其中工业项目总投资15亿元。").figures().stream()
                        .filter(f -> f.indicator().equals("signed_investment"))
                        .toList());
    }

    @Test
    void pipelineFiguresAreExcludedLikeCatalogOnes() {
        Result r = run("2025年1-6月,预计全年到位资金30亿元。\n"
                + "力争全年新签约项目20个。\n"
                + "全市完成到位资金500亿元。\n"
                + "到位资金比上年增加5亿元。\n"
                + "力促天非尼迪二期等3个项目开工。\n"
                + "区属61家规上企业,开工项目3个。");
        assertEquals(
                List.of(
                        Scope.ESTIMATE,
                        Scope.PLAN,
                        Scope.CITY,
                        Scope.COMPARISON,
                        Scope.PLAN,
                        Scope.SUBGROUP,
                        Scope.SUBGROUP),
                r.figures().stream().map(Figure::scope).toList(),
                r.figures().toString());
        assertEquals("investment", r.figures().get(0).owner(), "apart rows name their owner too");
        assertEquals(List.of(), r.proposed());
        assertEquals(
                List.of(),
                run("2025年1-6月,完成到位资金约5亿元,开工项目近10个。完成到位资金**万元,竣工项目x个。").figures());
    }

    @Test
    void numbersNamedAsApproximationsAreNoFigures() {
        assertEquals(List.of(), run("2025年1-6月,园区完成税收约3200万元,工业总产值近100亿元。").figures());
    }

    @Test
    void numbersWithoutAFigureOfTheParkAreNotTaken() {
        assertEquals(
                List.of(),
                run("安排5名干部进驻5户规上工业企业。计划投资5亿元以上项目6个。距任务双过半相差4.3个百分点。投资618.19万元,新建道路。")
                        .figures());
    }

    @Test
    void theSpanPointsAtTheFigureInItsSentence() {
        String text = "园区工作总结\n2025年1-6月,园区完成固定资产投资7.49亿元,完成全年任务的65%。";
        Figure f = only(run(text));
        assertEquals("固定资产投资7.49亿元", text.substring(f.start(), f.end()));
        assertEquals("2025年1-6月,园区完成固定资产投资7.49亿元,完成全年任务的65%。", f.sentence());
        assertEquals(new BigDecimal("65"), f.completionPct());
    }

    private static List<Scope> scopes(Result r) {
        return r.figures().stream().map(Figure::scope).toList();
    }

    private static List<String> codes(Result r) {
        return r.proposed().stream().map(Figure::indicator).toList();
    }

    @Test
    void additionsOfThePeriodAreNotTheStock() {
        Result r = run("2025年1-6月,园区现有高新技术企业80家,新认定国家级高新技术企业12家、专精特新企业5家;" + "新申报高新技术企业9家,培育专精特新企业3家。");
        assertEquals(
                List.of(Scope.PARK, Scope.COMPARISON, Scope.COMPARISON, Scope.COMPARISON, Scope.COMPARISON),
                scopes(r),
                r.figures().toString());
        assertEquals(
                new BigDecimal("80"), only(new Result(null, null, r.proposed())).value());
        assertTrue(r.figures().get(1).why().contains("新认定"), r.figures().get(1).why());
    }

    @Test
    void thresholdsAreNoFigures() {
        assertEquals(
                List.of(), run("2025年1-6月,园区税收突破3亿元,高新技术企业超过60家,工业总产值超50亿元。").figures());
        // "产值超10亿元的企业" counts enterprises above a threshold: neither the 10亿元 nor the count is the park's.
        assertEquals(List.of(), run("2025年1-6月,园区产值超10亿元的企业仅有3家。").figures());
    }

    @Test
    void totalsSinceTheParkWasFoundedAreNotThePeriods() {
        Result r =
                run("2025年1-6月工作汇报\n建区以来,园区累计引进项目420个。园区累计引进项目420个,累计招引项目300个。\n" + "1-6月,园区累计引进项目18个。今年以来,累计引进项目18个。");
        assertEquals(
                List.of(
                        Scope.SINCE_FOUNDING,
                        Scope.SINCE_FOUNDING,
                        Scope.SINCE_FOUNDING,
                        Scope.PIPELINE,
                        Scope.PIPELINE),
                scopes(r),
                r.figures().toString());
        assertEquals(
                List.of(new BigDecimal("18"), new BigDecimal("18")),
                r.proposed().stream().map(Figure::value).toList());
    }

    @Test
    void aQiZhongClauseAboutAKindOfEnterpriseIsAPartOfTheParksFigure() {
        Result r =
                run("2025年1-6月,园区实缴税收4.5亿元,其中民营企业实缴税收2.1亿元。" + "园区工业总产值300亿元,其中,装备制造产业实现产值120亿元。" + "区属企业入库税收1.3亿元。");
        assertEquals(
                List.of(Scope.PARK, Scope.SUBGROUP, Scope.PARK, Scope.SUBGROUP, Scope.SUBGROUP),
                scopes(r),
                r.figures().toString());
        // A 其中 clause that counts one of the park's own indicators is the park's count, and a later 其中 clause
        // starts afresh; a group that is only one of a list of topics is none.
        Result counts =
                run("2025年1-6月,园区现有企业260家,其中规上企业45家,其中高新技术企业28家。" + "其中高新技术企业实现产值80亿元。" + "围绕主导产业、重点企业,新签约项目12个。");
        assertEquals(
                List.of("above_scale_enterprises", "high_tech_enterprises", "leads_signed"),
                codes(counts),
                counts.figures().toString());
        assertEquals(Scope.SUBGROUP, counts.figures().get(2).scope());
    }

    @Test
    void aQiZhongFigureOfTheSameIndicatorIsAPartOfTheOneBefore() {
        Result r = run("2025年1-6月,园区完成税收收入6.2亿元,其中地方级税收2.7亿元。\n" + "园区完成固定资产投资32亿元,其中工业投资21亿元。");
        assertEquals(
                List.of(Scope.PARK, Scope.SUBGROUP, Scope.PARK, Scope.PARK),
                scopes(r),
                r.figures().toString());
        assertEquals(List.of("tax_revenue", "fixed_asset_investment", "industrial_investment"), codes(r));
    }

    @Test
    void theCitysFigureIsApartButTheParksShareOfItOrTheParkAfterItIsNot() {
        Result r = run("2025年1-6月,全市完成工业总产值900亿元,园区完成工业总产值268亿元,占全市的29.8%,园区实缴税收6.2亿元。\n"
                + "园区工业总产值占全市比重达到30%,完成固定资产投资41亿元。\n"
                + "同期全市实际利用外资1.8亿美元,增速高于全市2个百分点。");
        assertEquals(
                List.of(Scope.CITY, Scope.PARK, Scope.PARK, Scope.PARK, Scope.CITY),
                scopes(r),
                r.figures().toString());
    }

    @Test
    void anEarlierPeriodsFigureIsAComparisonBase() {
        Result r = run("2025年1-6月,园区实缴税收6亿元。去年同期园区税收5.5亿元。2024年园区完成工业总产值310亿元。" + "实缴税收较上年同期增长9%。");
        assertEquals(
                List.of(Scope.PARK, Scope.COMPARISON, Scope.COMPARISON),
                scopes(r),
                r.figures().toString());
    }

    @Test
    void figuresUnderAPlanHeadingArePlansUntilTheNextHeadingAsOuter() {
        Result r = run("2025年上半年工作总结\n一、主要指标完成情况\n园区完成实缴税收3亿元。\n"
                + "三、下半年工作打算\n全年完成工业总产值400亿元,实缴税收6亿元。\n"
                + "(一)抓招商。新签约项目30个。\n"
                + "四、保障措施\n园区完成工业投资20亿元。");
        assertEquals(
                List.of(Scope.PARK, Scope.PLAN, Scope.PLAN, Scope.PLAN, Scope.PARK),
                scopes(r),
                r.figures().toString());
        assertTrue(
                r.figures().get(1).why().contains("三、下半年工作打算"),
                r.figures().get(1).why());
        // A heading without a number, and a heading about the coming period, open a plan section too.
        Result bare = run("2025年上半年工作总结\n园区完成实缴税收3亿元。\n下步打算\n园区规上企业达到60家。");
        assertEquals(
                List.of(Scope.PARK, Scope.PLAN), scopes(bare), bare.figures().toString());
        Result coming = run("2025年上半年工作总结\n(二)下半年重点工作。园区规上企业达到60家。");
        assertEquals(List.of(Scope.PLAN), scopes(coming), coming.figures().toString());
        // A heading that merely mentions the coming period, or reports what was done, is not one.
        Result done = run(
                "2025年工作总结\n(二)聚焦下半年冲刺,项目建设提速。全年新开工项目21个。\n" + "一、目标任务完成情况\n园区实缴税收3亿元。\n(三)深入实施“百企升规”计划。园区规上企业达到96家。");
        assertEquals(
                List.of(Scope.PIPELINE, Scope.PARK, Scope.PARK),
                scopes(done),
                done.figures().toString());
    }

    @Test
    void aPlansLeadInAndAListBrokenIntoLinesCarryOn() {
        Result r = run("2025年上半年工作总结\n明年主要目标:\n工业总产值400亿元;\n实缴税收6亿元。\n园区完成工业投资20亿元。");
        assertEquals(
                List.of(Scope.PLAN, Scope.PLAN, Scope.PARK),
                scopes(r),
                r.figures().toString());
        Result forecast = run("2025年上半年工作总结\n预计全年完成工业总产值400亿元,同比增长10%;\n实缴税收6亿元;\n工业投资20亿元。");
        assertEquals(
                List.of(Scope.ESTIMATE, Scope.ESTIMATE, Scope.ESTIMATE),
                scopes(forecast),
                forecast.figures().toString());
        Result plan = run("2025年上半年工作总结\n力争全年新签约项目30个;开工项目20个。");
        assertEquals(
                List.of(Scope.PLAN, Scope.PLAN), scopes(plan), plan.figures().toString());
    }

    @Test
    void aForecastOfAPeriodStaysAForecast() {
        Result r = run("2025年上半年工作总结\n预计1-9月完成工业总产值300亿元。预计三季度园区税收2亿元。" + "预计全年完成税收7亿元,1-6月完成税收3.2亿元。");
        assertEquals(
                List.of(Scope.ESTIMATE, Scope.ESTIMATE, Scope.ESTIMATE, Scope.PARK),
                scopes(r),
                r.figures().toString());
        Result capacity = run("2025年1-6月,瑞达新材料项目总投资5亿元,达产后可实现年产值8亿元、税收5000万元。");
        assertEquals(List.of(), capacity.proposed(), capacity.figures().toString());
    }

    @Test
    void pipelinePhrasingsOfFundsStartsAndSignedTotals() {
        Result r = run("2025年1-6月,园区完成市外资金到位45亿元,其中省外资金23亿元。园区开工建设项目17个,新投产项目8个。" + "园区新签约项目31个,签约总投资206亿元,同比增长18%。");
        assertEquals(
                List.of(
                        "funds_in_place",
                        "funds_in_place_outside_province",
                        "projects_started",
                        "projects_completed",
                        "leads_signed",
                        "signed_investment"),
                codes(r),
                r.figures().toString());
        assertNull(r.proposed().get(4).growthPct(), "the growth after the total is the total's");
        assertEquals(new BigDecimal("18"), r.proposed().get(5).growthPct());
    }

    @Test
    void majorProjectsWithASizeClassOrAfterTheSignedCount() {
        Result r = run(
                "2025年1-6月,其中新签约10亿元以上重大项目7个。新签约项目26个,其中重大项目8个。" + "新签约亿元以上项目16个。新开工项目18个,其中亿元以上项目9个。新签约5亿元以上项目6个。");
        assertEquals(
                List.of(
                        "major_leads_signed",
                        "leads_signed",
                        "major_leads_signed",
                        "major_leads_signed",
                        "projects_started"),
                codes(r),
                r.figures().toString());
        assertEquals(
                List.of(
                        new BigDecimal("7"),
                        new BigDecimal("26"),
                        new BigDecimal("8"),
                        new BigDecimal("16"),
                        new BigDecimal("18")),
                r.proposed().stream().map(Figure::value).toList());
    }

    @Test
    void theOutputOfTheAboveScaleEnterprisesIsTheirs() {
        Result r = run("2025年1-6月,园区56家规模以上工业企业实现产值120亿元。园区规上工业企业87户,实现产值256亿元,同比增长9%。" + "园区规上企业34户,实现工业总产值124亿元。");
        assertEquals(
                List.of(
                        "above_scale_enterprises",
                        "above_scale_industrial_output",
                        "above_scale_enterprises",
                        "above_scale_industrial_output",
                        "above_scale_enterprises",
                        "industrial_output"),
                codes(r),
                r.figures().toString());
    }

    @Test
    void aRateGoesToTheAmountRightBeforeItEvenWhenThatNamesNothing() {
        Figure count = only(run("2025年1-6月,新签约项目12个,意向投资30亿元,同比增长25%。"));
        assertEquals("leads_signed", count.indicator());
        assertNull(count.growthPct(), "25% is the unnamed amount's");
        Figure aside = only(run("2025年1-6月,新签约项目12个(其中瑞达新材料5亿元),同比增长25%。"));
        assertEquals(new BigDecimal("25"), aside.growthPct(), "an amount in brackets is an aside");
        Figure points = only(run("2025年1-6月,园区完成税收3亿元,距目标相差1.5个百分点,同比增长8%。"));
        assertEquals(new BigDecimal("8"), points.growthPct(), "a difference in 百分点 is no amount");
    }

    @Test
    void namesListedBeforeFenBieGoToTheNumbersInOrder() {
        Result r = run("2025年1-6月,园区工业投资、技改投资分别完成12亿元、8亿元,分别增长10%、8%。");
        assertEquals(
                List.of("industrial_investment", "tech_upgrade_investment"),
                codes(r),
                r.figures().toString());
        assertEquals(
                List.of(new BigDecimal("120000"), new BigDecimal("80000")),
                r.proposed().stream().map(Figure::value).toList());
        assertNull(r.proposed().get(1).growthPct(), "each figure's own rate is not read from a 分别 list");
        assertEquals(List.of(), run("2025年1-6月,园区技改投资和工业投资分别为8亿元、5亿元和3亿元。").figures(), "not as many");
    }

    @Test
    void ratiosPerMuAreNotTheParksTotals() {
        Result r = run("2025年1-6月,园区亩均税收达到28万元,亩均产值达到420万元/亩,实缴税收3亿元。");
        assertEquals(List.of("tax_revenue"), codes(r), r.figures().toString());
        assertEquals(Scope.NOT_IN_CATALOG, r.figures().get(0).scope());
    }

    @Test
    void ratesWrittenShortAndCompletionOfTheAnnualTarget() {
        Figure f = only(run("2025年1-9月,园区完成工业总产值268亿元,同比增8.5%,完成年度目标的71.2%。"));
        assertEquals(
                new BigDecimal("52"),
                only(run("2025年1-9月,园区实缴税收3亿元,完成年计划的52%。")).completionPct());
        assertEquals(new BigDecimal("8.5"), f.growthPct());
        assertEquals(new BigDecimal("71.2"), f.completionPct());
        assertEquals(
                new BigDecimal("-3.2"),
                only(run("2025年1-9月,园区实现利润18亿元,同比降3.2%。")).growthPct());
    }

    /** Pieces of report text, numbers, units, markers and junk, shuffled into texts no report would hold. */
    private static final String[] PIECES = {
        "园区",
        "完成",
        "工业总产值",
        "税收",
        "规上企业",
        "124",
        "8.97",
        "３５",
        "三十五",
        "亿元",
        "万元",
        "家",
        "户",
        "个",
        "亿千瓦时",
        "万美元",
        "同比增长",
        "4.2%",
        "下降",
        "预计",
        "力争",
        "区属",
        "61家",
        "全市",
        "比上年增加",
        "截止",
        "10月底",
        "1-11月",
        "二季度",
        "上半年",
        "**",
        "XX",
        "x",
        ",",
        "、",
        ";",
        "。",
        "\n",
        "(",
        "其中:",
        "以上",
        "个百分点",
        "0",
        "999999999999999999999999999",
        "\u0000",
        "𠀀",
        " ",
        "完成全年任务的",
        "%"
    };

    @Test
    void anyTextIsReadWithoutFailingAndEverySpanLiesInItsSentence() {
        Random random = new Random(19);
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(200);
            for (int i = 0; i < len; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            Result r = extractor.extract(text, NarrativeEvaluationTest.catalog(), null, 2025);
            for (Figure f : r.figures()) {
                assertTrue(0 <= f.sentenceStart() && f.sentenceStart() <= f.start(), text);
                assertTrue(f.start() < f.end() && f.end() <= f.sentenceEnd() && f.sentenceEnd() <= text.length(), text);
                assertEquals(f.sentence(), text.substring(f.sentenceStart(), f.sentenceEnd()));
            }
        }
    }

    /**
     * A rate keeps the precision it was written with after the draft's JSON: "增长4.0%" allows 0.05 either side, not
     * the 0.5 that "4", as the service's JSON writes it, would allow.
     */
    @Test
    void aRateKeepsItsWrittenPrecisionThroughTheDraftsJson() throws Exception {
        Figure f = only(extractor.extract(
                "园区完成工业总产值100亿元,同比增长4.0%,完成全年任务的45.10%。", NarrativeEvaluationTest.catalog(), null, 2025));
        assertEquals(0, new BigDecimal("0.05").compareTo(f.growthRounding()));
        assertEquals(0, new BigDecimal("0.005").compareTo(f.completionRounding()));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        new io.parkpulse.common.config.JsonConfig().customize(json);
        Figure back = json.readValue(json.writeValueAsString(f), Figure.class);
        assertEquals(0, new BigDecimal("0.05").compareTo(back.growthRounding()));
        assertTrue(
                io.parkpulse.common.figures.StatedFigureCheck.percent(
                                "growth", back.growthPct(), back.growthRounding(), new BigDecimal("4.40"))
                        .disagrees(),
                "4.0 against 4.40 disagrees after the round trip too");
    }

    /**
     * A number longer than any report writes is not a figure, nor a rate: the draft is stored as JSON and read back
     * whenever it is shown, so a thousand-digit value or growth would make the report unreadable ever after.
     */
    @Test
    void overlongNumbersGiveNoFigureAndNoRate() {
        String nines = "9".repeat(1001);
        Result value = extractor.extract(
                "园区完成工业总产值" + nines + "亿元。园区完成工业总产值二二二二二二二二二二二二二家。", NarrativeEvaluationTest.catalog(), null, 2025);
        assertTrue(value.figures().isEmpty(), value.figures().toString());
        Result rate = extractor.extract(
                "园区完成工业总产值100亿元,同比增长" + nines + "%,完成全年任务的" + nines + "%。",
                NarrativeEvaluationTest.catalog(),
                null,
                2025);
        Figure f = only(rate);
        assertEquals(new BigDecimal("1000000"), f.value());
        assertNull(f.growthPct());
        assertNull(f.completionPct());
        // The longest a report writes is still read.
        Figure long12 = only(extractor.extract(
                "园区完成工业总产值123456789012.123456万元,同比增长12345.1234%。", NarrativeEvaluationTest.catalog(), null, 2025));
        assertEquals(new BigDecimal("123456789012.123456"), long12.value());
        assertEquals(new BigDecimal("12345.1234"), long12.growthPct());
    }

    /**
     * The largest text an upload may hold, as one endless sentence of figures and clauses: about a second of CPU.
     * Work that grew with the square of a sentence (a copy of the rest of it per clause) took minutes here; the
     * minute allowed is for a machine shared by several builds.
     */
    @Test
    void aHugeTextWithoutFullStopsIsReadInBoundedTime() {
        String huge = "园区完成工业总产值1亿元,".repeat(30_000) + "1,".repeat(50_000);
        assertTrue(huge.length() > 400_000);
        Result r = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> extractor.extract(huge, NarrativeEvaluationTest.catalog(), null, 2025));
        assertEquals(30_000, r.proposed().size());
    }

    /** The same bound for the pipeline's rules: counts named after them and totals that follow a count. */
    @Test
    void aHugeTextOfProjectCountsIsReadInBoundedTime() {
        String huge = "甲等7个项目竣工投产,新引进项目13个,总投资15.13亿元,".repeat(13_000);
        assertTrue(huge.length() > 400_000);
        Result r = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> extractor.extract(huge, NarrativeEvaluationTest.catalog(), null, 2025));
        assertEquals(39_000, r.proposed().size());
    }
}
