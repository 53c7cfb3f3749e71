package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A park's narrative report (工作总结) as kept by indicators-service: who uploaded it and when, the SHA-256 and size
 * of the exact bytes, the period it covers, and how many figures its draft proposed and how many were confirmed.
 * The text is not carried: it stays with the service that keeps the document. {@code version} grows with each change
 * (1 uploaded, 2 confirmed).
 *
 * <p>{@code statedFigures} are the figures the report states as the park's own achieved ones: the catalog's
 * indicators ({@code owner} "indicators") and the figures investment-service and projects-service own (到位资金,
 * 签约/开工/竣工项目数: {@code owner} "investment" or "projects"). They travel so that reporting-service can check the
 * latter against its read model: indicators-service has no copy of those figures. Uploaded: as the draft read them;
 * confirmed: the catalog rows as the person accepted them, then the draft's pipeline figures
 * (docs/narrative-import.md, "Events").
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
        long version,
        List<StatedFigure> statedFigures) {

    /**
     * One figure as the report states it. {@code value} in {@code unit} (the catalog's, or the owner's for a
     * pipeline figure), {@code rounding} half a unit of its last written digit in that unit; {@code growthPct} and
     * {@code completionPct} as stated with it, null when not; {@code start}/{@code end} its span in the document's
     * text, {@code sentence} at most 200 characters of the sentence it came from, around it (an event stays small).
     * {@code growthRounding}/{@code completionRounding}: half a unit of the rate's last written digit, because JSON
     * writes "4.0" as 4; null (events written before) reads it from the rate itself.
     */
    public record StatedFigure(
            String code,
            String owner,
            String period,
            BigDecimal value,
            String unit,
            BigDecimal rounding,
            String stated,
            BigDecimal growthPct,
            BigDecimal completionPct,
            String sentence,
            int start,
            int end,
            BigDecimal growthRounding,
            BigDecimal completionRounding) {}

    public NarrativeReportState {
        statedFigures = statedFigures == null ? List.of() : List.copyOf(statedFigures);
    }
}
