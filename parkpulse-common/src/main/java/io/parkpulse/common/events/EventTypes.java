package io.parkpulse.common.events;

/**
 * Every event type on the platform: {@code parkpulse.<domain>.<what-happened>.v<n>}. The JSON Schema
 * of each payload is in docs/events/schemas, and docs/events/asyncapi.yaml lists them per topic.
 */
public final class EventTypes {
    public static final String PARK_REGISTERED = "parkpulse.parks.park-registered.v1";
    public static final String PARK_UPDATED = "parkpulse.parks.park-updated.v1";

    public static final String VALUE_RECORDED = "parkpulse.indicators.value-recorded.v1";
    /** A batch request's changes as one event (at most {@code IndicatorValuesRecorded.MAX_VALUES} each). */
    public static final String VALUES_RECORDED = "parkpulse.indicators.values-recorded.v1";

    public static final String TARGET_SET = "parkpulse.indicators.target-set.v1";
    public static final String INDICATOR_DEFINED = "parkpulse.indicators.indicator-defined.v1";
    public static final String INDICATOR_RETIRED = "parkpulse.indicators.indicator-retired.v1";
    /** Review flags raised, explained, cleared, rejected or superseded by one request, as their new states. */
    public static final String FLAGS_CHANGED = "parkpulse.indicators.flags-changed.v1";
    /** The bureau registered the day it received a park's monthly report (on paper, by mail, in person). */
    public static final String REPORT_RECEIVED = "parkpulse.indicators.report-received.v1";
    /** A park's narrative report was uploaded and kept, with the draft of figures read from it. */
    public static final String NARRATIVE_REPORT_UPLOADED = "parkpulse.indicators.narrative-report-uploaded.v1";
    /** A person confirmed figures of a narrative report's draft; the values themselves go out as values-recorded. */
    public static final String NARRATIVE_REPORT_CONFIRMED = "parkpulse.indicators.narrative-report-confirmed.v1";

    public static final String QUARTER_CLOSED = "parkpulse.assessments.quarter-closed.v1";
    public static final String ASSESSMENT_PUBLISHED = "parkpulse.assessments.assessment-published.v1";
    /** A written summary's section that people write (亮点, 问题, 下步工作), as a new version. */
    public static final String SUMMARY_NOTE_WRITTEN = "parkpulse.assessments.summary-note-written.v1";

    public static final String PROJECT_REGISTERED = "parkpulse.projects.project-registered.v1";
    public static final String PROJECT_UPDATED = "parkpulse.projects.project-updated.v1";
    public static final String PROJECT_STAGE_CHANGED = "parkpulse.projects.stage-changed.v1";
    public static final String PROGRESS_REPORTED = "parkpulse.projects.progress-reported.v1";
    public static final String PROBLEM_RAISED = "parkpulse.projects.problem-raised.v1";
    public static final String PROBLEM_UPDATED = "parkpulse.projects.problem-updated.v1";
    public static final String PROBLEM_RESOLVED = "parkpulse.projects.problem-resolved.v1";

    public static final String LEAD_REGISTERED = "parkpulse.investment.lead-registered.v1";
    public static final String LEAD_UPDATED = "parkpulse.investment.lead-updated.v1";
    public static final String LEAD_STAGE_CHANGED = "parkpulse.investment.lead-stage-changed.v1";
    public static final String ACTIVITY_RECORDED = "parkpulse.investment.activity-recorded.v1";
    public static final String ACTIVITY_UPDATED = "parkpulse.investment.activity-updated.v1";
    public static final String FUNDS_REPORTED = "parkpulse.investment.funds-reported.v1";
    public static final String INVESTMENT_TARGET_SET = "parkpulse.investment.target-set.v1";

    private EventTypes() {}
}
