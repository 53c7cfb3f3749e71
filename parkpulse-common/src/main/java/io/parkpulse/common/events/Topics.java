package io.parkpulse.common.events;

import java.util.List;
import java.util.Map;

/** One topic per owning service; the key of every record is the park code. */
public final class Topics {
    public static final String PARKS = "parkpulse.parks";
    public static final String INDICATORS = "parkpulse.indicators";
    public static final String PROJECTS = "parkpulse.projects";
    public static final String INVESTMENT = "parkpulse.investment";
    public static final String ASSESSMENTS = "parkpulse.assessments";

    public static final List<String> ALL = List.of(PARKS, INDICATORS, PROJECTS, INVESTMENT, ASSESSMENTS);

    /**
     * The service that publishes to each topic. It creates and checks the topic at start (so do the services
     * that read it, which must not find it missing or misconfigured either).
     */
    public static final Map<String, String> OWNERS = Map.of(
            PARKS, "indicators-service",
            INDICATORS, "indicators-service",
            PROJECTS, "projects-service",
            INVESTMENT, "investment-service",
            ASSESSMENTS, "reporting-service");

    /** Where a consumer parks a record it can never process. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}
