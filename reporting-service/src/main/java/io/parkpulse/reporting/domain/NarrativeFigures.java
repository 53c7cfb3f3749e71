package io.parkpulse.reporting.domain;

import io.parkpulse.common.figures.StatedFigureCheck;
import io.parkpulse.common.figures.StatedFigureCheck.Check;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a park's narrative report states against what the platform computes (docs/reporting.md, "Narrative reports
 * against the platform's figures"): the figures investment-service and projects-service own, which the report names
 * by fixed codes, and the comparison itself, which is {@link StatedFigureCheck}'s so that indicators-service and this
 * service call the same difference a disagreement.
 */
public final class NarrativeFigures {

    /** Units a count is written in: reports say 签约项目12个 as often as 12项. */
    private static final Set<String> COUNT_UNITS = Set.of("个", "项");

    /** The figures of other services that reports state, by the codes indicators-service gives them. */
    public enum Pipeline {
        FUNDS_IN_PLACE("funds_in_place", "investment", "到位资金", "万元"),
        FUNDS_IN_PLACE_OUTSIDE_PROVINCE("funds_in_place_outside_province", "investment", "省外到位资金", "万元"),
        FUNDS_IN_PLACE_FOREIGN("funds_in_place_foreign", "investment", "外资到位资金", "万美元"),
        LEADS_SIGNED("leads_signed", "investment", "新签约项目数", "个"),
        MAJOR_LEADS_SIGNED("major_leads_signed", "investment", "新签约重大项目数", "个"),
        SIGNED_INVESTMENT("signed_investment", "investment", "签约项目总投资", "万元"),
        PROJECTS_STARTED("projects_started", "projects", "开工项目数", "个"),
        PROJECTS_COMPLETED("projects_completed", "projects", "竣工项目数", "个");

        public final String code;
        public final String owner;
        public final String nameZh;
        public final String unit;

        Pipeline(String code, String owner, String nameZh, String unit) {
            this.code = code;
            this.owner = owner;
            this.nameZh = nameZh;
            this.unit = unit;
        }

        public static Optional<Pipeline> of(String code) {
            return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
        }

        /** Whether a figure stated in {@code unit} can be compared with this one as it is. */
        public boolean sameUnit(String unit) {
            return this.unit.equals(unit) || ("个".equals(this.unit) && COUNT_UNITS.contains(unit));
        }
    }

    public static final String OWNER_INDICATORS = "indicators";

    /** The platform's figure for a statement, or null with the reason in Chinese (shown beside it). */
    public record Platform(BigDecimal value, String note) {

        public static Platform of(BigDecimal value) {
            return new Platform(value, null);
        }

        public static Platform none(String note) {
            return new Platform(null, note);
        }
    }

    /** The three comparisons of one stated figure; growth and completion null when the report states none. */
    public record Outcome(Check value, Check growth, Check completion) {

        public boolean disagrees() {
            return value.disagrees()
                    || (growth != null && growth.disagrees())
                    || (completion != null && completion.disagrees());
        }
    }

    public static Outcome check(
            BigDecimal stated,
            BigDecimal rounding,
            Platform value,
            BigDecimal statedGrowth,
            BigDecimal growthRounding,
            BigDecimal platformGrowth,
            BigDecimal statedCompletion,
            BigDecimal completionRounding,
            BigDecimal platformCompletion) {
        return new Outcome(
                StatedFigureCheck.value(stated, rounding, value.value()),
                StatedFigureCheck.percent("growth", statedGrowth, growthRounding, platformGrowth),
                StatedFigureCheck.percent("completion", statedCompletion, completionRounding, platformCompletion));
    }

    /**
     * The month a figure is stated for: its own, else its report's; null when neither is a month (a report whose
     * year is masked and was uploaded without one).
     */
    public static YearMonth month(String figurePeriod, String reportPeriod) {
        String p = figurePeriod != null ? figurePeriod : reportPeriod;
        if (p == null || !p.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return YearMonth.parse(p);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "报告单位“亿元”与系统单位“万元”不同，未比较". */
    public static String unitDiffers(String stated, String platform) {
        return "报告单位“" + stated + "”与系统单位“" + platform + "”不同，未比较";
    }

    public static final String NO_PERIOD = "报告未写明年份或月份，无法比较";

    public static final String NOT_COMPUTED = "系统不计算该数据";

    public static final String NO_VALUE = "系统中没有该园区该月的数值";

    public static final String SOURCE_UNKNOWN = "部分到位资金记录缺少资金来源（读模型重建前的记录），重建读模型后可比较";

    public static final String NO_USD = "部分境外到位资金没有美元金额，无法按万美元比较";

    private NarrativeFigures() {}
}
