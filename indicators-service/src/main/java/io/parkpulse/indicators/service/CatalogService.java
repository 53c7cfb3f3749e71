package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorDefinition;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorStatus;
import io.parkpulse.indicators.repository.IndicatorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The bureau adds indicators and retires them; a retired indicator keeps its history but takes no new values. */
@ApplicationScoped
public class CatalogService {

    @Inject
    Outbox outbox;

    @Inject
    IndicatorRepository indicators;

    /** The whole catalog in display order, retired indicators included. */
    public List<Indicator> list() {
        return indicators.all();
    }

    /** The catalog entry of a code (null when unknown). */
    public Indicator indicator(String code) {
        return indicators.find(code);
    }

    @Transactional
    public Indicator define(Indicator i) {
        if (indicators.find(i.code) != null) {
            throw ProblemException.conflict(
                    "indicator_exists",
                    "指标代码“" + i.code + "”已在指标目录中",
                    "indicator '" + i.code + "' is already in the catalog",
                    null);
        }
        i.status = IndicatorStatus.ACTIVE;
        i.sortOrder = 1000 + (int) indicators.count();
        i.persist();
        outbox.publish(Topics.INDICATORS, EventTypes.INDICATOR_DEFINED, IndicatorDefinition.KEY, definition(i));
        return i;
    }

    @Transactional
    public Indicator retire(String code) {
        Indicator i = indicators.find(code);
        if (i == null) {
            throw ProblemException.notFound("指标", "indicator", code);
        }
        if (i.status == IndicatorStatus.RETIRED) {
            throw ProblemException.conflict(
                    "already_retired",
                    "指标“" + i.nameZh + "”（" + code + "）已停用",
                    "indicator '" + code + "' is already retired",
                    null);
        }
        i.status = IndicatorStatus.RETIRED;
        outbox.publish(Topics.INDICATORS, EventTypes.INDICATOR_RETIRED, IndicatorDefinition.KEY, definition(i));
        return i;
    }

    static IndicatorDefinition definition(Indicator i) {
        return new IndicatorDefinition(
                i.code,
                i.nameZh,
                i.nameEn,
                i.unit,
                i.kind.name(),
                i.direction.name(),
                i.allowNegative,
                i.decimals,
                i.mandatory,
                i.status.name());
    }
}
