package io.parkpulse.common.events;

import java.util.List;

/** One topic per owning service; the key of every record is the park code. */
public final class Topics {
    public static final String PARKS = "parkpulse.parks";
    public static final String INDICATORS = "parkpulse.indicators";
    public static final String PROJECTS = "parkpulse.projects";
    public static final String INVESTMENT = "parkpulse.investment";
    public static final String ASSESSMENTS = "parkpulse.assessments";

    public static final List<String> ALL = List.of(PARKS, INDICATORS, PROJECTS, INVESTMENT, ASSESSMENTS);

    /** Where a consumer parks a record it can never process. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}
