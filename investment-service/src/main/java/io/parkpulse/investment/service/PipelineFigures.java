package io.parkpulse.investment.service;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.investment.config.InvestmentSettings;
import io.parkpulse.investment.domain.Activity;
import io.parkpulse.investment.domain.ActivityKind;
import io.parkpulse.investment.domain.CapitalOrigin;
import io.parkpulse.investment.domain.FundsInPlace;
import io.parkpulse.investment.domain.InvestmentTarget;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import io.parkpulse.investment.domain.LeadStageChange;
import io.parkpulse.investment.domain.PipelineMath;
import io.parkpulse.investment.repository.ActivityRepository;
import io.parkpulse.investment.repository.FundsRepository;
import io.parkpulse.investment.repository.LeadRepository;
import io.parkpulse.investment.repository.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The figures investment reports quote, per park and period, and the leads going stale. */
@ApplicationScoped
public class PipelineFigures {

    @Inject
    InvestmentSettings settings;

    @Inject
    LeadRepository leadQueries;

    @Inject
    ActivityRepository activityQueries;

    @Inject
    FundsRepository fundsQueries;

    @Inject
    TargetRepository targets;

    public record Signed(
            long count,
            BigDecimal amount,
            long countYtd,
            BigDecimal amountYtd,
            BigDecimal amountLastYearYtd,
            BigDecimal growthYtd,
            long major,
            long major5) {}

    public record Conversion(
            long leadsYtd, long negotiated, long signed, long landed, BigDecimal signedRate, BigDecimal landedRate) {}

    public record Item(long actual, Integer target, BigDecimal completion) {}

    public record Funds(
            Map<CapitalOrigin, BigDecimal> bySource,
            BigDecimal foreignUsd,
            BigDecimal total,
            BigDecimal totalYtd,
            BigDecimal target,
            BigDecimal completion,
            BigDecimal aheadOfTarget,
            BigDecimal fundsRate,
            String unit) {}

    public record ParkFigures(
            String park,
            String period,
            Map<LeadStage, Long> leadsByStage,
            Item effectiveLeads,
            Map<ActivityKind, Item> activities,
            Item signedProjects,
            Signed signed,
            long landed,
            Conversion conversion,
            Funds funds) {}

    public record Stale(
            UUID id, String projectName, LeadStage stage, LocalDate lastTouched, long idleDays, int allowedDays) {}

