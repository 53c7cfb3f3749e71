package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sections a park office or the bureau writes, versioned with the period and printed in the summary. */
@QuarkusTest
class SummaryNoteTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    static ValidatableResponse write(String token, String path, String text, int version) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .queryParam("period", "2013-Q2")
                .body(Map.of("text", text, "version", version))
                .put(path)
                .then();
    }

    @Test
    void theOfficeWritesItsSectionsInVersionsAndTheSummaryPrintsTheLatest() {
        String park = "N" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        SummaryTest.park(park, "江南新材料产业园", "5000");
        String staff = Tokens.token("park-staff", park);
        String notes = "/api/v1/summaries/parks/" + park + "/notes";
        TestEvents.await(
                "park " + park + " in the read model",
                Duration.ofSeconds(30),
                () -> given().auth()
                                .oauth2(staff)
                                .queryParam("period", "2013-Q2")
                                .get(notes)
                                .statusCode()
                        == 200);

        write(staff, notes + "/HIGHLIGHTS", "一是抓项目建设。\n二是优化营商环境。", 0)
                .statusCode(200)
                .body("version", equalTo(1))
                .body("heading", equalTo("主要工作及成效"))
                .body("writtenBy", equalTo("park-staff"));
        // A colleague who read version 0 does not overwrite version 1 unseen.
        write(ANALYST, notes + "/HIGHLIGHTS", "覆盖", 0)
                .statusCode(409)
                .body("code", equalTo("stale_version"))
                .body("context.version", equalTo(1))
                .body("detail", equalTo("“主要工作及成效”已有第1版，请刷新后在其基础上修改"));
        write(ANALYST, notes + "/HIGHLIGHTS", "一是抓项目建设，新开工项目3个。\n二是优化营商环境。", 1)
                .statusCode(200)
                .body("version", equalTo(2))
                .body("writtenBy", equalTo("bureau-analyst"));
        write(staff, notes + "/NEXT_STEPS", "紧盯全年目标，确保四季度产值稳定增长。", 0).statusCode(200);
        write(staff, notes + "/BOGUS", "x", 0).statusCode(400).body("errors[0].field", equalTo("section"));
        write(staff, notes + "/ISSUES", "长".repeat(5001), 0).statusCode(400).body("errors[0].field", equalTo("text"));
        write(Tokens.token("park-staff", "ELSEWHERE"), notes + "/ISSUES", "别人的", 0)
                .statusCode(404);
        write(staff, "/api/v1/summaries/city/notes/HIGHLIGHTS", "园区不能写全市", 0).statusCode(403);

        given().auth()
                .oauth2(staff)
                .queryParam("period", "2013-Q2")
                .get(notes + "/HIGHLIGHTS/history")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.contains(2, 1))
                .body("[1].text", equalTo("一是抓项目建设。\n二是优化营商环境。"));
        given().auth()
                .oauth2(staff)
                .queryParam("period", "2013-Q2")
                .get(notes)
                .then()
                .body("section", org.hamcrest.Matchers.contains("HIGHLIGHTS", "ISSUES", "NEXT_STEPS"))
                .body("version", org.hamcrest.Matchers.contains(2, 0, 1));

        // The summary prints the latest version of each written section after its own, numbered on.
        String md = given().auth()
                .oauth2(staff)
                .queryParam("period", "2013-Q2")
                .queryParam("format", "markdown")
                .get("/api/v1/summaries/parks/" + park)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.hamcrest.MatcherAssert.assertThat(md, containsString("## 六、主要工作及成效\n\n一是抓项目建设，新开工项目3个。\n\n二是优化营商环境。\n"));
        org.hamcrest.MatcherAssert.assertThat(md, containsString("## 七、下步工作打算\n\n紧盯全年目标"));
        org.hamcrest.MatcherAssert.assertThat(md, not(containsString("存在的问题和建议")));
        // Another period's summary has none of it.
        given().auth()
                .oauth2(staff)
                .queryParam("period", "2013-Q3")
                .queryParam("format", "markdown")
                .get("/api/v1/summaries/parks/" + park)
                .then()
                .body(not(containsString("主要工作及成效")));

        given().auth()
                .oauth2(ANALYST)
                .contentType("application/json")
                .queryParam("period", "2013-Q2")
                .body(Map.of("text", "全市园区一季度…", "version", 0))
                .put("/api/v1/summaries/city/notes/HIGHLIGHTS")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ANALYST)
                .queryParam("period", "2013-Q2")
                .queryParam("format", "markdown")
                .get("/api/v1/summaries/city")
                .then()
                .statusCode(200)
                .body(containsString("、主要工作及成效\n\n全市园区一季度…"));
    }
}
