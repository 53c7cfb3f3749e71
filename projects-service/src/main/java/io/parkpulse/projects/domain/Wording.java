package io.parkpulse.projects.domain;

import io.parkpulse.common.projects.ProjectStage;
import java.time.YearMonth;
import java.util.Collection;
import java.util.stream.Collectors;

/** How refusals name months and stages in Chinese, the way a project office writes them: 2025年6月, 供地、在建. */
public final class Wording {

    private Wording() {}

    /** 2025年6月. */
    public static String month(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** A stored period YYYY-MM as {@link #month(YearMonth)}. */
    public static String month(String period) {
        return month(YearMonth.parse(period));
    }

    /** 供地、在建; 无 when there is none. */
    public static String stages(Collection<ProjectStage> stages) {
        return stages.isEmpty() ? "无" : stages.stream().map(s -> s.label).collect(Collectors.joining("、"));
    }
}