    public ParkFigures figures(String park, ReportingPeriod p) {
        LocalDate first = p.firstDay();
        LocalDate end = p.lastDay();
        LocalDate yearStart = LocalDate.of(end.getYear(), 1, 1);
        List<Lead> leads = leadQueries.ofPark(park);
        Map<UUID, List<LeadStageChange>> history = new HashMap<>();
        for (LeadStageChange c :
                leadQueries.histories(leads.stream().map(l -> l.id).toList())) {
            history.computeIfAbsent(c.leadId, k -> new ArrayList<>()).add(c);
        }
        Map<LeadStage, Long> byStage = new EnumMap<>(LeadStage.class);
        for (LeadStage s : LeadStage.values()) {
            byStage.put(s, 0L);
        }
        long newLeads = 0;
        long leadsYtd = 0;
        long negotiated = 0;
        long signedYtdReached = 0;
        long landedYtdReached = 0;
        for (Lead l : leads) {
            List<LeadStageChange> h = history.getOrDefault(l.id, List.of());
            LeadStage atEnd = null;
            Set<LeadStage> reached = new HashSet<>();
            for (LeadStageChange c : h) {
                if (!c.changedOn.isAfter(end)) {
                    atEnd = c.toStage;
                    reached.add(c.toStage);
                }
            }
            if (atEnd == null) {
                continue;
            }
            byStage.merge(atEnd, 1L, Long::sum);
            LocalDate identified = h.get(0).changedOn;
            if (p.contains(identified)) {
                newLeads++;
            }
            if (!identified.isBefore(yearStart)) {
                leadsYtd++;
                if (reached.contains(LeadStage.NEGOTIATING) || reached.contains(LeadStage.SIGNED)) {
                    negotiated++;
                }
                if (reached.contains(LeadStage.SIGNED)) {
                    signedYtdReached++;
                }
                if (reached.contains(LeadStage.LANDED)) {
                    landedYtdReached++;
                }
            }
        }

        List<Lead> signedInPeriod =
                leads.stream().filter(l -> p.contains(l.signedOn)).toList();
        List<Lead> signedYtd =
                leads.stream().filter(l -> between(l.signedOn, yearStart, end)).toList();
        LocalDate lastYearEnd = end.minusYears(1);
        List<Lead> signedLastYtd = leads.stream()
                .filter(l -> between(l.signedOn, yearStart.minusYears(1), lastYearEnd))
                .toList();
        BigDecimal ytdAmount = sum(signedYtd);
        BigDecimal lastAmount = sum(signedLastYtd);
        Signed signed = new Signed(
                signedInPeriod.size(),
                sum(signedInPeriod),
                signedYtd.size(),
                ytdAmount,
                lastAmount,
                PipelineMath.growth(ytdAmount, lastAmount),
                signedInPeriod.stream().filter(Lead::isMajor).count(),
                signedInPeriod.stream().filter(Lead::isMajor5).count());
        long landed = leads.stream().filter(l -> p.contains(l.landedOn)).count();
        Conversion conversion = new Conversion(
                leadsYtd,
                negotiated,
                signedYtdReached,
                landedYtdReached,
                PipelineMath.rate(signedYtdReached, leadsYtd),
                PipelineMath.rate(landedYtdReached, signedYtdReached));

        InvestmentTarget target = targets.of(park, p.text());
        Map<ActivityKind, Item> activities = new EnumMap<>(ActivityKind.class);
        List<Activity> held = activityQueries.heldBetween(park, first, end);
        for (ActivityKind k : ActivityKind.values()) {
            long n = held.stream().filter(a -> a.kind == k).count();
            Integer t = target == null
                    ? null
                    : switch (k) {
                        case INVESTOR_MEETING -> target.investorMeetings;
                        case LEADER_TRIP -> target.leaderTrips;
                        case PACKAGED_PROJECT -> target.packagedProjects;
                        case PROMOTION_EVENT -> target.promotionEvents;
                    };
            activities.put(k, item(n, t));
        }

        String firstMonth = p.firstMonth().toString();
        List<FundsInPlace> funds = fundsQueries.ofParkUpTo(park, p.lastMonth());
        Map<CapitalOrigin, BigDecimal> bySource = new EnumMap<>(CapitalOrigin.class);
        for (CapitalOrigin o : CapitalOrigin.values()) {
            bySource.put(o, BigDecimal.ZERO);
        }
        BigDecimal usd = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal totalYtd = BigDecimal.ZERO;
        Map<UUID, BigDecimal> toDateByLead = new HashMap<>();
        for (FundsInPlace f : funds) {
            toDateByLead.merge(f.id.leadId(), f.amount, BigDecimal::add);
            if (f.id.period().compareTo(firstMonth) >= 0) {
                bySource.merge(f.source, f.amount, BigDecimal::add);
                total = total.add(f.amount);
                if (f.amountUsd != null) {
                    usd = usd.add(f.amountUsd);
                }
            }
            if (f.id.period().startsWith(end.getYear() + "-")) {
                totalYtd = totalYtd.add(f.amount);
            }
        }
        BigDecimal contracted = BigDecimal.ZERO;
        BigDecimal arrived = BigDecimal.ZERO;
        for (Lead l : leads) {
            if (l.signedOn != null
                    && !l.signedOn.isAfter(end)
                    && l.contractedInvestment != null
                    && l.stage != LeadStage.DROPPED) {
                contracted = contracted.add(l.contractedInvestment);
                arrived = arrived.add(toDateByLead.getOrDefault(l.id, BigDecimal.ZERO));
            }
        }
        BigDecimal fundsTarget = target == null ? null : target.fundsInPlace;
        BigDecimal completion = PipelineMath.percent(total, fundsTarget);
        Funds f = new Funds(
                bySource,
                usd,
                total,
                totalYtd,
                fundsTarget,
                completion,
                PipelineMath.ahead(completion),
                PipelineMath.percent(arrived, contracted),
                "万元");
        return new ParkFigures(
                park,
                p.text(),
                byStage,
                item(newLeads, target == null ? null : target.effectiveLeads),
                activities,
                item(signedInPeriod.size(), target == null ? null : target.signedProjects),
                signed,
                landed,
                conversion,
                f);
    }

    /** Open leads untouched (no stage change, activity or edit) for longer than their stage allows, most idle first. */
    public List<Stale> stale(String park) {
        LocalDate today = CityTime.today();
        List<Lead> open = leadQueries.open(park);
        Map<UUID, LocalDate> lastActivity = new HashMap<>();
        for (Activity a : activityQueries.touching(open.stream().map(l -> l.id).toList())) {
            for (UUID id : a.leadIds) {
                lastActivity.merge(id, a.heldOn, (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        List<Stale> out = new ArrayList<>();
        for (Lead l : open) {
            LocalDate touched = l.stageSince;
            // Registering a lead found long ago is not touching it; a later edit is.
            LocalDate updated = l.updatedAt.atZoneSameInstant(CityTime.ZONE).toLocalDate();
            if (l.updatedAt.isAfter(l.createdAt) && updated.isAfter(touched)) {
                touched = updated;
            }
            LocalDate act = lastActivity.get(l.id);
            if (act != null && act.isAfter(touched)) {
                touched = act;
            }
            int allowed = switch (l.stage) {
                case LEAD -> settings.lead();
                case NEGOTIATING -> settings.negotiating();
                default -> settings.signed();
            };
            long idle = ChronoUnit.DAYS.between(touched, today);
            if (idle > allowed) {
                out.add(new Stale(l.id, l.projectName, l.stage, touched, idle, allowed));
            }
        }
        out.sort(Comparator.comparingLong(Stale::idleDays).reversed());
        return out;
    }

    private static Item item(long actual, Integer target) {
        return new Item(actual, target, PipelineMath.completion(actual, target));
    }

    private static boolean between(LocalDate d, LocalDate from, LocalDate to) {
        return PipelineMath.between(d, from, to);
    }

    private static BigDecimal sum(List<Lead> leads) {
        return leads.stream()
                .map(l -> l.contractedInvestment == null ? BigDecimal.ZERO : l.contractedInvestment)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
