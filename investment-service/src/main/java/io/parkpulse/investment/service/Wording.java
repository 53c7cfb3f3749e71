package io.parkpulse.investment.service;

import io.parkpulse.investment.domain.LeadStage;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/** Months, periods and stages as a refusal names them to bureau staff ("2026年9月", "2026年第三季度", "“签约”"). */
final class Wording {

    static String month(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** A target period: "2026-Q3" is 2026年第三季度, "2026" is 2026年度. */
    static String period(String text) {
        if (text.length() == 7 && text.charAt(5) == 'Q') {
            return text.substring(0, 4) + "年第" + "一二三四".charAt(text.charAt(6) - '1') + "季度";
        }
        return text + "年度";
    }

    static String stage(LeadStage s) {
        return "“" + s.label + "”";
    }

    /** "洽谈、签约、放弃". */
    static String stages(List<LeadStage> stages) {
        return stages.stream().map(s -> s.label).collect(Collectors.joining("、"));
    }

    private Wording() {}
}
