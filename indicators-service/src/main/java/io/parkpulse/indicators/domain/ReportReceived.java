package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The day the bureau received a park's report for a month (报表签收登记). A later registration replaces the
 * earlier one as a new version; every version went out as an event.
 */
@Entity
@Table(name = "report_receipt")
public class ReportReceived extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "park_code") String park,
            @Column(name = "period") String period) implements Serializable {}

    @EmbeddedId
    public Key id;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column
    public String note;

    @Column(nullable = false)
    public long version;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
