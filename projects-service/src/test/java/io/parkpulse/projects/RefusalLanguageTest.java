package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
import static io.parkpulse.projects.Projects.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Park and bureau staff read refusals in Chinese; a client that puts English first in Accept-Language gets
 * English. The code and the field named stay the same in both.
 */
@QuarkusTest
class RefusalLanguageTest {

    @Test
    void refusalsAreChineseByDefaultAndEnglishOnRequest() {
        String park = knownPark();
        String id = project(park, Map.of());
        String problem = ProgressStatusApiTest.raise(id, Map.of("description", "用地指标", "raisedOn", "2025-03-01"))
                .statusCode(201)
                .extract()
                .path("id");

        // 400: the month of the colour filter outside the calendar.
        both(
                s -> s.queryParams("park", park, "colour", "RED", "asOf", "1999-12")
                        .get("/api/v1/projects"),
                400,
                "period_out_of_range",
                "asOf",
                "报告期应在 2000-01 至 ",
                "periods run from 2000-01 to ");

        // 404: a problem the project does not have.
        String unknown = UUID.randomUUID().toString();
        both(
                s -> s.contentType(ContentType.JSON)
                        .body(Map.of("resolution", "已协调", "version", 0))
                        .post("/api/v1/projects/{id}/problems/{p}/resolve", id, unknown),
                404,
                "not_found",
                null,
                "问题“" + unknown + "”不存在",
                "problem '" + unknown + "' does not exist");

        // 409: a signed project cannot go into production.
        both(
                s -> s.contentType(ContentType.JSON)
                        .body(Map.of("to", "IN_PRODUCTION", "version", version(id)))
                        .post("/api/v1/projects/{id}/transitions", id),
                409,
                "illegal_transition",
                null,
                "项目处于签约阶段，不能转为投产；可转为：供地、在建、停工、终止",
                "a project in stage SIGNED (签约) cannot move to IN_PRODUCTION; allowed: ");

        // 422: resolved before it was raised.
        both(
                s -> s.contentType(ContentType.JSON)
                        .body(Map.of("resolution", "已协调", "resolvedOn", "2025-02-01", "version", 0))
                        .post("/api/v1/projects/{id}/problems/{p}/resolve", id, problem),
                422,
                "before_raised",
                "resolvedOn",
                "解决日期不能早于问题提出日期2025-03-01",
                "a problem cannot be resolved before it was raised on 2025-03-01");
    }

    /**
     * Sends the request twice, without and with Accept-Language: en, and checks the detail (and the field error's
     * message) starts with the Chinese, then the English text, under the same status, code and field.
     */
    static void both(
            Function<RequestSpecification, io.restassured.response.Response> send,
            int status,
            String code,
            String field,
            String chinese,
            String english) {
        check(send.apply(given().auth().oauth2(ADMIN)).then(), status, code, field, chinese);
        check(
                send.apply(given().auth().oauth2(ADMIN).header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"))
                        .then(),
                status,
                code,
                field,
                english);
    }

    static void check(ValidatableResponse r, int status, String code, String field, String text) {
        r.statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("detail", org.hamcrest.Matchers.startsWith(text));
        if (field != null) {
            r.body("errors[0].field", equalTo(field)).body("errors[0].message", org.hamcrest.Matchers.startsWith(text));
        }
    }
}
