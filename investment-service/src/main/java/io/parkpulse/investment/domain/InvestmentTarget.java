package io.parkpulse.investment.domain;

import io.parkpulse.common.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What the bureau expects of a park for a quarter ({@code YYYY-Qn}) or a year ({@code YYYY}): counts
 * of effective leads, activities and signings, and funds in place in 万元. Unset items are not judged.
 */
@Entity
@Table(name = "investment_target")
public class InvestmentTarget extends AuditedEntity {

    @Embeddable
    public record Key(
            @Column(name = "park_code") String park,
            @Column(name = "period") String period) implements Serializable {}

    @EmbeddedId
    public Key id;

    @Column(name = "effective_leads")
    public Integer effectiveLeads;

    @Column(name = "investor_meetings")
    public Integer investorMeetings;

    @Column(name = "leader_trips")
    public Integer leaderTrips;

    @Column(name = "packaged_projects")
    public Integer packagedProjects;

    @Column(name = "promotion_events")
    public Integer promotionEvents;

    @Column(name = "signed_projects")
    public Integer signedProjects;

    @Column(name = "funds_in_place")
    public BigDecimal fundsInPlace;
}
