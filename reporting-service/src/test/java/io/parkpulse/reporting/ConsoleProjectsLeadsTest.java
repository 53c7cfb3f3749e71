package io.parkpulse.reporting;

import static io.parkpulse.reporting.ConsoleStubServices.LEAD;
import static io.parkpulse.reporting.ConsoleStubServices.PARK;
import static io.parkpulse.reporting.ConsoleStubServices.PROBLEM;
import static io.parkpulse.reporting.ConsoleStubServices.PROJECT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Park staff's projects and leads pages without the other services: projects-service and investment-service are
 * stood in for by {@link ConsoleStubServices}, so the pages render from documents shaped like theirs, and what the
 * console sends is recorded. Another park's pages are refused as the services refuse them, nothing is posted without
 * the session's form token, the lifecycle offers only the moves the project allows, and a refusal comes back with
 * each message beside its field and the user's input kept. The real services: parkpulse-cli ConsoleIT.
 */
@QuarkusTest
// The stub is every test's (no second Quarkus start): no other page of this module calls these two services.
@QuarkusTestResource(value = ConsoleStubServices.class, restrictToAnnotatedClass = false)
class ConsoleProjectsLeadsTest {

    @Inject
    ConsoleSession sessions;

    String cookie(String role, String park) {
        return sessions.open(Tokens.token(role, park), false).getValue();
    }

    String formToken(String cookie) {
        return sessions.formToken(sessions.read(cookie).orElseThrow());
    }

    RequestSpecification as(String cookie) {
        return given().redirects().follow(false).cookie("pp_console", cookie);
    }

