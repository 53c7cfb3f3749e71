package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ParkState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.ParkKind;
import io.parkpulse.indicators.domain.ParkLand;
import io.parkpulse.indicators.domain.ParkLevel;
import io.parkpulse.indicators.repository.ParkLandRepository;
import io.parkpulse.indicators.repository.ParkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

@ApplicationScoped
public class ParkService {

    @Inject
    Outbox outbox;

    @Inject
    ParkRepository parks;

    @Inject
    ParkLandRepository lands;

    public <T> Page<T> list(PageRequest page, Function<Park, T> view) {
        return parks.page(page, view);
    }

    /** The developed land in force today (null when none was recorded). */
    public ParkLand currentLand(String code) {
        return lands.asOf(code, LocalDate.now()).orElse(null);
    }

    /** Every recorded land figure of the park, oldest first. */
    public List<ParkLand> landHistory(String code) {
        require(code);
        return lands.history(code);
    }

    public record NewPark(
            String code,
            String name,
            ParkLevel level,
            ParkKind kind,
            String district,
            BigDecimal plannedAreaKm2,
            BigDecimal developedLandMu,
            LocalDate landEffectiveFrom,
            String peerGroup) {}

    @Transactional
    public Park register(NewPark p, String user) {
        if (parks.find(p.code()) != null) {
            throw ProblemException.conflict(
                    "park_exists",
                    "园区代码“" + p.code() + "”已登记，不能重复登记",
                    "park '" + p.code() + "' is already registered",
                    null);
        }
        Park park = new Park();
        park.code = p.code();
        park.name = p.name();
        park.level = p.level();
        park.kind = p.kind();
        park.district = p.district();
        park.plannedAreaKm2 = p.plannedAreaKm2();
        park.peerGroup =
                p.peerGroup() == null || p.peerGroup().isBlank() ? p.level().name() : p.peerGroup();
        park.stampCreated(user);
        park.persist();
        ParkLand land = new ParkLand();
        land.id = new ParkLand.Key(
                p.code(), p.landEffectiveFrom() == null ? LocalDate.of(2000, 1, 1) : p.landEffectiveFrom());
        land.developedLandMu = p.developedLandMu();
        land.persist();
        // Flush so that the event carries the version the row really has.
        parks.flush();
        outbox.publish(Topics.PARKS, EventTypes.PARK_REGISTERED, park.code, state(park, land));
        return park;
    }

    public record ParkChange(
            String name,
            ParkLevel level,
            ParkKind kind,
            String district,
            BigDecimal plannedAreaKm2,
            String peerGroup,
            String status,
            long version) {}

    /** Changes a park's description; a stale version is refused so that no change is lost. */
    @Transactional
    public Park update(String code, ParkChange c, String user) {
        Park park = require(code);
        park.requireVersion(c.version(), "园区“" + code + "”", "park '" + code + "'");
        if (!"ACTIVE".equals(c.status()) && !"CLOSED".equals(c.status())) {
            throw ProblemException.badRequest("status", "invalid", "应为 ACTIVE（在册）或 CLOSED（已撤销）", "ACTIVE or CLOSED");
        }
        park.name = c.name();
        park.level = c.level();
        park.kind = c.kind();
        park.district = c.district();
        park.plannedAreaKm2 = c.plannedAreaKm2();
        park.peerGroup =
                c.peerGroup() == null || c.peerGroup().isBlank() ? c.level().name() : c.peerGroup();
        park.status = c.status();
        park.stampUpdated();
        return publishUpdate(park);
    }

    /**
     * Records the developed land in force from a date (land grows); per-mu figures of later months use
     * it. The same date again replaces that entry.
     */
    @Transactional
    public Park setLand(String code, LocalDate from, BigDecimal mu, String user) {
        Park park = require(code);
        if (from == null) {
            throw ProblemException.badRequest(
                    "effectiveFrom", "required", "请填写该面积的起算日期", "the date the land applies from");
        }
        if (mu == null || mu.signum() <= 0 || mu.compareTo(new BigDecimal("10000000")) > 0 || mu.scale() > 2) {
            throw ProblemException.badRequest(
                    "developedLandMu",
                    "invalid",
                    "已开发面积以亩计，应为正数，最多2位小数，且不超过1000万亩",
                    "a positive area in mu with at most 2 decimals, at most 10,000,000");
        }
        ParkLand.Key key = new ParkLand.Key(code, from);
        ParkLand land = lands.find(key);
        if (land == null) {
            land = new ParkLand();
            land.id = key;
        }
        land.developedLandMu = mu;
        land.persist();
        park.stampUpdated();
        return publishUpdate(park);
    }

    private Park publishUpdate(Park park) {
        parks.flush();
        ParkLand land = currentLand(park.code);
        outbox.publish(Topics.PARKS, EventTypes.PARK_UPDATED, park.code, state(park, land));
        return park;
    }

    public static ParkState state(Park park, ParkLand land) {
        return new ParkState(
                park.code,
                park.name,
                park.level.name(),
                park.kind.name(),
                park.district,
                park.plannedAreaKm2,
                land == null ? null : land.developedLandMu,
                land == null ? null : land.id.effectiveFrom(),
                park.peerGroup,
                park.status,
                park.version);
    }

    public Park require(String code) {
        Park p = parks.find(code);
        if (p == null) {
            throw ProblemException.notFound("园区", "park", code);
        }
        return p;
    }
}
