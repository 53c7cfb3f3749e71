package io.parkpulse.common.events.payload;

import java.time.OffsetDateTime;

/**
 * A section of a written summary that people write themselves (主要工作及成效, 存在的问题和建议, 下步工作打算),
 * saved as a new version. {@code scope} is {@code CITY} or a park's code, which is also the key and subject;
 * {@code period} is the summary's period ({@code YYYY-MM}, {@code YYYY-Qn}, {@code YYYY-H1/H2} or {@code YYYY}).
 */
public record SummaryNote(
        String scope,
        String period,
        String section,
        int version,
        String text,
        String writtenBy,
        OffsetDateTime writtenAt) {}