    RequestSpecification post(String cookie, Map<String, String> form) {
        return as(cookie)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form);
    }

    @Test
    void anotherParksPagesAreRefusedAsTheServicesRefuseThem() {
        String staff = cookie("park-staff", PARK);
        int before = ConsoleStubServices.touching("OTHER-PARK").size();
        for (String page : List.of("/console/parks/OTHER-PARK/projects", "/console/parks/OTHER-PARK/leads")) {
            as(staff)
                    .get(page)
                    .then()
                    .statusCode(404)
                    .body(containsString("园区“OTHER-PARK”不存在"))
                    .body(not(containsString("登记线索")));
        }
        post(staff, Map.of("csrf", formToken(staff), "projectName", "x", "investor", "y", "intendedInvestment", "1"))
                .post("/console/parks/OTHER-PARK/leads")
                .then()
                .statusCode(404)
                .body(containsString("园区“OTHER-PARK”不存在"));
        assertEquals(before, ConsoleStubServices.touching("OTHER-PARK").size(), "nothing of another park is asked");
        // Signed out, the pages go to sign-in like every other.
        for (String page : List.of(
                "/console/parks/" + PARK + "/projects",
                "/console/projects/" + PROJECT,
                "/console/parks/" + PARK + "/leads",
                "/console/leads/" + LEAD)) {
            given().redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(303)
                    .header("Location", endsWith("/console/sign-in"));
        }
    }

    @Test
    void noPostIsTakenWithoutTheSessionsFormToken() {
        String staff = cookie("park-staff", PARK);
        String otherSession = cookie("park-staff", PARK + "X");
        int writes = ConsoleStubServices.writes().size();
        List<String> posts = List.of(
                "/console/projects/" + PROJECT + "/transitions",
                "/console/projects/" + PROJECT + "/progress",
                "/console/projects/" + PROJECT + "/problems",
                "/console/projects/" + PROJECT + "/problems/" + PROBLEM + "/resolve",
                "/console/parks/" + PARK + "/leads",
                "/console/leads/" + LEAD + "/transitions",
                "/console/leads/" + LEAD + "/activities",
                "/console/leads/" + LEAD + "/funds");
        for (String path : posts) {
            post(staff, Map.of("to", "COMPLETED", "version", "3", "period", "2025-04"))
                    .post(path)
                    .then()
                    .statusCode(403)
                    .body(containsString("表单已失效"));
            // Another session's token is no token for this one.
            post(staff, Map.of("csrf", formToken(otherSession), "to", "COMPLETED", "version", "3"))
                    .post(path)
                    .then()
                    .statusCode(403);
        }
        assertEquals(writes, ConsoleStubServices.writes().size(), "nothing reached a service");
    }

    @Test
    void theRegisterAndAProjectPageOfferOnlyTheMovesTheProjectAllows() {
        String staff = cookie("park-staff", PARK);
        as(staff)
                .get("/console/parks/" + PARK + "/projects")
                .then()
                .statusCode(200)
                .body(containsString("智能装备产业园一期"))
                .body(containsString("/console/projects/" + PROJECT))
                .body(containsString("在建"))
                .body(containsString("红灯"))
                .body(containsString("欠时序进度15.00个百分点"))
                .body(containsString("停滞4个月"))
                .body(containsString("35%"));
        String page = as(staff)
                .get("/console/projects/" + PROJECT)
                .then()
                .statusCode(200)
                .body(containsString("data-to=\"COMPLETED\""))
                .body(containsString("data-to=\"SUSPENDED\""))
                .body(containsString("data-to=\"TERMINATED\""))
                .body(not(containsString("data-to=\"IN_PRODUCTION\"")))
                .body(not(containsString("data-to=\"LAND_SUPPLIED\"")))
                .body(containsString("停工原因"))
                .body(containsString("name=\"version\" value=\"3\""))
                .body(containsString("电力增容工程未完成"))
                .body(containsString("已逾期"))
                .body(containsString("2栋厂房主体已建成"))
                .body(containsString("2025年计划"))
                .body(containsString("完成10%，欠时序进度15"))
                .body(containsString("保存月度进展"))
                .extract()
                .asString();
        assertTrue(page.contains("项目建设") && page.contains("招商引资"), "park staff's navigation links both pages");
        // The bureau's analyst reads the same page without a form.
        as(cookie("bureau-analyst", null))
                .get("/console/projects/" + PROJECT)
                .then()
                .statusCode(200)
                .body(containsString("当前可转为：竣工、停工、终止"))
                .body(not(containsString("保存月度进展")))
                .body(not(containsString("登记问题")));
    }

    @Test
    void aMoveIsSentWithItsVersionAndARefusalIsSaidInTheOfficesWords() {
        String staff = cookie("park-staff", PARK);
        String csrf = formToken(staff);
        String transitions = "/console/projects/" + PROJECT + "/transitions";
        post(staff, Map.of("csrf", csrf, "to", "COMPLETED", "version", "3", "on", "2025-04-02"))
                .post(transitions)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/projects/" + PROJECT + "?saved=transition"));
        var sent = ConsoleStubServices.writes().get(ConsoleStubServices.writes().size() - 1);
        assertEquals("COMPLETED", sent.body().path("to").asText());
        assertEquals(3, sent.body().path("version").asLong());
        assertEquals("2025-04-02", sent.body().path("on").asText());
        // Someone changed the project since the page was read.
        post(staff, Map.of("csrf", csrf, "to", "COMPLETED", "version", "2", "on", "2025-04-02"))
                .post(transitions)
                .then()
                .statusCode(409)
                .body(containsString("该项目已被他人修改，请刷新后重试"));
        // A refused date stands beside the date, as typed.
        post(staff, Map.of("csrf", csrf, "to", "SUSPENDED", "version", "3", "on", "2099-01-01", "reason", "资金链断裂"))
                .post(transitions)
                .then()
                .statusCode(400)
                .body(containsString("id=\"on-SUSPENDED-e\">日期不能晚于今天"))
                .body(containsString("value=\"2099-01-01\""))
                .body(containsString("资金链断裂"));
    }

    @Test
    void aRefusedProgressReportComesBackWithTheMessageBesideItsField() {
        String staff = cookie("park-staff", PARK);
        String csrf = formToken(staff);
        post(
                        staff,
                        Map.of(
                                "csrf",
                                csrf,
                                "period",
                                "2025-04",
                                "investmentCompleted",
                                "3500",
                                "investmentCompletedThisYear",
                                "1700",
                                "physicalProgress",
                                "150",
                                "milestones",
                                "主体封顶"))
                .post("/console/projects/" + PROJECT + "/progress")
                .then()
                .statusCode(400)
                .body(containsString("提交未成功"))
                .body(containsString("id=\"physicalProgress-e\">必须小于或等于100"))
                .body(matchesPattern("(?s).*id=\"physicalProgress\"[^>]*value=\"150\".*"))
                .body(containsString("主体封顶"));
        post(
                        staff,
                        Map.of(
                                "csrf",
                                csrf,
                                "period",
                                "2025-04",
                                "investmentCompleted",
                                "3,500",
                                "investmentCompletedThisYear",
                                "1700",
                                "physicalProgress",
                                "40"))
                .post("/console/projects/" + PROJECT + "/progress")
                .then()
                .statusCode(303)
                .header("Location", endsWith("?saved=progress"));
        var sent = ConsoleStubServices.writes().get(ConsoleStubServices.writes().size() - 1);
        assertTrue(sent.path().endsWith("/progress/2025-04"), sent.path());
        assertEquals(
                0, sent.body().path("investmentCompleted").decimalValue().compareTo(new java.math.BigDecimal(3500)));
        // Without a month there is nothing to send: the console says so beside the month.
        post(staff, Map.of("csrf", csrf, "physicalProgress", "40"))
                .post("/console/projects/" + PROJECT + "/progress")
                .then()
                .statusCode(400)
                .body(containsString("id=\"period-e\">请选择填报月份"));
        // A problem raised and one resolved go to the ledger.
        post(staff, Map.of("csrf", csrf, "description", "施工许可证办理滞后", "department", "住建局", "dueOn", "2025-05-30"))
                .post("/console/projects/" + PROJECT + "/problems")
                .then()
                .statusCode(303)
                .header("Location", endsWith("?saved=problem"));
        post(staff, Map.of("csrf", csrf, "resolution", "已完成增容", "version", "2"))
                .post("/console/projects/" + PROJECT + "/problems/" + PROBLEM + "/resolve")
                .then()
                .statusCode(303);
        sent = ConsoleStubServices.writes().get(ConsoleStubServices.writes().size() - 1);
        assertEquals(2, sent.body().path("version").asLong());
    }

    @Test
    void leadsAreListedRegisteredAndMovedAlongThePipeline() {
        String staff = cookie("park-staff", PARK);
        String csrf = formToken(staff);
        as(staff)
                .get("/console/parks/" + PARK + "/leads")
                .then()
                .statusCode(200)
                .body(containsString("新能源电池项目"))
                .body(containsString("省外（广东深圳）"))
                .body(containsString("已75天未跟进"))
                .body(containsString("亿元以上"))
                .body(containsString("登记线索"));
        // A figure that is not a number reaches the service as typed and comes back beside its input.
        post(
                        staff,
                        Map.of(
                                "csrf",
                                csrf,
                                "projectName",
                                "光伏组件项目",
                                "investor",
                                "某光伏公司",
                                "capitalOrigin",
                                "OUTSIDE_CITY",
                                "intendedInvestment",
                                "约3500"))
                .post("/console/parks/" + PARK + "/leads")
                .then()
                .statusCode(400)
                .body(containsString("id=\"intendedInvestment-e\">“约3500”不是有效的数字"))
                .body(containsString("光伏组件项目"));
        assertEquals(
                PARK,
                ConsoleStubServices.writes()
                        .get(ConsoleStubServices.writes().size() - 1)
                        .body()
                        .path("park")
                        .asText());
        as(staff)
                .get("/console/leads/" + LEAD)
                .then()
                .statusCode(200)
                .body(containsString("data-to=\"SIGNED\""))
                .body(containsString("data-to=\"DROPPED\""))
                .body(not(containsString("data-to=\"LANDED\"")))
                .body(containsString("签约形式"))
                .body(containsString("放弃原因"))
                .body(containsString("赴深圳拜访企业总部"))
                .body(containsString("签约后按月填报到位资金"));
        post(staff, Map.of("csrf", csrf, "to", "SIGNED", "version", "4", "on", "", "agreementType", "CONTRACT"))
                .post("/console/leads/" + LEAD + "/transitions")
                .then()
                .statusCode(400)
                .body(containsString("id=\"on-SIGNED-e\">签约须填写签约日期"));
        post(staff, Map.of("csrf", csrf, "to", "SIGNED", "version", "3", "on", "2025-04-01"))
                .post("/console/leads/" + LEAD + "/transitions")
                .then()
                .statusCode(409)
                .body(containsString("该招商线索已被他人修改，请刷新后重试"));
        post(staff, Map.of("csrf", csrf, "kind", "LEADER_TRIP", "heldOn", "2025-04-03", "title", "书记带队赴深圳洽谈"))
                .post("/console/leads/" + LEAD + "/activities")
                .then()
                .statusCode(303)
                .header("Location", endsWith("?saved=activity"));
        var sent = ConsoleStubServices.writes().get(ConsoleStubServices.writes().size() - 1);
        assertEquals(LEAD, sent.body().path("leadIds").get(0).asText());
        assertEquals(PARK, sent.body().path("park").asText());
    }
}
