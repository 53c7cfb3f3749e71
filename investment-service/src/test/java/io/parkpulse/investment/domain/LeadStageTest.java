package io.parkpulse.investment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pipeline of docs/investment.md: 线索 → 洽谈 → 签约 → 落地, or 放弃 from any open stage. */
class LeadStageTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "LEAD,        LEAD,        false",
        "LEAD,        NEGOTIATING, true",
        // some leads are signed at the first meeting, without a recorded negotiation
        "LEAD,        SIGNED,      true",
        // landing needs a signature
        "LEAD,        LANDED,      false",
        "LEAD,        DROPPED,     true",
        "NEGOTIATING, LEAD,        false",
        "NEGOTIATING, NEGOTIATING, false",
        "NEGOTIATING, SIGNED,      true",
        "NEGOTIATING, LANDED,      false",
        "NEGOTIATING, DROPPED,     true",
        "SIGNED,      LEAD,        false",
        "SIGNED,      NEGOTIATING, false",
        "SIGNED,      SIGNED,      false",
        "SIGNED,      LANDED,      true",
        "SIGNED,      DROPPED,     true",
        "LANDED,      LEAD,        false",
        "LANDED,      NEGOTIATING, false",
        "LANDED,      SIGNED,      false",
        "LANDED,      LANDED,      false",
        "LANDED,      DROPPED,     false",
        "DROPPED,     LEAD,        false",
        "DROPPED,     NEGOTIATING, false",
        "DROPPED,     SIGNED,      false",
        "DROPPED,     LANDED,      false",
        "DROPPED,     DROPPED,     false",
    })
    void transitionIsAllowedOnlyAlongThePipeline(LeadStage from, LeadStage to, boolean allowed) {
        assertEquals(allowed, from.next().contains(to));
    }

    @ParameterizedTest(name = "{0} open: {1}")
    @CsvSource({"LEAD, true", "NEGOTIATING, true", "SIGNED, true", "LANDED, false", "DROPPED, false"})
    void onlyStagesBeforeLandingOrDroppingAreOpen(LeadStage stage, boolean open) {
        assertEquals(open, stage.isOpen());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"LEAD, 线索", "NEGOTIATING, 洽谈", "SIGNED, 签约", "LANDED, 落地", "DROPPED, 放弃"})
    void labelIsTheChineseStageName(LeadStage stage, String label) {
        assertEquals(label, stage.label);
    }
}
