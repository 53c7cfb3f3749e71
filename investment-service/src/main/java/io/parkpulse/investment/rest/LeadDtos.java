package io.parkpulse.investment.rest;

import io.parkpulse.investment.domain.AgreementType;
import io.parkpulse.investment.domain.CapitalOrigin;
import io.parkpulse.investment.domain.DropReason;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import io.parkpulse.investment.domain.LeadStageChange;
import io.parkpulse.investment.service.LeadService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response bodies. Money in 万元 (USD amounts in 万美元, named so). */
public final class LeadDtos {

    /** {@code park} may be left out by park staff: theirs is taken from the token. */
    public record RegisterLead(
            @Size(max = 32) String park,
            @NotBlank @Size(max = 200) String projectName,
            @NotBlank @Size(max = 200) String investor,
            @NotNull CapitalOrigin capitalOrigin,
            @Size(max = 100) String capitalPlace,
            @Size(max = 100) String industry,

            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal intendedInvestment,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal intendedInvestmentUsd,

            @Size(max = 100) String owner,
            @Size(max = 2000) String notes,
            LocalDate identifiedOn) {

        LeadService.Description description() {
            return new LeadService.Description(
                    projectName,
                    investor,
                    capitalOrigin,
                    capitalPlace,
                    industry,
                    intendedInvestment,
                    intendedInvestmentUsd,
                    owner,
                    notes);
        }
    }

    public record UpdateLead(
            @NotBlank @Size(max = 200) String projectName,
            @NotBlank @Size(max = 200) String investor,
            @NotNull CapitalOrigin capitalOrigin,
            @Size(max = 100) String capitalPlace,
            @Size(max = 100) String industry,

            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal intendedInvestment,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal intendedInvestmentUsd,

            @Size(max = 100) String owner,
            @Size(max = 2000) String notes,
            @NotNull @Min(0) Long version) {

        LeadService.Description description() {
            return new LeadService.Description(
                    projectName,
                    investor,
                    capitalOrigin,
                    capitalPlace,
                    industry,
                    intendedInvestment,
                    intendedInvestmentUsd,
                    owner,
                    notes);
        }
    }

    public record TransitionRequest(
            @NotNull LeadStage to,
            LocalDate on,
            AgreementType agreementType,

            @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4)
            BigDecimal contractedInvestment,

            Boolean landSupplied,
            DropReason dropReason,
            @Size(max = 500) String note,
            @NotNull @Min(0) Long version) {}

    public record LeadView(
            UUID id,
            String park,
            String projectName,
            String investor,
            CapitalOrigin capitalOrigin,
            String capitalOriginLabel,
            String capitalPlace,
            String industry,
            BigDecimal intendedInvestment,
            BigDecimal intendedInvestmentUsd,
            String unit,
            boolean major,
            boolean major5,
            String owner,
            String notes,
            LeadStage stage,
            String stageLabel,
            LocalDate stageSince,
            List<LeadStage> allowedTransitions,
            AgreementType agreementType,
            BigDecimal contractedInvestment,
            LocalDate signedOn,
            LocalDate landedOn,
            boolean landSupplied,
            DropReason dropReason,
            String dropReasonLabel,
            String dropNote,
            long version,
            OffsetDateTime createdAt,
            String createdBy,
            OffsetDateTime updatedAt) {

        static LeadView of(Lead l) {
            return new LeadView(
                    l.id,
                    l.park,
                    l.projectName,
                    l.investor,
                    l.capitalOrigin,
                    l.capitalOrigin.label,
                    l.capitalPlace,
                    l.industry,
                    l.intendedInvestment,
                    l.intendedInvestmentUsd,
                    "万元",
                    l.isMajor(),
                    l.isMajor5(),
                    l.owner,
                    l.notes,
                    l.stage,
                    l.stage.label,
                    l.stageSince,
                    l.stage.next(),
                    l.agreementType,
                    l.contractedInvestment,
                    l.signedOn,
                    l.landedOn,
                    l.landSupplied,
                    l.dropReason,
                    l.dropReason == null ? null : l.dropReason.label,
                    l.dropNote,
                    l.version,
                    l.createdAt,
                    l.createdBy,
                    l.updatedAt);
        }
    }

    public record TransitionView(
            LeadStage from,
            String fromLabel,
            LeadStage to,
            String toLabel,
            LocalDate on,
            String note,
            String by,
            OffsetDateTime recordedAt,
            Long daysInStage) {

        static TransitionView of(LeadStageChange c, Long daysInStage) {
            return new TransitionView(
                    c.fromStage,
                    c.fromStage == null ? null : c.fromStage.label,
                    c.toStage,
                    c.toStage.label,
                    c.changedOn,
                    c.note,
                    c.changedBy,
                    c.recordedAt,
                    daysInStage);
        }
    }

    private LeadDtos() {}
}
