package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorDefinition;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.indicators.domain.Indicator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The bureau adds indicators and retires them; a retired indicator keeps its history but takes no new values. */
@ApplicationScoped
public class CatalogService {

    @Inject
    Outbox outbox;

    @Transactional
    public Indicator define(Indicator i) {
        if (Indicator.findById(i.code) != null) {
            throw ProblemException.conflict(
                    "indicator_exists", "indicator '" + i.code + "' is already in the catalog", null);
        }
        i.status = "ACTIVE";
        i.sortOrder = 1000 + (int) Indicator.count();
        i.persist();
        outbox.publish(Topics.INDICATORS, EventTypes.INDICATOR_DEFINED, IndicatorDefinition.KEY, definition(i));
        return i;
    }

    @Transactional
    public Indicator retire(String code) {
        Indicator i = Indicator.findById(code);
        if (i == null) {
            throw ProblemException.notFound("indicator", code);
        }
        if ("RETIRED".equals(i.status)) {
            throw ProblemException.conflict("already_retired", "indicator '" + code + "' is already retired", null);
        }
        i.status = "RETIRED";
        outbox.publish(Topics.INDICATORS, EventTypes.INDICATOR_RETIRED, IndicatorDefinition.KEY, definition(i));
        return i;
    }

    static IndicatorDefinition definition(Indicator i) {
        return new IndicatorDefinition(
                i.code,
                i.nameZh,
                i.nameEn,
                i.unit,
                i.kind,
                i.direction,
                i.allowNegative,
                i.decimals,
                i.mandatory,
                i.status);
    }
}
