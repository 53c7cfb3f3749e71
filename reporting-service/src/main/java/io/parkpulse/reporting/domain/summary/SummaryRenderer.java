package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.figures.Phrases;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.Report;
import io.parkpulse.reporting.domain.Report.Section;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a summary's facts into the report's text, in the five sections bureau reports use. Pure: the
 * same facts give the same text byte for byte, so the wording can change here and be tested without a
 * database. A section with no data says so instead of inventing a sentence.
 *
 * @param cityName what the city calls itself in titles and sentences ("全市")
 * @param stalledMonths months without a progress report after which a project counts as stalled, as
 *     the schedule rules judged it
 */
public record SummaryRenderer(String cityName, int stalledMonths) {

    public Report park(ParkSummaryFacts f) {
        YearMonth m = f.period().lastMonth();
        String name = f.park().name();
        List<Section> sections = new ArrayList<>();
        sections.add(IndicatorSection.withStandings(
                IndicatorSection.of(name, f.lines(), m, f.park().developedLandMu()), f.standings()));
        sections.add(ProjectSection.of(name, f.projects(), m, stalledMonths));
        sections.add(InvestmentSection.of(name, f.investment(), m));
        sections.add(new Section(
                ProblemSection.HEADING,
                List.of(),
                ProblemSection.points(f.lines(), f.projects(), f.problems(), m, false, stalledMonths),
                null));
        sections.add(AssessmentSection.park(name, f.run(), f.result(), f.assessedParks()));
        return new Report(name + m.getYear() + "年" + Phrases.months(m) + "经济运行情况", basis(f.period()), sections);
    }

    public Report city(CitySummaryFacts f) {
        YearMonth m = f.period().lastMonth();
        List<Section> sections = new ArrayList<>();
        // Totals are over the parks that reported, and the first sentence says how many that is.
        long reported = f.activeParks().stream()
                .filter(p -> f.reported().contains(p.code()))
                .count();
        String subject = reported == f.activeParks().size()
                ? cityName + reported + "个园区"
                : cityName + f.activeParks().size() + "个园区中" + reported + "个报送了本期数据，";
        Section indicators = IndicatorSection.of(subject, f.lines(), m, null, (int) reported);
        List<String> paragraphs = new ArrayList<>(indicators.paragraphs());
        if (!f.leaders().isEmpty()) {
            paragraphs.add(IndicatorSection.leaders(f.leaders()));
        }
        sections.add(new Section(indicators.heading(), paragraphs, List.of(), null));
        sections.add(ProjectSection.of(cityName + "园区", f.projects(), m, stalledMonths));
        sections.add(InvestmentSection.of(cityName + "园区", f.investment(), m));
        List<String> problems = new ArrayList<>(ProblemSection.notReported(f.activeParks(), f.reported(), m));
        problems.addAll(ProblemSection.behindParks(f.targeted(), m));
        problems.addAll(ProblemSection.points(List.of(), f.projects(), f.problems(), m, true, stalledMonths));
        sections.add(new Section(ProblemSection.HEADING, List.of(), problems, null)
                .paragraphsIfEmpty(ProblemSection.CITY_NONE));
        sections.add(AssessmentSection.city(f.run(), f.results()));
        return new Report(
                cityName + "工业园区" + m.getYear() + "年" + Phrases.months(m) + "经济运行情况", basis(f.period()), sections);
    }

    static String basis(ReportingPeriod period) {
        YearMonth last = period.lastMonth();
        return "数据截至" + last.getYear() + "年" + last.getMonthValue() + "月，来源于各园区报送的月度数据和项目、招商台账；"
                + "累计数为年初至该月，未报送的数据不作推算。";
    }
}
