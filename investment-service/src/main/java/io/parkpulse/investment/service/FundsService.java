package io.parkpulse.investment.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.FundsReported;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.investment.domain.CapitalOrigin;
import io.parkpulse.investment.domain.FundsInPlace;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import io.parkpulse.investment.repository.FundsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 到位资金 per lead and month: reported by the park once a lead is signed, revisable, each month once. */
@ApplicationScoped
public class FundsService {

    @Inject
    Outbox outbox;

    @Inject
    FundsRepository fundsQueries;

    public record Filed(FundsInPlace funds, boolean created) {}

    @Transactional
    public Filed report(UUID leadId, YearMonth month, BigDecimal amount, BigDecimal amountUsd, String user) {
        // One filer per lead at a time, so that two filings of a month are an insert and an update, never a clash.
        Lead l = Lead.findById(leadId, LockModeType.PESSIMISTIC_WRITE);
        if (l == null) {
            throw ProblemException.notFound("线索", "lead", String.valueOf(leadId));
        }
        if (l.stage != LeadStage.SIGNED && l.stage != LeadStage.LANDED) {
            throw ProblemException.conflict(
                    "not_signed",
                    "到位资金只能为已签约或已落地的项目填报，该线索目前处于" + Wording.stage(l.stage) + "阶段",
                    "funds are reported for signed or landed leads; this one is at stage " + l.stage,
                    Map.of("stage", l.stage));
        }
        if (month.isAfter(CityTime.thisMonth())) {
            throw ProblemException.unprocessable(
                    "period",
                    "future_period",
                    Wording.month(month) + "尚未开始，月份开始后才能填报当月到位资金",
                    "funds for " + month + " cannot be reported before the month has begun");
        }
        if (month.isBefore(YearMonth.from(l.signedOn))) {
            throw ProblemException.unprocessable(
                    "period",
                    "before_signing",
                    "该项目于" + l.signedOn + "签约，只能填报签约当月及以后各月的到位资金",
                    "the lead was signed on " + l.signedOn + "; funds are reported from that month on");
        }
        if (l.capitalOrigin == CapitalOrigin.FOREIGN && amountUsd == null) {
            throw ProblemException.unprocessable(
                    "amountUsd",
                    "required",
                    "境外资金须同时填报以万美元计的到位金额",
                    "foreign capital is also reported in USD (amountUsd, in 10,000 US dollars)");
        }
        if (l.capitalOrigin != CapitalOrigin.FOREIGN && amountUsd != null) {
            throw ProblemException.unprocessable(
                    "amountUsd", "not_foreign", "只有境外资金填报万美元金额", "a USD amount is kept only for foreign capital");
        }
        FundsInPlace f = FundsInPlace.findById(new FundsInPlace.Key(leadId, month.toString()));
        boolean created = f == null;
        BigDecimal previous = created ? null : f.amount;
        if (created) {
            f = new FundsInPlace();
            f.id = new FundsInPlace.Key(leadId, month.toString());
            f.park = l.park;
            f.revision = 0;
        }
        f.source = l.capitalOrigin;
        f.amount = amount;
        f.amountUsd = amountUsd;
        f.revision++;
        f.reportedBy = user;
        f.reportedAt = OffsetDateTime.now();
        if (created) {
            f.persist();
        }
        FundsInPlace.flush();
        outbox.publish(
                Topics.INVESTMENT,
                EventTypes.FUNDS_REPORTED,
                l.park,
                new FundsReported(
                        leadId,
                        l.park,
                        month.toString(),
                        f.source.name(),
                        f.amount,
                        f.amountUsd,
                        previous,
                        f.revision));
        return new Filed(f, created);
    }

    public List<FundsInPlace> ofLead(UUID leadId) {
        return fundsQueries.ofLead(leadId);
    }
}
