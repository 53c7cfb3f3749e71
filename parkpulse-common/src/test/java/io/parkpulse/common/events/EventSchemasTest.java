package io.parkpulse.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.common.events.payload.ParkState;
import io.parkpulse.common.events.payload.ProjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published JSON Schemas (docs/events/schemas) and the payload records must not drift apart. */
class EventSchemasTest {

    static final Map<String, Class<? extends Record>> PAYLOADS = Map.ofEntries(
            Map.entry("park-state.v1.json", ParkState.class),
            Map.entry("indicator-value-recorded.v1.json", IndicatorValueRecorded.class),
            Map.entry(
                    "indicator-values-recorded.v1.json",
                    io.parkpulse.common.events.payload.IndicatorValuesRecorded.class),
            Map.entry("project-state.v1.json", ProjectState.class),
            Map.entry("lead-state.v1.json", LeadState.class),
            Map.entry("target-state.v1.json", io.parkpulse.common.events.payload.TargetState.class),
            Map.entry("indicator-definition.v1.json", io.parkpulse.common.events.payload.IndicatorDefinition.class),
            Map.entry("quarter-closed.v1.json", io.parkpulse.common.events.payload.QuarterClosed.class),
            Map.entry("project-progress.v1.json", io.parkpulse.common.events.payload.ProjectProgress.class),
            Map.entry("project-problem.v1.json", io.parkpulse.common.events.payload.ProjectProblem.class),
            Map.entry("activity-state.v1.json", io.parkpulse.common.events.payload.ActivityState.class),
            Map.entry("funds-reported.v1.json", io.parkpulse.common.events.payload.FundsReported.class),
            Map.entry("investment-target.v1.json", io.parkpulse.common.events.payload.InvestmentTargetState.class),
            Map.entry("assessment-published.v1.json", io.parkpulse.common.events.payload.AssessmentPublished.class),
            Map.entry("summary-note.v1.json", io.parkpulse.common.events.payload.SummaryNote.class),
            Map.entry("review-flags-changed.v1.json", io.parkpulse.common.events.payload.ReviewFlagsChanged.class),
            Map.entry("report-receipt.v1.json", io.parkpulse.common.events.payload.ReportReceipt.class),
            Map.entry("narrative-report.v1.json", io.parkpulse.common.events.payload.NarrativeReportState.class));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "park-state.v1.json",
                "indicator-value-recorded.v1.json",
                "indicator-values-recorded.v1.json",
                "project-state.v1.json",
                "lead-state.v1.json",
                "target-state.v1.json",
                "indicator-definition.v1.json",
                "quarter-closed.v1.json",
                "project-progress.v1.json",
                "project-problem.v1.json",
                "activity-state.v1.json",
                "funds-reported.v1.json",
                "investment-target.v1.json",
                "assessment-published.v1.json",
                "summary-note.v1.json",
                "review-flags-changed.v1.json",
                "report-receipt.v1.json",
                "narrative-report.v1.json"
            })
    void schemaPropertiesAreExactlyTheRecordComponents(String file) throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("../docs/events/schemas", file)));
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = Arrays.stream(PAYLOADS.get(file).getRecordComponents())
                .map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(components, properties, file);
        schema.get("required").forEach(r -> assertTrue(components.contains(r.asText()), file + " requires " + r));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                EventTypes.PARK_REGISTERED,
                EventTypes.PARK_UPDATED,
                EventTypes.VALUE_RECORDED,
                EventTypes.VALUES_RECORDED,
                EventTypes.TARGET_SET,
                EventTypes.INDICATOR_DEFINED,
                EventTypes.INDICATOR_RETIRED,
                EventTypes.QUARTER_CLOSED,
                EventTypes.PROJECT_REGISTERED,
                EventTypes.PROJECT_UPDATED,
                EventTypes.PROJECT_STAGE_CHANGED,
                EventTypes.PROGRESS_REPORTED,
                EventTypes.PROBLEM_RAISED,
                EventTypes.PROBLEM_UPDATED,
                EventTypes.PROBLEM_RESOLVED,
                EventTypes.LEAD_REGISTERED,
                EventTypes.LEAD_UPDATED,
                EventTypes.LEAD_STAGE_CHANGED,
                EventTypes.ACTIVITY_RECORDED,
                EventTypes.ACTIVITY_UPDATED,
                EventTypes.FUNDS_REPORTED,
                EventTypes.INVESTMENT_TARGET_SET,
                EventTypes.ASSESSMENT_PUBLISHED,
                EventTypes.SUMMARY_NOTE_WRITTEN,
                EventTypes.FLAGS_CHANGED,
                EventTypes.REPORT_RECEIVED,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                EventTypes.NARRATIVE_REPORT_CONFIRMED
            })
    void everyEventTypeIsInTheAsyncApiDocument(String type) throws Exception {
        assertTrue(Files.readString(Path.of("../docs/events/asyncapi.yaml")).contains("name: " + type), type);
    }
}
