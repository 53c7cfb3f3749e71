package io.parkpulse.investment.domain;

import io.parkpulse.common.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** An investment-attraction lead of one park. Money in 万元. */
@Entity
@Table(name = "lead")
public class Lead extends AuditedEntity {

    /** 亿元以上 and 5亿元以上 major projects, in 万元. */
    public static final BigDecimal MAJOR = new BigDecimal("10000");
    public static final BigDecimal MAJOR_5 = new BigDecimal("50000");

    @Id
    public UUID id;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Column(name = "project_name", nullable = false)
    public String projectName;

    @Column(nullable = false)
    public String investor;

    @Enumerated(EnumType.STRING)
    @Column(name = "capital_origin", nullable = false)
    public CapitalOrigin capitalOrigin;

    public String industry;

    @Column(name = "intended_investment", nullable = false)
    public BigDecimal intendedInvestment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStage stage;

    public boolean isMajor() {
        return intendedInvestment.compareTo(MAJOR) >= 0;
    }

    public boolean isMajor5() {
        return intendedInvestment.compareTo(MAJOR_5) >= 0;
    }
}
