package io.parkpulse.investment.rest;

import io.parkpulse.investment.domain.Activity;
import io.parkpulse.investment.domain.ActivityKind;
import io.parkpulse.investment.domain.FundsInPlace;
import io.parkpulse.investment.domain.InvestmentTarget;
import io.parkpulse.investment.service.ActivityService;
import io.parkpulse.investment.service.TargetService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bodies for activities, funds in place and targets. Money in 万元, USD in 万美元. */
public final class ActivityDtos {

    public record ActivityRequest(
            @Size(max = 32) String park,
            @NotNull ActivityKind kind,
            @NotNull LocalDate heldOn,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 200) String location,
            @Size(max = 100) String ledBy,
            @Size(max = 2000) String notes,
            @Size(max = 50) List<UUID> leadIds,
            @Min(0) Long version) {

        ActivityService.Entry entry() {
            return new ActivityService.Entry(kind, heldOn, title, location, ledBy, notes, leadIds);
        }
    }

    public record ActivityView(
            UUID id,
            String park,
            ActivityKind kind,
            String kindLabel,
            LocalDate heldOn,
            String title,
            String location,
            String ledBy,
            String notes,
            List<UUID> leadIds,
            long version,
            OffsetDateTime createdAt,
            String createdBy) {

        static ActivityView of(Activity a) {
            return new ActivityView(
                    a.id,
                    a.park,
                    a.kind,
                    a.kind.label,
                    a.heldOn,
                    a.title,
                    a.location,
                    a.ledBy,
                    a.notes,
                    List.copyOf(a.leadIds),
                    a.version,
                    a.createdAt,
                    a.createdBy);
        }
    }

    public record FundsRequest(
            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal amount,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal amountUsd) {}

    public record FundsView(
            UUID leadId,
            String period,
            String source,
            BigDecimal amount,
            BigDecimal amountUsd,
            int revision,
            String reportedBy,
            OffsetDateTime reportedAt) {

        static FundsView of(FundsInPlace f) {
            return new FundsView(
                    f.id.leadId(),
                    f.id.period(),
                    f.source.name(),
                    f.amount,
                    f.amountUsd,
                    f.revision,
                    f.reportedBy,
                    f.reportedAt);
        }
    }

    public record FundsSummary(
            List<FundsView> months,
            BigDecimal total,
            BigDecimal contractedInvestment,
            BigDecimal fundsRate,
            String unit) {}

    public record TargetRequest(
            @Min(0) @Max(100000) Integer effectiveLeads,
            @Min(0) @Max(100000) Integer investorMeetings,
            @Min(0) @Max(100000) Integer leaderTrips,
            @Min(0) @Max(100000) Integer packagedProjects,
            @Min(0) @Max(100000) Integer promotionEvents,
            @Min(0) @Max(100000) Integer signedProjects,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal fundsInPlace,

            @Min(0) Long version) {

        TargetService.Targets targets() {
            return new TargetService.Targets(
                    effectiveLeads,
                    investorMeetings,
                    leaderTrips,
                    packagedProjects,
                    promotionEvents,
                    signedProjects,
                    fundsInPlace);
        }
    }

    public record TargetView(
            String park,
            String period,
            Integer effectiveLeads,
            Integer investorMeetings,
            Integer leaderTrips,
            Integer packagedProjects,
            Integer promotionEvents,
            Integer signedProjects,
            BigDecimal fundsInPlace,
            String unit,
            long version) {

        static TargetView of(InvestmentTarget t) {
            return new TargetView(
                    t.id.park(),
                    t.id.period(),
                    t.effectiveLeads,
                    t.investorMeetings,
                    t.leaderTrips,
                    t.packagedProjects,
                    t.promotionEvents,
                    t.signedProjects,
                    t.fundsInPlace,
                    "万元",
                    t.version);
        }
    }

    private ActivityDtos() {}
}
