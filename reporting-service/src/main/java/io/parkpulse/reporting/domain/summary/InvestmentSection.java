package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Texts.pct;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.reporting.domain.Report.Section;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** 三、招商引资: leads signed, landed and in talks, funds in place, and how signed leads became projects. */
final class InvestmentSection {

    static final String HEADING = "三、招商引资";

    private InvestmentSection() {}

    static Section of(String subject, Investment facts, YearMonth m) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(leads(subject, facts.leads(), m));
        paragraphs.add(funds(facts.funds(), m));
        Investment.Conversion c = facts.conversion();
        if (c.signed() > 0) {
            paragraphs.add(conversion(c, m));
        }
        return new Section(HEADING, paragraphs, List.of(), null);
    }

    static String leads(String subject, Investment.Leads l, YearMonth m) {
        StringBuilder p = new StringBuilder(Phrases.months(m) + "，" + subject);
        if (l.signed() > 0) {
            p.append("新签约项目").append(l.signed()).append("个，合同投资额").append(Phrases.wanYuan(l.signedAmount()));
            BigDecimal growth = Figures.growthPct(l.signedAmount(), l.signedAmountLastYear());
            if (growth != null) {
                p.append("，").append(Phrases.growth(growth));
            } else if (l.signedLastYear() == 0) {
                p.append("（上年同期无签约项目）");
            }
        } else {
            // "合同投资额0万元，同比下降100%" says less than this.
            p.append("暂无新签约项目").append(l.signedLastYear() > 0 ? "（上年同期签约" + l.signedLastYear() + "个）" : "");
        }
        if (l.landed() > 0) {
            p.append("；新落地项目").append(l.landed()).append("个");
        }
        if (l.inTalks() > 0) {
            p.append("；在谈、储备项目").append(l.inTalks()).append("个，意向投资").append(Phrases.wanYuan(l.inTalksAmount()));
        }
        return p.append("。").toString();
    }

    static String funds(Investment.Funds f, YearMonth m) {
        if (f.inPlace().signum() == 0) {
            return Phrases.months(m) + "暂无实际到位资金。";
        }
        BigDecimal growth = Figures.growthPct(f.inPlace(), f.inPlaceLastYear());
        return Phrases.months(m) + "实际到位资金" + Phrases.wanYuan(f.inPlace())
                + (growth == null ? "" : "，" + Phrases.growth(growth)) + "。";
    }

    static String conversion(Investment.Conversion c, YearMonth m) {
        long all = c.signed();
        return "截至" + m.getMonthValue() + "月末累计签约项目" + all + "个，已落地" + c.landed() + "个（履约率" + pct(c.landed(), all)
                + "），开工" + c.started() + "个（开工率" + pct(c.started(), all) + "），竣工" + c.completed() + "个（建成率"
                + pct(c.completed(), all)
                + "），投产" + c.producing() + "个（投产率" + pct(c.producing(), all) + "）。";
    }
}
