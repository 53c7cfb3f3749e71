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
            throw ProblemException.notFound("lead", String.valueOf(leadId));
        }
        if (l.stage != LeadStage.SIGNED && l.stage != LeadStage.LANDED) {
            throw ProblemException.conflict(
                    "not_signed",
                    "funds are reported for signed or landed leads; this one is " + l.stage + " (" + l.stage.label
                            + ")",
                    Map.of("stage", l.stage));
        }
        if (month.isAfter(CityTime.thisMonth())) {
            throw ProblemException.unprocessable(
                    "period",
                    "future_period",
                    month + " 尚未开始：月份开始后才能填报到位资金",
                    "funds for " + month + " cannot be reported before the month has begun");
        }
        if (month.isBefore(YearMonth.from(l.signedOn))) {
            throw ProblemException.unprocessable(
                    "period",
                    "before_signing",
                    "项目签约于 " + l.signedOn + "，此前没有到位资金可填报",
                    "the lead was signed on " + l.signedOn);
        }
        if (l.capitalOrigin == CapitalOrigin.FOREIGN && amountUsd == null) {
            throw ProblemException.unprocessable("amountUsd", "required", "foreign capital is reported in 万美元 too");
        }
        if (l.capitalOrigin != CapitalOrigin.FOREIGN && amountUsd != null) {
            throw ProblemException.unprocessable(
                    "amountUsd", "not_foreign", "a USD amount is kept only for foreign capital");
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
