package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.body;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
import static io.parkpulse.projects.Projects.transition;
import static io.parkpulse.projects.Projects.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LifecycleApiTest {

    @Test
    void aProjectGoesFromSigningToProductionWithEveryStepDatedAndRecorded() {
        String park = knownPark();
        String staff = Tokens.token("park-staff", park);
        String id = Projects.register(staff, body(null, Map.of()))
                .statusCode(201)
                .body("park", equalTo(park))
                .body("stage", equalTo("SIGNED"))
                .body("stageLabel", equalTo("签约"))
                .body("keyLevelLabel", equalTo("市重点"))
                .body("totalInvestment", equalTo(52000))
                .body("yearPlannedInvestment", equalTo(12000))
                .body("unit", equalTo("万元"))
                .body("allowedTransitions", contains("LAND_SUPPLIED", "UNDER_CONSTRUCTION", "SUSPENDED", "TERMINATED"))
                .extract()
                .path("id");

        transition(staff, id, "LAND_SUPPLIED", "2025-02-20", null)
                .statusCode(200)
                .body("stageLabel", equalTo("供地"));
        transition(staff, id, "UNDER_CONSTRUCTION", "2025-03-05", null)
                .statusCode(200)
                .body("startedOn", equalTo("2025-03-05"));
        transition(staff, id, "SUSPENDED", "2025-05-01", "环保督察整改")
                .statusCode(200)
                .body("suspendedFrom", equalTo("UNDER_CONSTRUCTION"))
                .body("allowedTransitions", contains("UNDER_CONSTRUCTION", "TERMINATED"));
        transition(staff, id, "UNDER_CONSTRUCTION", "2025-06-01", null)
                .statusCode(200)
                .body("suspendedFrom", nullValue())
                .body("startedOn", equalTo("2025-03-05"));
        transition(staff, id, "COMPLETED", "2025-09-30", null)
                .statusCode(200)
                .body("completedOn", equalTo("2025-09-30"));
        transition(staff, id, "TRIAL_PRODUCTION", "2025-10-15", null).statusCode(200);
        transition(staff, id, "IN_PRODUCTION", "2025-11-20", null)
                .statusCode(200)
                .body("productionOn", equalTo("2025-11-20"))
                .body("allowedTransitions", empty())
                .body("status.colour", equalTo("GREEN"));

        given().auth()
                .oauth2(Tokens.token("bureau-analyst", null))
                .get("/api/v1/projects/{id}/transitions", id)
                .then()
                .statusCode(200)
                .body(
                        "to",
                        contains(
                                "SIGNED",
                                "LAND_SUPPLIED",
                                "UNDER_CONSTRUCTION",
                                "SUSPENDED",
                                "UNDER_CONSTRUCTION",
                                "COMPLETED",
                                "TRIAL_PRODUCTION",
                                "IN_PRODUCTION"))
                .body(
                        "on",
                        contains(
                                "2025-01-10",
                                "2025-02-20",
                                "2025-03-05",
                                "2025-05-01",
                                "2025-06-01",
                                "2025-09-30",
                                "2025-10-15",
                                "2025-11-20"))
                .body("[3].reason", equalTo("环保督察整改"))
                .body("[3].toLabel", equalTo("停工"))
                .body("by", hasItem("park-staff"));
    }

    @Test
    void anIllegalTransitionIs409ListingWhatIsAllowedAndATerminatedProjectMovesNoMore() {
        String park = knownPark();
        String id = project(park, Map.of());
        transition(ADMIN, id, "COMPLETED", null, null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("illegal_transition"))
                .body("context.from", equalTo("SIGNED"))
                .body("context.allowed", contains("LAND_SUPPLIED", "UNDER_CONSTRUCTION", "SUSPENDED", "TERMINATED"));
        transition(ADMIN, id, "TERMINATED", "2025-04-01", null)
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        transition(ADMIN, id, "TERMINATED", "2025-04-01", "土地依法收回")
                .statusCode(200)
                .body("terminatedReason", equalTo("土地依法收回"))
                .body("status.colour", equalTo("NONE"));
        transition(ADMIN, id, "UNDER_CONSTRUCTION", null, null)
                .statusCode(409)
                .body("code", equalTo("illegal_transition"))
                .body("context.allowed", empty());
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/transitions", id)
                .then()
                .body("size()", equalTo(2));
    }

    @Test
    void transitionDatesMayNotBeInTheFutureNorBeforeTheCurrentStage() {
        String id = project(knownPark(), Map.of());
        transition(
                        ADMIN,
                        id,
                        "LAND_SUPPLIED",
                        (io.parkpulse.common.periods.CityTime.today().getYear() + 1) + "-01-01",
                        null)
                .statusCode(422)
                .body("errors[0].field", equalTo("on"))
                .body("code", equalTo("future_date"));
        transition(ADMIN, id, "LAND_SUPPLIED", "2024-12-31", null)
                .statusCode(422)
                .body("errors[0].field", equalTo("on"))
                .body("code", equalTo("before_current_stage"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}", id)
                .then()
                .body("stage", equalTo("SIGNED"))
                .body("version", equalTo(0));
    }

    @Test
    void editsNeedTheCurrentVersionAndOfTwoConcurrentEditsTheStaleOneGets409() throws Exception {
        String id = project(knownPark(), Map.of());
        Map<String, Object> edit =
                new java.util.LinkedHashMap<>(body(null, Map.of("name", "改名后的项目", "keyLevel", "PROVINCIAL")));
        edit.keySet().removeAll(List.of("signedOn"));
        edit.put("version", 0);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/v1/projects/{id}", id)
                .then()
                .statusCode(200)
                .body("name", equalTo("改名后的项目"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/v1/projects/{id}", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("stale_version"))
                .body("context.currentVersion", equalTo(1));

        // Eight editors read version 1 and write at once: exactly one wins, the others are told, none is lost silently.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> mine = new java.util.LinkedHashMap<>(edit);
            mine.put("version", 1);
            mine.put("leader", "领导" + i);
            calls.add(() -> given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(mine)
                    .put("/api/v1/projects/{id}", id)
                    .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(2, version(id));
    }

    @Test
    void everyChangeIsPublishedWithTheStateAConsumerNeeds() {
        String park = knownPark();
        String id = project(park, Map.of());
        transition(ADMIN, id, "UNDER_CONSTRUCTION", "2025-03-01", null).statusCode(200);
        Projects.progress(ADMIN, id, "2025-03", 800, 800, 5, null).statusCode(201);
        String problem = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("description", "施工用电未接入", "raisedOn", "2025-03-10", "department", "供电公司"))
                .post("/api/v1/projects/{id}/problems", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("resolution", "临时用电已接通", "resolvedOn", "2025-03-20", "version", 0))
                .post("/api/v1/projects/{id}/problems/{p}/resolve", id, problem)
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> events = TestEvents.read(
                Projects.bootstrap(),
                Topics.PROJECTS,
                r -> park.equals(r.key()) && r.value().contains(id),
                6,
                Duration.ofSeconds(30));
        List<String> types = events.stream()
                .map(r -> CloudEventHeaders.get(r.headers(), "ce_type"))
                .toList();
        assertEquals(
                List.of(
                        EventTypes.PROJECT_REGISTERED,
                        EventTypes.PROJECT_STAGE_CHANGED,
                        EventTypes.PROGRESS_REPORTED,
                        EventTypes.PROJECT_UPDATED,
                        EventTypes.PROBLEM_RAISED,
                        EventTypes.PROBLEM_RESOLVED),
                types);
        io.restassured.path.json.JsonPath stage =
                new io.restassured.path.json.JsonPath(events.get(1).value());
        assertEquals("UNDER_CONSTRUCTION", stage.getString("stage"));
        assertEquals("2025-03-01", stage.getString("startedOn"));
        assertEquals(1, stage.getInt("version"));
        io.restassured.path.json.JsonPath progress =
                new io.restassured.path.json.JsonPath(events.get(2).value());
        assertEquals("2025-03", progress.getString("period"));
        assertEquals(800, progress.getInt("investmentCompleted"));
        io.restassured.path.json.JsonPath resolved =
                new io.restassured.path.json.JsonPath(events.get(5).value());
        assertEquals("RESOLVED", resolved.getString("status"));
        assertEquals("2025-03-20", resolved.getString("resolvedOn"));
    }

    @Test
    void searchFiltersByParkStageKindKeyLevelColourAndTextWithPagingAndSorting() {
        String park = knownPark();
        int later = io.parkpulse.common.periods.CityTime.today().getYear() + 3;
        Map<String, Object> future = Map.of("plannedStart", later + "-01-01", "plannedCompletion", later + "-12-31");
        String a = project(
                park,
                with(
                        future,
                        Map.of(
                                "name",
                                "智能装备产业园",
                                "enterprise",
                                "华东机电集团",
                                "kind",
                                "INDUSTRIAL",
                                "totalInvestment",
                                10000,
                                "yearPlannedInvestment",
                                1000)));
        String b = project(
                park,
                with(
                        future,
                        Map.of(
                                "name",
                                "园区污水处理厂",
                                "enterprise",
                                "市水务集团",
                                "kind",
                                "INFRASTRUCTURE",
                                "keyLevel",
                                "PROVINCIAL",
                                "totalInvestment",
                                20000,
                                "yearPlannedInvestment",
                                1000)));
        // Planned to start in January 2024 and still not started: red for being long overdue.
        String c = project(
                park,
                Map.of(
                        "name",
                        "标准厂房三期",
                        "enterprise",
                        "园区开发公司",
                        "kind",
                        "STANDARD_FACTORY",
                        "keyLevel",
                        "NONE",
                        "plannedStart",
                        "2024-01-01",
                        "plannedCompletion",
                        "2025-12-31",
                        "signedOn",
                        "2023-12-01",
                        "totalInvestment",
                        30000,
                        "yearPlannedInvestment",
                        1000));
        // Under construction since April 2025 without a single progress report: stalled, yellow.
        String d = project(
                park,
                with(
                        future,
                        Map.of(
                                "name",
                                "厂区道路工程",
                                "enterprise",
                                "市政建设公司",
                                "kind",
                                "INFRASTRUCTURE",
                                "keyLevel",
                                "NONE",
                                "totalInvestment",
                                40000,
                                "yearPlannedInvestment",
                                1000)));
        transition(ADMIN, d, "UNDER_CONSTRUCTION", "2025-04-01", null).statusCode(200);

        search(Map.of("park", park, "kind", "INFRASTRUCTURE", "sort", "totalInvestment"))
                .body("items.id", contains(b, d));
        search(Map.of("park", park, "stage", "UNDER_CONSTRUCTION")).body("items.id", contains(d));
        search(Map.of("park", park, "keyLevel", "PROVINCIAL")).body("items.id", contains(b));
        search(Map.of("park", park, "q", "水务")).body("items.id", contains(b));
        search(Map.of("park", park, "q", "智能装备")).body("items.id", contains(a));
        search(Map.of("park", park, "q", "100%_")).body("total", equalTo(0));
        search(Map.of("park", park, "colour", "RED"))
                .body("items.id", contains(c))
                .body("items[0].status.reasons.rule", hasItem("start"));
        search(Map.of("park", park, "colour", "YELLOW"))
                .body("items.id", contains(d))
                .body("items[0].status.stalled", equalTo(true));
        search(Map.of("park", park, "colour", "GREEN", "sort", "-totalInvestment"))
                .body("items.id", contains(b, a));
        search(Map.of("park", park, "sort", "-totalInvestment", "size", 2))
                .body("total", equalTo(4))
                .body("items.id", contains(d, c));
        search(Map.of("park", park, "sort", "-totalInvestment", "size", 2, "page", 1))
                .body("items.id", contains(b, a));
        search(Map.of("park", park, "sort", "secret")).statusCode(400).body("errors[0].field", equalTo("sort"));
        search(Map.of("park", park, "colour", "PURPLE")).statusCode(400).contentType("application/problem+json");
    }

    static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    static io.restassured.response.ValidatableResponse search(Map<String, Object> query) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParams(query)
                .get("/api/v1/projects")
                .then();
    }
}
