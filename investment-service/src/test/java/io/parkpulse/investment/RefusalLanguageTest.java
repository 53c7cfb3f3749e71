package io.parkpulse.investment;

import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
import static io.parkpulse.investment.Leads.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bureau and park staff read refusals in Chinese; a client that asks with {@code Accept-Language: en}
 * reads the same refusal in English. Codes and fields are the same in both, since clients key on them.
 */
@QuarkusTest
class RefusalLanguageTest {

    private static RequestSpecification as(String language) {
        RequestSpecification s = given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
        return language == null ? s : s.header("Accept-Language", language);
    }

    @Test
    void aBadRequestNamesItsFieldInChineseOrInEnglish() {
        String park = knownPark();
        Map<String, Object> meeting =
                Map.of("park", park, "kind", "INVESTOR_MEETING", "heldOn", "2025-04-10", "title", "对接会");
        String activity = as(null).body(meeting)
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(null).body(meeting)
                .put("/api/v1/activities/{id}", activity)
                .then()
                .statusCode(400)
                .body("code", equalTo("required"))
                .body("errors[0].field", equalTo("version"))
                .body("detail", equalTo("修改时请提交读取到的版本号 version"))
                .body("errors[0].message", equalTo("修改时请提交读取到的版本号 version"));
        as("en").body(meeting)
                .put("/api/v1/activities/{id}", activity)
                .then()
                .statusCode(400)
                .body("code", equalTo("required"))
                .body("errors[0].field", equalTo("version"))
                .body("detail", equalTo("send the version you read"))
                .body("errors[0].message", equalTo("send the version you read"));
    }

    @Test
    void everyRowOfARefusedListReadsInTheLanguageAsked() {
        String park = knownPark();
        Map<String, Object> meeting = Map.of(
                "park",
                park,
                "kind",
                "INVESTOR_MEETING",
                "heldOn",
                "2025-04-10",
                "title",
                "对接会",
                "leadIds",
                List.of(UUID.randomUUID(), UUID.randomUUID()));
        as(null).body(meeting)
                .post("/api/v1/activities")
                .then()
                .statusCode(422)
                .body("code", equalTo("unknown_lead"))
                .body("errors.field", contains("leadIds[0]", "leadIds[1]"))
                .body("errors.message", everyItem(equalTo("园区“" + park + "”没有这条线索")));
        as("en").body(meeting)
                .post("/api/v1/activities")
                .then()
                .statusCode(422)
                .body("errors.field", contains("leadIds[0]", "leadIds[1]"))
                .body("detail", equalTo("no such lead in park '" + park + "'"))
                .body("errors.message", everyItem(equalTo("no such lead in park '" + park + "'")));
    }

    @Test
    void aLeadThatIsNotThereIsNotFoundInChineseOrInEnglish() {
        String id = UUID.randomUUID().toString();
        as(null).get("/api/v1/leads/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("detail", equalTo("线索“" + id + "”不存在"));
        as("en-GB,en;q=0.9,zh;q=0.5")
                .get("/api/v1/leads/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("detail", equalTo("lead '" + id + "' does not exist"));
    }

    @Test
    void anIllegalMoveThroughThePipelineIsRefusedInChineseOrInEnglish() {
        String id = lead(knownPark(), Map.of());
        Map<String, Object> land = Map.of("to", "LANDED", "version", version(id));
        as(null).body(land)
                .post("/api/v1/leads/{id}/transitions", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("illegal_transition"))
                .body("detail", equalTo("该线索处于“线索”阶段，不能转入“落地”阶段；可转入：洽谈、签约、放弃"));
        // A browser that lists Chinese first gets Chinese, whatever else it accepts.
        as("zh-CN,zh;q=0.9,en;q=0.8")
                .body(land)
                .post("/api/v1/leads/{id}/transitions", id)
                .then()
                .statusCode(409)
                .body("detail", equalTo("该线索处于“线索”阶段，不能转入“落地”阶段；可转入：洽谈、签约、放弃"));
        as("en").body(land)
                .post("/api/v1/leads/{id}/transitions", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("illegal_transition"))
                .body("context.allowed[0]", equalTo("NEGOTIATING"))
                .body(
                        "detail",
                        equalTo("a lead at stage LEAD cannot move to LANDED; allowed: NEGOTIATING, SIGNED, DROPPED"));
    }
}
