package io.parkpulse.common.events.payload;

import java.time.OffsetDateTime;

/**
 * A park's narrative report (工作总结) as kept by indicators-service: who uploaded it and when, the SHA-256 and size
 * of the exact bytes, the period it covers, and how many figures its draft proposed and how many were confirmed.
 * The text is not carried: it stays with the service that keeps the document. {@code version} grows with each change
 * (1 uploaded, 2 confirmed).
 */
public record NarrativeReportState(
        long id,
        String park,
        String fileName,
        String contentType,
        int sizeBytes,
        String sha256,
        String period,
        String detectedPeriod,
        String status,
        int proposedRows,
        Integer confirmedRows,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        String confirmedBy,
        OffsetDateTime confirmedAt,
        long version) {}
