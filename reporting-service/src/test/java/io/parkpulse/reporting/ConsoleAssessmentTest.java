package io.parkpulse.reporting;

import static io.parkpulse.reporting.AssessmentTest.target;
import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.RankingTest.park;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console's assessment pages without a browser, signed in with real signed tokens: a bureau user reads a
 * quarter's results and a park's score in words, park staff are refused, a scheme version that does not add
 * up comes back with each message beside its field, and no post is taken without the session's form token.
 */
@QuarkusTest
class ConsoleAssessmentTest {

    /** A quarter no other test of this module assesses (AuthorizationMatrixTest lists who takes which). */
    static final String QUARTER = "2017-Q3";

    static final String ADMIN = Tokens.token("bureau-admin", null);

    @Inject
    ConsoleSession sessions;

    static String parkA;
    static String parkB;

    String cookie(String role, String park) {
        return sessions.open(Tokens.token(role, park), false).getValue();
    }

    String formToken(String cookie) {
        return sessions.formToken(sessions.read(cookie).orElseThrow());
    }

    static void output(String park, String value) {
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.VALUE_RECORDED,
                "{\"park\":\"" + park + "\",\"indicator\":\"industrial_output\",\"indicatorName\":\"工业总产值\","
                        + "\"period\":\"2017-09\",\"value\":" + value + ",\"unit\":\"万元\",\"version\":1,"
                        + "\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2017-10-10T10:00:00+08:00\"}",
                null);
    }

    /** Two parks with a 2017 output target, one above it and one at half, and the quarter run through the console. */
    synchronized void assessed() {
        if (parkA != null) {
            return;
        }
        String g = "C" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        park(g + "A", "控制台甲园区", g);
        park(g + "B", "控制台乙园区", g);
        target(g + "A", "industrial_output", 2017, 1000);
        target(g + "B", "industrial_output", 2017, 1000);
        output(g + "A", "1023");
        output(g + "B", "500");
        TestEvents.await(
                "both parks' completion in the read model",
                Duration.ofSeconds(30),
                () -> given().auth()
                                .oauth2(ADMIN)
                                .contentType("application/json")
                                .body(Map.of("quarter", QUARTER))
                                .post("/api/v1/assessments/preview")
                                .then()
                                .extract()
                                .<List<Object>>path("findAll { it.park.startsWith('" + g + "') }.items.flatten()"
                                        + ".findAll { it.item == 'output_completion' && it.input != null }")
                                .size()
                        == 2);
        String admin = cookie("bureau-admin", null);
        given().redirects()
                .follow(false)
                .cookie("pp_console", admin)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", formToken(admin))
                .formParam("confirm", "yes")
                .post("/console/assessments/{q}/run", QUARTER)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/assessments?quarter=" + QUARTER + "&published=1"));
        parkA = g + "A";
        parkB = g + "B";
    }

    @Test
    void aBureauUserReadsTheResultsAndEachScoreInWords() {
        assessed();
        String analyst = cookie("bureau-analyst", null);
        given().cookie("pp_console", analyst)
                .get("/console/assessments?quarter=" + QUARTER + "&published=1")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("2017年第三季度园区综合考核"))
                .body(containsString("已发布第1次考核结果"))
                .body(containsString("控制台甲园区"))
                .body(containsString("工业总产值完成全年任务（10）"))
                .body(containsString("发布记录"))
                .body(containsString("/console/assessments/" + QUARTER + "/parks/" + parkA + "?revision=1"))
                // Only the bureau admin is offered the run.
                .body(not(containsString("更正并重新发布")));
        given().cookie("pp_console", analyst)
                .get("/console/assessments/{q}/parks/{p}?revision=1", QUARTER, parkA)
                .then()
                .statusCode(200)
                .body(containsString("控制台甲园区"))
                .body(containsString("工业总产值完成全年任务：目标完成率102.30%，超过100%，得满分10分"))
                .body(containsString("税收完成全年任务：未报送，不得分（本项满分10分）"))
                .body(containsString("经济发展：得"));
        given().cookie("pp_console", analyst)
                .get("/console/assessments/{q}/parks/{p}", QUARTER, parkB)
                .then()
                .statusCode(200)
                .body(containsString("目标完成率50.00%，未达到100%，按完成比例得5分（本项满分10分）"));
        given().cookie("pp_console", analyst)
                .get("/console/assessments/{q}/preview", QUARTER)
                .then()
                .statusCode(200)
                .body(containsString("试算（未保存、未发布）"))
                .body(containsString("控制台乙园区"));
        given().cookie("pp_console", analyst)
                .get("/console/assessments/{q}/export", QUARTER)
                .then()
                .statusCode(200)
                .contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", containsString(".xlsx"));
        given().cookie("pp_console", analyst)
                .get("/console/assessment-schemes")
                .then()
                .statusCode(200)
                .body(containsString("园区综合考核（默认方案"));
        given().cookie("pp_console", analyst)
                .get("/console/assessment-schemes/default?version=1")
                .then()
                .statusCode(200)
                .body(containsString("功效系数法"))
                .body(containsString("排名前25%"))
                .body(containsString("一票否决"))
                .body(not(containsString("以此方案为基础新建版本")));
        // The park's history of ranks, which the park page shows.
        given().auth()
                .oauth2(Tokens.token("bureau-analyst", null))
                .get("/api/v1/assessment-history/{p}", parkA)
                .then()
                .statusCode(200)
                .body("[0].quarter", equalTo(QUARTER))
                .body("[0].revision", equalTo(1))
                .body("[0].parkName", equalTo("控制台甲园区"))
                .body("[0].ranked", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().auth()
                .oauth2(Tokens.token("bureau-analyst", null))
                .get("/api/v1/assessment-history/{p}", "NEVER-ASSESSED")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void parkStaffAreRefusedTheAssessmentPages() {
        String staff = cookie("park-staff", "ANY-PARK");
        for (String page : new String[] {
            "/console/assessments",
            "/console/assessments/2017-Q3/parks/ANY-PARK",
            "/console/assessment-schemes",
            "/console/assessment-schemes/default/new"
        }) {
            given().cookie("pp_console", staff).get(page).then().statusCode(403).body(containsString("综合考核仅对市局用户开放"));
        }
        given().auth()
                .oauth2(Tokens.token("park-staff", "ANY-PARK"))
                .get("/api/v1/assessment-history/ANY-PARK")
                .then()
                .statusCode(403);
        // Signed out, the pages send to sign in like every other.
        given().redirects()
                .follow(false)
                .get("/console/assessments")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"));
    }

    /** The default scheme as the new-version form posts it back. */
    static Map<String, String> defaultSchemeForm() {
        Map<String, Object> s = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessment-schemes/default?version=1")
                .then()
                .statusCode(200)
                .extract()
                .path("scheme");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", (String) s.get("name"));
        int d = 0;
        for (Object dim : (List<?>) s.get("dimensions")) {
            Map<?, ?> dm = (Map<?, ?>) dim;
            f.put("dimensions[" + d + "].code", (String) dm.get("code"));
            f.put("dimensions[" + d + "].name", (String) dm.get("name"));
            int i = 0;
            for (Object item : (List<?>) dm.get("items")) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) item).entrySet()) {
                    if (e.getValue() != null) {
                        f.put("dimensions[" + d + "].items[" + i + "]." + e.getKey(), String.valueOf(e.getValue()));
                    }
                }
                i++;
            }
            // The spare blank row every dimension has.
            f.put("dimensions[" + d + "].items[" + i + "].code", "");
            d++;
        }
        int a = 0;
        for (Object adj : (List<?>) s.get("adjustments")) {
            Map<?, ?> am = (Map<?, ?>) adj;
            f.put("adjustments[" + a + "].code", (String) am.get("code"));
            f.put("adjustments[" + a + "].name", (String) am.get("name"));
            if (am.get("pointsEach") != null) {
                f.put("adjustments[" + a + "].pointsEach", String.valueOf(am.get("pointsEach")));
            }
            if (Boolean.TRUE.equals(am.get("disqualifies"))) {
                f.put("adjustments[" + a + "].disqualifies", "true");
            }
            a++;
        }
        Map<?, ?> tiers = (Map<?, ?>) s.get("tiers");
        f.put("tiers.mode", (String) tiers.get("mode"));
        int b = 0;
        for (Object band : (List<?>) tiers.get("bands")) {
            f.put("tiers.bands[" + b + "].tier", (String) ((Map<?, ?>) band).get("tier"));
            f.put("tiers.bands[" + b + "].bound", String.valueOf(((Map<?, ?>) band).get("bound")));
            b++;
        }
        return f;
    }

    @Test
    void aNewVersionThatDoesNotAddUpComesBackWithEachMessageBesideItsField() {
        String admin = cookie("bureau-admin", null);
        given().cookie("pp_console", admin)
                .get("/console/assessment-schemes/default/new?version=1")
                .then()
                .statusCode(200)
                .body(containsString("以第1版为基础"))
                .body(containsString("name=\"dimensions[0].items[0].figure\" value=\"completion:industrial_output\""));

        Map<String, String> form = defaultSchemeForm();
        form.put("csrf", formToken(admin));
        form.put("basedOn", "1");
        // The second dimension's second item moves down one row: the blank row before it is not sent, and its
        // error must still land on the row the user typed in.
        form.put("dimensions[1].items[2].code", form.remove("dimensions[1].items[1].code"));
        form.put("dimensions[1].items[2].name", form.remove("dimensions[1].items[1].name"));
        form.put("dimensions[1].items[2].figure", "median:industrial_investment");
        form.remove("dimensions[1].items[1].figure");
        form.put("dimensions[1].items[2].weight", form.remove("dimensions[1].items[1].weight"));
        form.put("dimensions[1].items[2].rule", form.remove("dimensions[1].items[1].rule"));
        form.put("dimensions[1].items[2].floor", form.remove("dimensions[1].items[1].floor"));
        form.put("dimensions[0].items[0].weight", "15");
        Response r = given().cookie("pp_console", admin)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form)
                .post("/console/assessment-schemes/{c}/new", "console-test");
        r.then()
                .statusCode(422)
                .body(containsString("考核方案未通过校验"))
                // The message beside the field it names, and what the user typed kept.
                .body(containsString("name=\"dimensions[1].items[2].figure\" value=\"median:industrial_investment\""
                        + " aria-label=\"第2个维度第3项口径\" size=\"26\" aria-invalid=\"true\""
                        + " aria-describedby=\"f-dimensions-1-items-2-figure-e\">"
                        + "<span class=\"field-error\" id=\"f-dimensions-1-items-2-figure-e\">"
                        + "“median:industrial_investment”不是有效的考核口径"))
                .body(containsString("value=\"15\""))
                // A message about the whole list stands above the form.
                .body(containsString("考核指标：各考核指标权重合计为105分，应为100分"));

        // A number that is not one is named by the API like any other field.
        Map<String, String> typo = defaultSchemeForm();
        typo.put("csrf", formToken(admin));
        typo.put("dimensions[0].items[1].weight", "十");
        given().cookie("pp_console", admin)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(typo)
                .post("/console/assessment-schemes/{c}/new", "console-test")
                .then()
                .statusCode(400)
                .body(containsString("id=\"f-dimensions-0-items-1-weight-e\""))
                .body(containsString("value=\"十\""));

        // Corrected, it is saved as a version of its own scheme and shown.
        Map<String, String> good = defaultSchemeForm();
        good.put("csrf", formToken(admin));
        good.put("name", "控制台测试方案");
        String location = given().redirects()
                .follow(false)
                .cookie("pp_console", admin)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(good)
                .post("/console/assessment-schemes/{c}/new", "console-test")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        given().cookie("pp_console", admin)
                .get(location.replaceFirst("^https?://[^/]+", ""))
                .then()
                .statusCode(200)
                .body(containsString("控制台测试方案"));
    }

    @Test
    void noPostIsTakenWithoutTheSessionsFormToken() {
        String admin = cookie("bureau-admin", null);
        String other = cookie("bureau-admin", null);
        for (String csrf : new String[] {null, "", "forged", formToken(other)}) {
            var run = given().cookie("pp_console", admin)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("confirm", "yes");
            var save = given().cookie("pp_console", admin)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParams(defaultSchemeForm());
            if (csrf != null) {
                run.formParam("csrf", csrf);
                save.formParam("csrf", csrf);
            }
            run.post("/console/assessments/2017-Q4/run").then().statusCode(403).body(containsString("表单已失效"));
            save.post("/console/assessment-schemes/{c}/new", "console-forged")
                    .then()
                    .statusCode(403)
                    .body(containsString("表单已失效"));
        }
        // With the token but without the confirmation box, nothing is published either.
        given().cookie("pp_console", admin)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf", formToken(admin))
                .post("/console/assessments/2017-Q4/run")
                .then()
                .statusCode(400)
                .body(containsString("请勾选确认框"));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/2017-Q4").then().statusCode(404);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessment-schemes/console-forged")
                .then()
                .statusCode(404);
    }
}
