package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvestmentSectionTest {

    static final YearMonth APRIL = YearMonth.of(2025, 4);

    static Investment.Leads leads(long signed, String amount, long signedLastYear, String amountLastYear) {
        return new Investment.Leads(signed, d(amount), 1, 4, d("25000"), signedLastYear, d(amountLastYear));
    }

    // 30000 ÷ 24000 = 1.25: 25 % up; 25000 万元 in talks print as 2.5亿元.
    @Test
    void leadsWithGrowth() {
        assertEquals(
                "1–4月，甲园区新签约项目3个，合同投资额3亿元，同比增长25.00%；新落地项目1个；在谈、储备项目4个，意向投资2.5亿元。",
                InvestmentSection.leads("甲园区", leads(3, "30000", 2, "24000"), APRIL));
    }

    @Test
    void leadsFallingOnLastYear() {
        assertEquals(
                "1–4月，甲园区新签约项目1个，合同投资额6000万元，同比下降75.00%；新落地项目1个；在谈、储备项目4个，意向投资2.5亿元。",
                InvestmentSection.leads("甲园区", leads(1, "6000", 2, "24000"), APRIL));
    }

    @Test
    void noLeadsLastYearIsSaid() {
        assertEquals(
                "1–4月，甲园区暂无新签约项目；新落地项目1个；在谈、储备项目4个，意向投资2.5亿元。",
                InvestmentSection.leads("甲园区", leads(0, "0", 0, "0"), APRIL));
    }

    // Nothing signed this year: no "合同投资额0万元，同比下降100%", but last year's count for comparison.
    @Test
    void noSigningThisYearNamesLastYearsCount() {
        assertEquals(
                "1–4月，甲园区暂无新签约项目（上年同期签约3个）；新落地项目1个；在谈、储备项目4个，意向投资2.5亿元。",
                InvestmentSection.leads("甲园区", leads(0, "0", 3, "800"), APRIL));
    }

    // Leads signed last year without an amount: no growth, and not "none last year" either.
    @Test
    void leadsLastYearWithoutAmountGiveNoGrowth() {
        assertEquals(
                "1–4月，甲园区新签约项目2个，合同投资额500万元；新落地项目1个；在谈、储备项目4个，意向投资2.5亿元。",
                InvestmentSection.leads("甲园区", leads(2, "500", 1, "0"), APRIL));
    }

    @Test
    void fundsWithGrowth() {
        assertEquals(
                "1–4月实际到位资金1.2亿元，同比增长20.00%。",
                InvestmentSection.funds(new Investment.Funds(d("12000"), d("10000")), APRIL));
    }

    @Test
    void fundsWithoutLastYear() {
        assertEquals("1–4月暂无实际到位资金。", InvestmentSection.funds(new Investment.Funds(d("0"), d("0")), APRIL));
    }

    // 1 of 3 is 33.33 %, 2 of 3 is 66.67 % (half up).
    @Test
    void conversionRatesOverTheSigned() {
        assertEquals(
                "截至4月末累计签约项目3个，已落地2个（履约率66.67%），开工1个（开工率33.33%），竣工0个（建成率0.00%），投产0个（投产率0.00%）。",
                InvestmentSection.conversion(new Investment.Conversion(3, 2, 1, 0, 0), APRIL));
    }

    @Test
    void noConversionParagraphWithoutSignedLeads() {
        Investment facts = new Investment(
                leads(0, "0", 0, "0"), new Investment.Funds(d("0"), d("0")), new Investment.Conversion(0, 0, 0, 0, 0));
        assertEquals(2, InvestmentSection.of("甲园区", facts, APRIL).paragraphs().size());
        assertEquals("三、招商引资", InvestmentSection.of("甲园区", facts, APRIL).heading());
        assertEquals(List.of(), InvestmentSection.of("甲园区", facts, APRIL).points());
    }
}
