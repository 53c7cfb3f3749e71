package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bureau staff read refusals in Chinese; a client that asks with {@code Accept-Language: en} reads the
 * same refusal in English. Codes and fields are the same in both, since clients key on them.
 */
@QuarkusTest
class RefusalLanguageTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    private static RequestSpecification as(String language) {
        RequestSpecification s = given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
        return language == null ? s : s.header("Accept-Language", language);
    }

    @Test
    void aRankingOfNothingIsRefusedNamingTheFieldInChineseOrInEnglish() {
        as(null).queryParam("period", "2025-06")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("code", equalTo("required"))
                .body("errors[0].field", equalTo("indicator"))
                .body(
                        "errors[0].message",
                        equalTo("请指定一个指标（indicator，按其数值排名），或一个考核口径（figure：value:、growth:、"
                                + "completion: 或 perMu: 后接指标编码），二者只能选一"));
        as("en").queryParam("period", "2025-06")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("code", equalTo("required"))
                .body("errors[0].field", equalTo("indicator"))
                .body(
                        "detail",
                        equalTo("name either an indicator (its value) or a figure "
                                + "(value:, growth:, completion: or perMu: with an indicator code)"));
    }

    @Test
    void aSchemeThatIsNotThereIsNotFoundInChineseOrInEnglish() {
        as(null).get("/api/v1/assessment-schemes/no-such-scheme")
                .then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("detail", equalTo("考核方案“no-such-scheme”不存在"));
        as("en").get("/api/v1/assessment-schemes/no-such-scheme")
                .then()
                .statusCode(404)
                .body("detail", equalTo("assessment scheme 'no-such-scheme' does not exist"));
        as(null).queryParam("version", 99)
                .get("/api/v1/assessment-schemes/default")
                .then()
                .statusCode(404)
                .body("detail", equalTo("考核方案“default”没有第99版"));
    }

    @Test
    void aStaleNoteIsRefusedInChineseOrInEnglish() {
        String notes = "/api/v1/summaries/city/notes/HIGHLIGHTS";
        as(null).queryParam("period", "2003-Q4")
                .body(Map.of("text", "全市园区四季度运行平稳。", "version", 0))
                .put(notes)
                .then()
                .statusCode(200);
        as(null).queryParam("period", "2003-Q4")
                .body(Map.of("text", "覆盖", "version", 0))
                .put(notes)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale_version"))
                .body("detail", equalTo("“主要工作及成效”已有第1版，请刷新后在其基础上修改"));
        as("en").queryParam("period", "2003-Q4")
                .body(Map.of("text", "覆盖", "version", 0))
                .put(notes)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale_version"))
                .body("context.version", equalTo(1))
                .body("detail", equalTo("the section is at version 1, not 0; read it again and edit that"));
    }

    @Test
    void everyFieldOfARefusedSchemeReadsInTheLanguageAsked() {
        Map<String, Object> scheme = Map.of(
                "name",
                "测试方案",
                "byPeerGroup",
                false,
                "dimensions",
                List.of(Map.of(
                        "code",
                        "d1",
                        "name",
                        "经济",
                        "items",
                        List.of(Map.of(
                                "code", "a", "name", "a", "figure", "total:x", "weight", 60, "rule", "EFFICACY")))),
                "tiers",
                Map.of("mode", "SCORE", "bands", List.of(Map.of("tier", "合格", "bound", 60))));
        as(null).body(scheme)
                .post("/api/v1/assessment-schemes/language-test")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_scheme"))
                .body(
                        "detail",
                        equalTo("考核方案未通过校验：“total:x”不是有效的考核口径，应为 value:（总量）、growth:（增速）、"
                                + "completion:（完成率）或 perMu:（亩均）后接指标编码（另有2处问题）"))
                .body("errors.message", hasItems("各考核指标权重合计为60分，应为100分", "最后一档的得分下限应为0，使每个园区都有等次"));
        as("en").body(scheme)
                .post("/api/v1/assessment-schemes/language-test")
                .then()
                .statusCode(422)
                .body("code", equalTo("invalid_scheme"))
                .body("errors.field", hasItems("dimensions[0].items[0].figure", "dimensions", "tiers.bands"))
                .body(
                        "errors.message",
                        hasItems(
                                "the items' weights add up to 60, not 100",
                                "the last score band must start at 0 so that every park has a tier"));
    }
}
