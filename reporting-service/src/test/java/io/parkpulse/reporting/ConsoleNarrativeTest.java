package io.parkpulse.reporting;

import static io.parkpulse.reporting.NarrativeStubService.PARK;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 工作报告导入 pages without indicators-service: {@link NarrativeStubService} stands in for its narrative-report
 * API, so that the pages render a draft shaped like the real one and what the console sends is recorded. A corpus
 * report goes through as the body with its type; the draft shows each figure in its sentence, escaped, with the
 * cross-check; only the park's own ticked rows are confirmed; an edited value that is no number comes back; the
 * service's refusals are Chinese sentences on the page; another park's staff and the bureau's analyst get no form.
 * The real service: parkpulse-cli ConsoleIT.
 */
@QuarkusTest
@QuarkusTestResource(value = NarrativeStubService.class, restrictToAnnotatedClass = true)
class ConsoleNarrativeTest {

    static final String LIST = "/console/parks/" + PARK + "/narrative-reports";

    @Inject
    ConsoleSession sessions;

    String cookie(String role, String park) {
        return sessions.open(Tokens.token(role, park), false).getValue();
    }

    String formToken(String cookie) {
        return sessions.formToken(sessions.read(cookie).orElseThrow());
    }

    RequestSpecification as(String cookie) {
        // Browsers write a file's Chinese name in UTF-8, as this mode does.
        return given().config(io.restassured.RestAssured.config()
                        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig()
                                .defaultCharset(StandardCharsets.UTF_8)))
                .redirects()
                .follow(false)
                .cookie("pp_console", cookie);
    }

    RequestSpecification confirm(String cookie, Map<String, ?> form) {
        return as(cookie)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form);
    }

    static byte[] report04() throws IOException {
        try (InputStream in = ConsoleNarrativeTest.class.getResourceAsStream("/console/report-04.txt")) {
            return in.readAllBytes();
        }
    }

    /** Uploads a document as a browser's form does; answers the draft page's address. */
    String upload(String cookie, String name, byte[] body, String type, String period) {
        RequestSpecification r = as(cookie).multiPart("csrf", formToken(cookie)).multiPart("file", name, body, type);
        if (period != null) {
            r = r.multiPart("period", period);
        }
        return r.post(LIST).then().statusCode(303).extract().header("Location");
    }

    @Test
    void aCorpusReportIsReadIntoADraftThatIsConfirmedRowByRow() throws IOException {
        String staff = cookie("park-staff", PARK);
        as(staff).get(LIST).then().statusCode(200).body(containsString("上传并识别"));
        byte[] text = report04();
        String draft = upload(staff, "report-04.txt", text, "text/plain", "2018-06");
        assertTrue(draft.matches(".*" + LIST + "/\\d+\\?uploaded=1"), draft);
        // The document went as the body, byte for byte, with its type; period and name as the API takes them.
        var sent = NarrativeStubService.CALLS.stream()
                .filter(c -> "POST".equals(c.method()) && c.path().contains("report-04.txt"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("text/plain", sent.type());
        assertArrayEquals(text, sent.body());
        assertTrue(sent.path().contains("period=2018-06"), sent.path());

        String page = as(staff)
                .get(draft)
                .then()
                .statusCode(200)
                .body(containsString("报告已上传"))
                .body(containsString("上传时指定"))
                .body(containsString("· 11KB"))
                .body(containsString("园区124家<mark>规模以上工业企业完成产值390.7亿元</mark>,完成全年任务的45.67%"))
                .body(containsString("不一致"))
                .body(containsString("增速+4.2%；完成率45.67%"))
                .body(containsString("已报385亿元"))
                .body(containsString("招商与项目数据（仅核对）"))
                .body(containsString("仅核对，不入库"))
                // The officer reads why a row was taken in Chinese; the service's English trace stays in the API.
                .body(containsString("识别依据：报告用语“规模以上工业企业完成产值”识别为"))
                .body(not(containsString("synonym “")))
                .body(containsString("部分企业"))
                .body(containsString("按已报数值计算为4.6%"))
                .body(containsString("确认导入所勾选的数据"))
                .extract()
                .asString();
        // The park's two figures are ticked; the pipeline figure has no box at all.
        assertTrue(page.contains("name=\"take\" value=\"0\" id=\"take-0\" checked"), page);
        assertTrue(page.contains("name=\"take\" value=\"1\" id=\"take-1\" checked"), page);
        assertTrue(!page.contains("id=\"take-2\""), "a pipeline row cannot be ticked");

        as(staff)
                .get(LIST)
                .then()
                .statusCode(200)
                .body(containsString("report-04.txt"))
                .body(containsString("草稿"))
                .body(containsString("2项"));

        String id = draft.replaceAll(".*/(\\d+)\\?.*", "$1");
        int before = NarrativeStubService.confirmations().size();
        // The pipeline row's index sent by hand is not sent on; the edited value goes as a number.
        confirm(
                        staff,
                        Map.of(
                                "csrf", formToken(staff),
                                "take", List.of("0", "1", "2"),
                                "value-0", "3,907,100",
                                "unit-0", "万元",
                                "period-0", "2018-06",
                                "value-1", "74900",
                                "unit-1", "万元",
                                "period-1", "2018-06"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(303)
                .header("Location", containsString(LIST + "/" + id + "?confirmed=1"));
        assertEquals(before + 1, NarrativeStubService.confirmations().size());
        JsonNode body = NarrativeStubService.confirmations().get(before).json();
        assertEquals(2, body.path("rows").size(), body.toString());
        assertEquals(
                "above_scale_industrial_output",
                body.path("rows").get(0).path("indicator").asText());
        assertEquals(
                0,
                body.path("rows").get(0).path("value").decimalValue().compareTo(new java.math.BigDecimal("3907100")));
        assertEquals(
                "fixed_asset_investment",
                body.path("rows").get(1).path("indicator").asText());
        assertTrue(!body.toString().contains("funds_in_place"), body.toString());
        assertEquals(false, body.path("atomic").asBoolean(true));

        as(staff)
                .get(LIST + "/" + id + "?confirmed=1")
                .then()
                .statusCode(200)
                .body(containsString("已导入1项，已更新1项，未变化0项，被拒绝0项"))
                .body(containsString("<td>已导入</td>"))
                .body(containsString("<td>已更新</td>"))
                .body(containsString("已确认"))
                .body(not(containsString("确认导入所勾选的数据")))
                .body(not(containsString("name=\"take\"")));
        as(staff).get(LIST).then().statusCode(200).body(containsString("已确认"));
    }

    /**
     * indicators-service gives a pipeline row (到位资金) no check: this service's own narrative checks of the report
     * do, once its event has reached the read model; until then the page says the check is not there yet.
     */
    @Test
    void thePipelineRowsAreCheckedAgainstTheLedgersOfThisService() throws IOException {
        String staff = cookie("park-staff", PARK);
        String draft = upload(staff, "report-04.txt", report04(), "text/plain", "2018-06");
        long id = Long.parseLong(draft.replaceAll(".*/(\\d+)\\?.*", "$1"));
        String page = as(staff).get(draft).then().statusCode(200).extract().asString();
        assertTrue(pipeline(page).contains("核对数据尚未同步"), pipeline(page));
        assertTrue(!pipeline(page).contains("台账暂无数据"), pipeline(page));

        // The report as indicators-service publishes it, and 120万元 of funds in place for the park by June.
        JsonNode funds = NarrativeStubService.draft(id).path("rows").get(2);
        assertEquals("funds_in_place", funds.path("indicator").asText());
        assertTrue(funds.path("checks").isEmpty(), "the real service gives a pipeline row no check");
        NarrativeChecksTest.funds(PARK, java.util.UUID.randomUUID(), "2018-03", "OUTSIDE_PROVINCE", 120, null);
        io.parkpulse.infra.TestEvents.publish(
                RankingTest.bootstrap(),
                io.parkpulse.common.events.Topics.INDICATORS,
                PARK,
                io.parkpulse.common.events.EventTypes.NARRATIVE_REPORT_UPLOADED,
                NarrativeChecksTest.report(
                        id,
                        PARK,
                        1,
                        List.of(new io.parkpulse.common.events.payload.NarrativeReportState.StatedFigure(
                                "funds_in_place",
                                "investment",
                                "2018-06",
                                funds.path("value").decimalValue(),
                                funds.path("unit").asText(),
                                funds.path("rounding").decimalValue(),
                                funds.path("stated").asText(),
                                null,
                                null,
                                funds.path("sentence").asText(),
                                funds.path("start").asInt(),
                                funds.path("end").asInt(),
                                null,
                                null))),
                null);
        io.parkpulse.infra.TestEvents.await(
                "the report's checks in the read model",
                java.time.Duration.ofSeconds(30),
                () -> pipeline(as(staff).get(draft).then().extract().asString()).contains("台账120万元"));
        String checked =
                pipeline(as(staff).get(draft).then().statusCode(200).extract().asString());
        assertTrue(checked.contains("数值：台账120万元，差额−90万元 <span class=\"badge disagree\">不一致</span>"), checked);
        assertTrue(checked.contains("<tr class=\"disagrees\" data-indicator=\"funds_in_place\">"), checked);
        assertTrue(!checked.contains("核对数据尚未同步"), checked);
    }

    /** The page's 招商与项目数据（仅核对） section. */
    static String pipeline(String page) {
        int from = page.indexOf("id=\"h-pipeline\"");
        assertTrue(from >= 0, "the page has a pipeline section");
        return page.substring(from, page.indexOf("</section>", from));
    }

    /**
     * The list counts each report's figures from the list itself; only a report listed without its counts (kept
     * before the list carried them) has its draft read.
     */
    @Test
    void theListCountsFromTheListAndReadsADraftOnlyWithoutItsCounts() {
        String staff = cookie("park-staff", PARK);
        byte[] text = "园区税收完成3200万元。".getBytes(StandardCharsets.UTF_8);
        String old = upload(staff, "旧汇报.txt", text, "text/plain", "2025-03").replaceAll(".*/(\\d+)\\?.*", "$1");
        String confirmed =
                upload(staff, "新汇报.txt", text, "text/plain", "2025-03").replaceAll(".*/(\\d+)\\?.*", "$1");
        upload(staff, "新草稿.txt", text, "text/plain", "2025-04");
        confirm(
                        staff,
                        Map.of(
                                "csrf",
                                formToken(staff),
                                "take",
                                "0",
                                "value-0",
                                "3200",
                                "unit-0",
                                "万元",
                                "period-0",
                                "2025-03"))
                .post(LIST + "/" + confirmed + "/confirm")
                .then()
                .statusCode(303);

        int before = NarrativeStubService.CALLS.size();
        String page = as(staff).get(LIST).then().statusCode(200).extract().asString();
        List<String> asked = NarrativeStubService.CALLS.subList(before, NarrativeStubService.CALLS.size()).stream()
                .map(NarrativeStubService.Call::path)
                .toList();
        assertEquals(
                List.of(
                        "/api/v1/parks/" + PARK + "/narrative-reports?page=0&size=10",
                        "/api/v1/parks/" + PARK + "/narrative-reports/" + old),
                asked);
        // Each row's counts: the confirmed report's stored row, the drafts' proposed ones.
        assertTrue(page.matches("(?s).*新草稿\\.txt</a>[^\\n]*?<td>1项</td><td>—</td>.*"), page);
        assertTrue(page.matches("(?s).*新汇报\\.txt</a>[^\\n]*?<td>1项</td><td>1项</td>.*"), page);
        assertTrue(page.matches("(?s).*旧汇报\\.txt</a>[^\\n]*?<td>1项</td><td>—</td>.*"), page);
    }

    @Test
    void anEditedValueThatIsNoNumberComesBackAndARefusedBatchShowsEachRow() {
        String staff = cookie("park-staff", PARK);
        String draft =
                upload(staff, "汇报.txt", "园区税收完成3200万元。".getBytes(StandardCharsets.UTF_8), "text/plain", "2025-03");
        String id = draft.replaceAll(".*/(\\d+)\\?.*", "$1");
        String csrf = formToken(staff);
        int before = NarrativeStubService.confirmations().size();
        confirm(staff, Map.of("csrf", csrf, "take", "0", "value-0", "约3500", "unit-0", "万元", "period-0", "2025-03"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(400)
                .body(containsString("提交未成功"))
                .body(containsString("id=\"row-0-e\">“约3500”不是有效的数字"))
                .body(matchesPattern("(?s).*id=\"value-0\" value=\"约3500\".*"))
                .body(containsString("确认导入所勾选的数据"));
        confirm(staff, Map.of("csrf", csrf, "take", "0", "value-0", "3200", "unit-0", "万元", "period-0", "2025-13"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(400)
                .body(containsString("期间应为“年-月”"));
        // Nothing ticked: nothing to send.
        confirm(staff, Map.of("csrf", csrf, "value-0", "3200"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(400)
                .body(containsString("请至少勾选一行"))
                .body(not(containsString(" checked")));
        assertEquals(before, NarrativeStubService.confirmations().size(), "nothing reached the service");
        // Full-width digits as an input method types them are a number.
        // The batch refuses every row: the draft stays open, each row's reason above the form.
        confirm(
                        staff,
                        Map.of(
                                "csrf",
                                csrf,
                                "take",
                                "0",
                                "value-0",
                                "９９９９９９９９９９",
                                "unit-0",
                                "万元",
                                "period-0",
                                "2025-03"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(422)
                .body(containsString("未导入：共1行，其中1行未通过校验"))
                .body(containsString("<td>被拒绝</td><td>数值超出合理范围</td>"))
                .body(containsString("确认导入所勾选的数据"));
        assertEquals(
                0,
                NarrativeStubService.confirmations()
                        .get(before)
                        .json()
                        .path("rows")
                        .get(0)
                        .path("value")
                        .decimalValue()
                        .compareTo(new java.math.BigDecimal("9999999999")));
        // Without the session's form token nothing is taken.
        confirm(staff, Map.of("take", "0", "value-0", "3200", "period-0", "2025-03"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(403)
                .body(containsString("表单已失效"));
    }

    @Test
    void userTextIsEscapedWhereverItIsShown() {
        String staff = cookie("park-staff", PARK);
        String draft = upload(
                staff,
                "<img src=x onerror=alert(1)>.txt",
                "<script>alert(1)</script>园区税收完成3200万元<b>。".getBytes(StandardCharsets.UTF_8),
                "text/plain",
                null);
        String page = as(staff).get(draft).then().statusCode(200).extract().asString();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;园区<mark>税收完成3200万元</mark>&lt;b&gt;"), page);
        assertTrue(!page.contains("<script>alert") && !page.contains("<img src=x"), page);
        // Without a period in the words or the upload, the row's period is to be filled in.
        assertTrue(page.contains("id=\"period-0\" value=\"\""), page);
        as(staff).get(LIST).then().statusCode(200).body(not(containsString("<img src=x")));
    }

    @Test
    void theServicesRefusalsAreSentencesOnThePage() {
        String staff = cookie("park-staff", PARK);
        String csrf = formToken(staff);
        // An old Word document: the service takes only .docx and text (415).
        as(staff)
                .multiPart("csrf", csrf)
                .multiPart(
                        "file",
                        "总结.doc",
                        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
                        "application/msword")
                .post(LIST)
                .then()
                .statusCode(415)
                .contentType(containsString("text/html"))
                .body(containsString("不支持此文件格式"))
                .body(containsString("上传并识别"));
        // Binary content under a .txt name: unreadable.
        as(staff)
                .multiPart("csrf", csrf)
                .multiPart("file", "总结.txt", new byte[] {1, 2, 3, 4}, "text/plain")
                .post(LIST)
                .then()
                .statusCode(422)
                .body(containsString("上传未成功：文件中含有控制字符，不是纯文本"));
        // Larger than any service takes: the platform's body limit answers, as a page.
        as(staff)
                .multiPart("csrf", csrf)
                .multiPart("file", "大.txt", new byte[3 * 1024 * 1024], "text/plain")
                .post(LIST)
                .then()
                .statusCode(413)
                .contentType(containsString("text/html"))
                .body(containsString("上传的文件过大"));
        // The service's own 413 is said on the list page, with the form to try again.
        as(staff)
                .multiPart("csrf", csrf)
                .multiPart("file", "too-large.txt", "税收3200万元".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(LIST)
                .then()
                .statusCode(413)
                .body(containsString("文件过大：工作报告文件最大2MB"))
                .body(containsString("上传并识别"));
        // A period the console already knows is none, and no file at all.
        as(staff)
                .multiPart("csrf", csrf)
                .multiPart("period", "2024-13")
                .multiPart("file", "a.txt", "税收3200万元".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(LIST)
                .then()
                .statusCode(400)
                .body(containsString("报告期间应为“年-月”"));
        as(staff)
                .multiPart("csrf", csrf)
                .multiPart("period", "")
                .post(LIST)
                .then()
                .statusCode(400)
                .body(containsString("请选择要上传的工作报告文件"));
        // Not a number, or a report that does not exist: the page says so.
        as(staff).get(LIST + "/abc").then().statusCode(404).body(containsString("不存在"));
        as(staff).get(LIST + "/999999").then().statusCode(404).body(containsString("不存在"));
        as(staff).get(LIST + "?page=-1").then().statusCode(200);
        // Without the session's form token nothing is uploaded.
        as(staff)
                .multiPart("csrf", "forged")
                .multiPart("file", "a.txt", "税收3200万元".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(LIST)
                .then()
                .statusCode(403)
                .body(containsString("表单已失效"));
    }

    @Test
    void anotherParksStaffAreRefusedAndTheAnalystOnlyReads() {
        String staff = cookie("park-staff", PARK);
        String draft =
                upload(staff, "报告.txt", "园区税收完成3200万元。".getBytes(StandardCharsets.UTF_8), "text/plain", "2025-03");
        String id = draft.replaceAll(".*/(\\d+)\\?.*", "$1");

        String other = cookie("park-staff", "OTHER-PARK");
        int asked = NarrativeStubService.CALLS.size();
        as(other).get(LIST).then().statusCode(404).body(containsString("园区“" + PARK + "”不存在"));
        as(other).get(LIST + "/" + id).then().statusCode(404).body(not(containsString("3200")));
        as(other)
                .multiPart("csrf", formToken(other))
                .multiPart("file", "a.txt", "税收3200万元".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(LIST)
                .then()
                .statusCode(404);
        confirm(other, Map.of("csrf", formToken(other), "take", "0", "value-0", "1", "period-0", "2025-03"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(404);
        assertEquals(asked, NarrativeStubService.CALLS.size(), "nothing of another park is asked");

        String analyst = cookie("bureau-analyst", null);
        as(analyst)
                .get(LIST)
                .then()
                .statusCode(200)
                .body(containsString("报告.txt"))
                .body(not(containsString("上传并识别")));
        as(analyst)
                .get(LIST + "/" + id)
                .then()
                .statusCode(200)
                .body(containsString("<mark>税收完成3200万元</mark>"))
                .body(not(containsString("确认导入所勾选的数据")))
                .body(not(containsString("name=\"take\"")));
        confirm(analyst, Map.of("csrf", formToken(analyst), "take", "0", "value-0", "1", "period-0", "2025-03"))
                .post(LIST + "/" + id + "/confirm")
                .then()
                .statusCode(403);
        as(analyst)
                .multiPart("csrf", formToken(analyst))
                .multiPart("file", "a.txt", "税收3200万元".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(LIST)
                .then()
                .statusCode(403);
        // The bureau's admin may do what the park's staff may, for any park.
        String admin = cookie("bureau-admin", null);
        as(admin).get(LIST + "/" + id).then().statusCode(200).body(containsString("确认导入所勾选的数据"));
        // Park staff find the page in their navigation.
        as(staff)
                .get("/console/parks/" + PARK + "/narrative-reports")
                .then()
                .body(containsString("<a href=\"/console/parks/" + PARK + "/narrative-reports\">工作报告导入</a>"));
    }
}
