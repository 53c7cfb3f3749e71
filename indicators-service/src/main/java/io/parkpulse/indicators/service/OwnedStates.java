package io.parkpulse.indicators.service;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.common.events.payload.IndicatorValuesRecorded;
import io.parkpulse.common.events.payload.TargetState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.republish.SnapshotSource;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorTarget;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.repository.ParkRepository;
import io.parkpulse.indicators.repository.TargetRepository;
import io.parkpulse.indicators.repository.ValueRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What indicators-service re-publishes (docs/operations.md, "Kafka history lost"): the parks, the current values
 * and the targets, as the events its writes publish. The catalog, receipts and review flags are not: no consumer
 * builds anything from them.
 */
public final class OwnedStates {

    private OwnedStates() {}

    @ApplicationScoped
    public static class Parks implements SnapshotSource {

        @Inject
        ParkRepository parks;

        @Inject
        ParkService service;

        @Override
        public String name() {
            return "parks";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<Park> rows = parks.all(page, size);
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(p -> new Outbox.Message(
                                    Topics.PARKS,
                                    EventTypes.PARK_UPDATED,
                                    p.code,
                                    ParkService.state(p, service.currentLand(p.code))))
                            .toList());
        }
    }

    /** One values-recorded event per park of a page: the values' key is their park. */
    @ApplicationScoped
    public static class Values implements SnapshotSource {

        @Inject
        ValueRepository values;

        @Override
        public String name() {
            return "values";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<IndicatorValue> rows = values.all(page, size);
            Map<String, Indicator> catalog = values.catalog();
            Map<String, List<IndicatorValueRecorded>> byPark = new LinkedHashMap<>();
            for (IndicatorValue v : rows) {
                Indicator i = catalog.get(v.id.indicator());
                byPark.computeIfAbsent(v.id.park(), p -> new ArrayList<>())
                        .add(new IndicatorValueRecorded(
                                v.id.park(),
                                v.id.indicator(),
                                i == null ? v.id.indicator() : i.nameZh,
                                v.id.period(),
                                v.value,
                                i == null ? null : i.unit,
                                null,
                                v.version,
                                v.source,
                                v.recordedBy,
                                v.recordedAt));
            }
            return new Snapshot(
                    rows.size(),
                    byPark.entrySet().stream()
                            .map(e -> new Outbox.Message(
                                    Topics.INDICATORS,
                                    EventTypes.VALUES_RECORDED,
                                    e.getKey(),
                                    new IndicatorValuesRecorded(e.getKey(), List.copyOf(e.getValue()))))
                            .toList());
        }
    }

    @ApplicationScoped
    public static class Targets implements SnapshotSource {

        @Inject
        TargetRepository targets;

        @Inject
        ValueRepository values;

        @Override
        public String name() {
            return "targets";
        }

        @Override
        public Snapshot page(int page, int size) {
            List<IndicatorTarget> rows = targets.all(page, size);
            Map<String, Indicator> catalog = values.catalog();
            return new Snapshot(
                    rows.size(),
                    rows.stream()
                            .map(t -> new Outbox.Message(
                                    Topics.INDICATORS,
                                    EventTypes.TARGET_SET,
                                    t.id.park(),
                                    new TargetState(
                                            t.id.park(),
                                            t.id.indicator(),
                                            t.id.year(),
                                            t.annual,
                                            t.q1,
                                            t.q2,
                                            t.q3,
                                            t.plannedGrowthPct,
                                            catalog.containsKey(t.id.indicator())
                                                    ? catalog.get(t.id.indicator()).unit
                                                    : null,
                                            t.version)))
                            .toList());
        }
    }
}
