package io.parkpulse.reporting.domain.summary;

import io.parkpulse.reporting.domain.Report.Section;
import io.parkpulse.reporting.domain.Report.Table;
import java.math.BigDecimal;
import java.util.List;

/** 五、考核排名: the latest published quarter's result, a park's own line or the city's table. */
final class AssessmentSection {

    static final String HEADING = "五、考核排名";

    static final String NONE = "截至本期尚无已发布的季度考核结果。";

    private AssessmentSection() {}

    static Section park(String name, Assessment.Run run, Assessment.Result r, long assessed) {
        if (run == null) {
            return new Section(HEADING, List.of(NONE), List.of(), null);
        }
        String quarter = quarterLabel(run.quarter());
        if (r == null) {
            return new Section(HEADING, List.of(name + "未参加" + quarter + "考核。"), List.of(), null);
        }
        StringBuilder s = new StringBuilder(quarter + "考核按《" + run.schemeName() + "》第" + run.schemeVersion() + "版评分"
                + revision(run) + "，" + name + "得分" + score(r.total()) + "分");
        if (r.disqualified()) {
            s.append("，因一票否决事项不参加排名");
        } else {
            s.append("，在")
                    .append(assessed)
                    .append("个参评园区中排名第")
                    .append(r.rank())
                    .append("位")
                    .append(change(r.rankChange()));
            if (r.tier() != null) {
                s.append("，评定为").append(tier(r.tier()));
            }
        }
        return new Section(HEADING, List.of(s.append("。").toString()), List.of(), null);
    }

    static Section city(Assessment.Run run, List<Assessment.Result> results) {
        if (run == null) {
            return new Section(HEADING, List.of(NONE), List.of(), null);
        }
        List<List<String>> table = results.stream()
                .map(r -> List.of(
                        r.rank() == null ? "—" : r.rank().toString(),
                        r.parkName(),
                        score(r.total()),
                        r.disqualified() ? "一票否决" : r.tier() == null ? "—" : tier(r.tier()),
                        r.rankChange() == null ? "—" : change(r.rankChange()).replaceFirst("^，较上季度", "")))
                .toList();
        String text = quarterLabel(run.quarter()) + "考核按《" + run.schemeName() + "》第" + run.schemeVersion() + "版进行"
                + revision(run) + "，" + results.size() + "个园区参评，结果如下。";
        return new Section(
                HEADING, List.of(text), List.of(), new Table(List.of("排名", "园区", "得分（分）", "档次", "较上季度"), table));
    }

    static String revision(Assessment.Run run) {
        return run.revision() > 1 ? "，第" + run.revision() + "次修订" : "";
    }

    /** Scores print without trailing zeros: 87.50 is "87.5", 90.00 is "90". */
    static String score(BigDecimal total) {
        return total.stripTrailingZeros().toPlainString();
    }

    /** "A档" for a letter band, the label itself for a named one ("优秀"). */
    static String tier(String tier) {
        return tier.matches("[A-Za-z0-9]{1,2}") ? tier + "档" : tier;
    }

    /** "2026-Q3" → "2026年第三季度". */
    static String quarterLabel(String quarter) {
        return quarter.substring(0, 4) + "年第" + "一二三四".charAt(quarter.charAt(6) - '1') + "季度";
    }

    /** Positive = moved up; empty when unknown (the park's first quarter). */
    static String change(Integer c) {
        if (c == null) {
            return "";
        }
        return c == 0 ? "，较上季度持平" : c > 0 ? "，较上季度上升" + c + "位" : "，较上季度下降" + (-c) + "位";
    }
}
