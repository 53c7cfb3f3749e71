package io.parkpulse.investment.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.parks.KnownParks;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.investment.domain.AgreementType;
import io.parkpulse.investment.domain.CapitalOrigin;
import io.parkpulse.investment.domain.DropReason;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import io.parkpulse.investment.domain.LeadStageChange;
import io.parkpulse.investment.repository.LeadRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registers and edits leads and moves them through the pipeline; every change publishes the lead's state. */
@ApplicationScoped
public class LeadService {

    @Inject
    Outbox outbox;

    @Inject
    LeadRepository leadQueries;

    @Inject
    KnownParks parks;

    /** What describes a lead. Money in 万元; {@code intendedInvestmentUsd} (万美元) only for foreign capital. */
    public record Description(
            String projectName,
            String investor,
            CapitalOrigin capitalOrigin,
            String capitalPlace,
            String industry,
            BigDecimal intendedInvestment,
            BigDecimal intendedInvestmentUsd,
            String owner,
            String notes) {}

    /** A move through the pipeline, with what the target stage needs. */
    public record Transition(
            LeadStage to,
            LocalDate on,
            AgreementType agreementType,
            BigDecimal contractedInvestment,
            Boolean landSupplied,
            DropReason dropReason,
            String note,
            long version) {}

    @Transactional
    public Lead register(String park, Description d, LocalDate identifiedOn, String user) {
        parks.require(park, "park");
        Lead l = new Lead();
        l.id = UUID.randomUUID();
        l.park = park;
        describe(l, d);
        l.stage = LeadStage.LEAD;
        l.stageSince = identifiedOn == null ? CityTime.today() : CityTime.notInFuture(identifiedOn, "identifiedOn");
        l.stampCreated(user);
        l.persist();
        record(l, null, l.stage, l.stageSince, null, user);
        Lead.flush();
        outbox.publish(Topics.INVESTMENT, EventTypes.LEAD_REGISTERED, l.park, state(l));
        return l;
    }

    @Transactional
    public Lead update(UUID id, Description d, long version) {
        Lead l = find(id);
        l.requireVersion(version, "线索“" + id + "”", "lead " + id);
        describe(l, d);
        l.stampUpdated();
        Lead.flush();
        outbox.publish(Topics.INVESTMENT, EventTypes.LEAD_UPDATED, l.park, state(l));
        return l;
    }

    @Transactional
    public Lead transition(UUID id, Transition t, String user) {
        Lead l = find(id);
        l.requireVersion(t.version(), "线索“" + id + "”", "lead " + id);
        List<LeadStage> allowed = l.stage.next();
        if (!allowed.contains(t.to())) {
            throw ProblemException.conflict(
                    "illegal_transition",
                    "该线索处于" + Wording.stage(l.stage) + "阶段，不能转入" + Wording.stage(t.to()) + "阶段；"
                            + (allowed.isEmpty() ? "已不能再变更阶段" : "可转入：" + Wording.stages(allowed)),
                    "a lead at stage " + l.stage + " cannot move to " + t.to() + "; allowed: "
                            + (allowed.isEmpty()
                                    ? "none"
                                    : allowed.stream().map(Enum::name).collect(Collectors.joining(", "))),
                    Map.of("from", l.stage, "to", t.to(), "allowed", allowed));
        }
        LocalDate on = CityTime.notInFuture(t.on() == null ? CityTime.today() : t.on(), "on");
        if (on.isBefore(l.stageSince)) {
            throw ProblemException.unprocessable(
                    "on",
                    "before_current_stage",
                    "变更日期不能早于当前阶段的开始日期" + l.stageSince,
                    "the change cannot be dated before the current stage began on " + l.stageSince);
        }
        switch (t.to()) {
            case SIGNED -> {
                if (t.agreementType() == null) {
                    throw ProblemException.unprocessable(
                            "agreementType",
                            "required",
                            "签约须注明签订的是协议还是合同",
                            "say what was signed: AGREEMENT or CONTRACT");
                }
                if (t.contractedInvestment() == null) {
                    throw ProblemException.unprocessable(
                            "contractedInvestment",
                            "required",
                            "签约须填写合同投资额（万元）",
                            "a signed lead needs the contracted investment (in 10,000 yuan)");
                }
                if (t.on() == null) {
                    throw ProblemException.unprocessable(
                            "on", "required", "签约须填写签约日期", "a signed lead needs its signing date");
                }
                l.agreementType = t.agreementType();
                l.contractedInvestment = t.contractedInvestment();
                l.signedOn = on;
            }
            case LANDED -> {
                l.landedOn = on;
                l.landSupplied = Boolean.TRUE.equals(t.landSupplied());
            }
            case DROPPED -> {
                if (t.dropReason() == null) {
                    throw ProblemException.unprocessable(
                            "dropReason", "required", "放弃线索须选择放弃原因", "say why the lead is dropped");
                }
                if (t.dropReason() == DropReason.OTHER
                        && (t.note() == null || t.note().isBlank())) {
                    throw ProblemException.unprocessable(
                            "note",
                            "required",
                            "放弃原因为“其他”的，须在备注中说明具体原因",
                            "a lead dropped for another reason needs a note");
                }
                l.dropReason = t.dropReason();
                l.dropNote = t.note();
            }
            default -> {}
        }
        LeadStage from = l.stage;
        l.stage = t.to();
        l.stageSince = on;
        l.stampUpdated();
        record(l, from, t.to(), on, t.note(), user);
        Lead.flush();
        outbox.publish(Topics.INVESTMENT, EventTypes.LEAD_STAGE_CHANGED, l.park, state(l));
        return l;
    }

    /** A null park or stage does not filter. */
    public PanacheQuery<Lead> search(String park, LeadStage stage, Sort sort) {
        return leadQueries.search(park, stage, sort);
    }

    public List<LeadStageChange> history(UUID id) {
        return leadQueries.history(id);
    }

    public static Lead find(UUID id) {
        Lead l = Lead.findById(id);
        if (l == null) {
            throw ProblemException.notFound("线索", "lead", String.valueOf(id));
        }
        return l;
    }

    private static void describe(Lead l, Description d) {
        if (d.intendedInvestmentUsd() != null && d.capitalOrigin() != CapitalOrigin.FOREIGN) {
            throw ProblemException.unprocessable(
                    "intendedInvestmentUsd",
                    "not_foreign",
                    "只有境外资金填报万美元意向投资额",
                    "a USD amount is kept only for foreign capital (FOREIGN)");
        }
        l.projectName = d.projectName().strip();
        l.investor = d.investor().strip();
        l.capitalOrigin = d.capitalOrigin();
        l.capitalPlace = d.capitalPlace();
        l.industry = d.industry();
        l.intendedInvestment = d.intendedInvestment();
        l.intendedInvestmentUsd = d.intendedInvestmentUsd();
        l.owner = d.owner();
        l.notes = d.notes();
    }

    private static void record(Lead l, LeadStage from, LeadStage to, LocalDate on, String note, String user) {
        LeadStageChange c = new LeadStageChange();
        c.leadId = l.id;
        c.fromStage = from;
        c.toStage = to;
        c.note = note;
        c.record(on, user);
    }

    /** The state every lead event carries; a LANDED one is all projects-service needs to create the project. */
    public static LeadState state(Lead l) {
        return new LeadState(
                l.id,
                l.park,
                l.projectName,
                l.investor,
                l.industry,
                l.capitalOrigin.name(),
                l.stage.name(),
                l.intendedInvestment,
                l.contractedInvestment,
                l.signedOn,
                l.landedOn,
                l.landSupplied,
                l.stageSince,
                l.version);
    }
}
