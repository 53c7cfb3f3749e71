package io.parkpulse.investment.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.InvestmentTargetState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.parks.KnownParks;
import io.parkpulse.common.parks.ParkReplica;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.investment.domain.InvestmentTarget;
import io.parkpulse.investment.repository.ParkRepository;
import io.parkpulse.investment.repository.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/** The bureau's investment-attraction targets per park and quarter or year. */
@ApplicationScoped
public class TargetService {

    @Inject
    Outbox outbox;

    @Inject
    TargetRepository targetQueries;

    @Inject
    ParkRepository parkReplicas;

    @Inject
    KnownParks parks;

    public record Targets(
            Integer effectiveLeads,
            Integer investorMeetings,
            Integer leaderTrips,
            Integer packagedProjects,
            Integer promotionEvents,
            Integer signedProjects,
            BigDecimal fundsInPlace) {}

    /** Creates the target (version null) or replaces it (the version read). */
    @Transactional
    public InvestmentTarget set(String park, String period, Targets t, Long version, String user) {
        if (!period.matches("\\d{4}(-Q[1-4])?")) {
            throw ProblemException.badRequest(
                    "period",
                    "invalid_period",
                    "招商目标按季度（YYYY-Qn）或年度（YYYY）设定",
                    "targets are set per quarter (YYYY-Qn) or year (YYYY)");
        }
        ReportingPeriod.parse(period, "period");
        parks.require(park, "park");
        InvestmentTarget target = InvestmentTarget.findById(new InvestmentTarget.Key(park, period));
        if (target == null) {
            if (version != null && version != 0) {
                throw ProblemException.conflict(
                        "stale_version",
                        "园区“" + park + "”" + Wording.period(period) + "尚未设定招商目标，新设目标时不要提交版本号",
                        "there is no target for " + park + " " + period + " yet",
                        java.util.Map.of("currentVersion", -1));
            }
            target = new InvestmentTarget();
            target.id = new InvestmentTarget.Key(park, period);
            target.stampCreated(user);
        } else {
            target.requireVersionToReplace(
                    version, "园区“" + park + "”" + period + "的招商目标", "the target of " + park + " " + period);
            target.stampUpdated();
        }
        target.effectiveLeads = t.effectiveLeads();
        target.investorMeetings = t.investorMeetings();
        target.leaderTrips = t.leaderTrips();
        target.packagedProjects = t.packagedProjects();
        target.promotionEvents = t.promotionEvents();
        target.signedProjects = t.signedProjects();
        target.fundsInPlace = t.fundsInPlace();
        target.persist();
        InvestmentTarget.flush();
        outbox.publish(Topics.INVESTMENT, EventTypes.INVESTMENT_TARGET_SET, park, state(target));
        return target;
    }

    public static InvestmentTargetState state(InvestmentTarget t) {
        return new InvestmentTargetState(
                t.id.park(),
                t.id.period(),
                t.effectiveLeads,
                t.investorMeetings,
                t.leaderTrips,
                t.packagedProjects,
                t.promotionEvents,
                t.signedProjects,
                t.fundsInPlace,
                t.version);
    }

    /** The targets of a park, or of every park when {@code park} is null. */
    public List<InvestmentTarget> list(String park) {
        return targetQueries.list(park);
    }

    /** Every park by code, or the one named; an unknown park is not found. */
    public List<ParkReplica> parks(String code) {
        return code == null
                ? parkReplicas.all()
                : parkReplicas
                        .byCode(code)
                        .map(List::of)
                        .orElseThrow(() -> ProblemException.notFound("园区", "park", code));
    }
}
