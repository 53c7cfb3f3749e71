package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A park's narrative report as uploaded, with the draft of figures read from it. DRAFT until a person confirms
 * rows from it through the batch path; CONFIRMED keeps the batch's answer, so a second confirmation repeats it
 * instead of storing twice.
 */
@Entity
@Table(name = "narrative_report")
public class NarrativeReport extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String CONFIRMED = "CONFIRMED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public String sha256;

    /** The bytes as uploaded; lists never load it (they select their columns: NarrativeReportRepository.ofPark). */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    /** The text the figures were read from; spans in the draft are offsets into it. */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public String text;

    @Column(name = "detected_period")
    public String detectedPeriod;

    @Column(name = "detected_evidence")
    public String detectedEvidence;

    /** The period the draft uses: the caller's override, else the detected one. */
    @Column
    public String period;

    @Column(name = "period_overridden", nullable = false)
    public boolean periodOverridden;

    /** The draft's figures as JSON, read and written whole. */
    @Column(nullable = false)
    public String draft;

    /** The values the draft proposes to store (the catalog's rows): kept so that a list need not read drafts. */
    @Column(name = "proposed_rows", nullable = false)
    public int proposedRows;

    /** The rows the confirming person sent; null until confirmed. */
    @Column(name = "confirmed_rows")
    public Integer confirmedRows;

    @Column(nullable = false)
    public String status;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    /** The batch's answer at confirmation, as JSON. */
    @Column
    public String outcome;

    @Column(nullable = false)
    public long version;
}
