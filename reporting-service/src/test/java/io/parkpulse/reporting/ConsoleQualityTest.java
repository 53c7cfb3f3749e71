package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The data-quality page's forms without a browser: none is taken without the session's form token, and an action
 * the page does not offer does not exist. The pages with their data: parkpulse-cli ConsoleIT.
 */
@QuarkusTest
class ConsoleQualityTest {

    @Inject
    ConsoleSession sessions;

    String cookie(String role, String park) {
        return sessions.open(Tokens.token(role, park), false).getValue();
    }

    @Test
    void thePageSaysSoWhenIndicatorsServiceCannotBeReached() {
        // No indicators-service runs beside these tests: the page is an answer in Chinese, never a 500.
        given().cookie("pp_console", cookie("park-staff", "QT-PARK"))
                .get("/console/quality")
                .then()
                .statusCode(502)
                .body(containsString("暂时无法访问"));
        given().cookie("pp_console", cookie("bureau-analyst", null))
                .get("/console/quality?done=cleared&status=bogus&page=-3")
                .then()
                .statusCode(502);
    }

    @Test
    void noFormIsTakenWithoutTheSessionsFormToken() {
        String staff = cookie("park-staff", "QT-PARK");
        for (String path : new String[] {
            "/console/flags/1/explain",
            "/console/quality/corrections",
            "/console/quality/corrections/1/close",
            "/console/quality/receipts"
        }) {
            given().cookie("pp_console", staff)
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf", "forged")
                    .formParam("park", "QT-PARK")
                    .formParam("text", "说明")
                    .post(path)
                    .then()
                    .statusCode(403)
                    .body(containsString("表单已失效"));
        }
        String admin = cookie("bureau-admin", null);
        given().cookie("pp_console", admin)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", sessions.formToken(sessions.read(admin).orElseThrow()))
                .post("/console/flags/1/delete")
                .then()
                .statusCode(404)
                .body(containsString("没有这项操作"));
    }
}
