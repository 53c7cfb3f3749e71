package io.parkpulse.investment.domain;

import io.parkpulse.common.domain.AuditedEntity;
import io.parkpulse.common.figures.MajorProjects;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An investment-attraction lead of one park. Money in 万元. */
@Entity
@Table(name = "lead")
public class Lead extends AuditedEntity {

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

    /** Where the capital comes from, e.g. 广东深圳 or 新加坡. */
    @Column(name = "capital_place")
    public String capitalPlace;

    /** Foreign capital as the investor states it, in 万美元; the 万元 figure stays the one counted. */
    @Column(name = "intended_investment_usd")
    public BigDecimal intendedInvestmentUsd;

    /** Who in the park's investment office follows the lead. */
    public String owner;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadStage stage;

    @Column(name = "stage_since", nullable = false)
    public LocalDate stageSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "agreement_type")
    public AgreementType agreementType;

    @Column(name = "contracted_investment")
    public BigDecimal contractedInvestment;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "landed_on")
    public LocalDate landedOn;

    @Column(name = "land_supplied", nullable = false)
    public boolean landSupplied;

    @Enumerated(EnumType.STRING)
    @Column(name = "drop_reason")
    public DropReason dropReason;

    @Column(name = "drop_note")
    public String dropNote;

    /** The amount that counts: the contracted one once signed, the intended one before. */
    public BigDecimal amount() {
        return contractedInvestment != null ? contractedInvestment : intendedInvestment;
    }

    public boolean isMajor() {
        return MajorProjects.major(amount());
    }

    public boolean isMajor5() {
        return MajorProjects.major5(amount());
    }
}
