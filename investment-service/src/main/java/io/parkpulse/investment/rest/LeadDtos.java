package io.parkpulse.investment.rest;

import io.parkpulse.investment.domain.CapitalOrigin;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class LeadDtos {

    /** {@code park} may be left out by park staff: theirs is taken from the token. */
    public record RegisterLead(
            @Size(max = 32) String park,
            @NotBlank @Size(max = 200) String projectName,
            @NotBlank @Size(max = 200) String investor,
            @NotNull CapitalOrigin capitalOrigin,
            @Size(max = 100) String industry,
            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4) BigDecimal intendedInvestment) {
    }

    public record LeadView(UUID id, String park, String projectName, String investor, CapitalOrigin capitalOrigin,
            String capitalOriginLabel, String industry, BigDecimal intendedInvestment, String unit, boolean major,
            boolean major5, LeadStage stage, String stageLabel, long version, OffsetDateTime createdAt,
            String createdBy) {

        static LeadView of(Lead l) {
            return new LeadView(l.id, l.park, l.projectName, l.investor, l.capitalOrigin, l.capitalOrigin.label,
                    l.industry, l.intendedInvestment, "万元", l.isMajor(), l.isMajor5(), l.stage, l.stage.label,
                    l.version, l.createdAt, l.createdBy);
        }
    }

    private LeadDtos() {
    }
}
