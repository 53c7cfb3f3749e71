package io.parkpulse.reporting.console;

import static io.parkpulse.reporting.console.ConsolePages.encode;
import static io.parkpulse.reporting.console.ConsoleProjectsResource.monthLabel;
import static io.parkpulse.reporting.console.ServiceApi.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.console.ServiceApi.Service;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A park's written work reports (工作总结, 工作情况汇报) read into figures (docs/console.md, 工作报告导入): the
 * reports uploaded, the upload, and a report's draft where a person ticks and corrects the figures the service
 * proposes and confirms them. indicators-service reads the document, cross-checks it and stores what is confirmed
 * (docs/narrative-import.md); the console only shows the draft and sends the person's choice, with their token.
 */
@Path("/console")
// Pages for people signed in to the console with one of the platform's roles (a service account has no
// console); the session cookie is verified like a bearer token (ConsoleAuthentication).
@HttpAuthenticationMechanism(ConsoleAuthentication.SCHEME)
@RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF})
@Produces(MediaType.TEXT_HTML)
public class ConsoleNarrativeResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** Reports a page of the list shows. */
    static final int PAGE_SIZE = 10;

    /** Why a figure is shown apart and not proposed, as docs/narrative-import.md names the scopes. */
    static final Map<String, String> APART = ordered(
            "ESTIMATE", "预计数",
            "PLAN", "计划目标",
            "SUBGROUP", "部分企业",
            "CITY", "全市/全县数",
            "COMPARISON", "对比基数",
            "SINCE_FOUNDING", "建园以来累计",
            "NOT_IN_CATALOG", "目录外指标");

    static final Map<String, String> APART_WHY = Map.of(
            "ESTIMATE", "预测数不是已完成数，平台另行测算全年预计",
            "PLAN", "目标或计划，不是完成数",
            "SUBGROUP", "只是园区部分企业的数，不是全园区的",
            "CITY", "全市、全县或全省的数，不是本园区的",
            "COMPARISON", "增减量或上年同期数，不是本期累计数",
            "SINCE_FOUNDING", "建园以来的累计数，不是本期数",
            "NOT_IN_CATALOG", "平台指标目录中没有该指标");

    static final Map<String, String> OUTCOMES =
            Map.of("imported", "已导入", "updated", "已更新", "unchanged", "未变化", "rejected", "被拒绝");

    static final Map<String, String> CHECKS = Map.of("value", "数值", "growth", "增速", "completion", "完成率");

    /** Whose figure a pipeline row is: another service owns it, so it is checked here and never submitted. */
    static final Map<String, String> OWNERS = Map.of("investment", "招商引资", "projects", "项目建设");

    static final Map<String, String> FLAG_STATES = Map.of(
            "OPEN", "待说明",
            "EXPLAINED", "已说明待审核",
            "REJECTED", "说明未通过",
            "CLEARED", "已核销",
            "SUPERSEDED", "已被新数值取代");

    static final Map<String, String> STATUSES = Map.of("DRAFT", "草稿", "CONFIRMED", "已确认");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,18}(\\.\\d{1,6})?");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** Said where a pipeline row's check is not in this service's read model yet. */
    static final String NOT_SYNCED = "核对数据尚未同步：报告刚上传或刚确认时，与台账的核对稍后才有，请稍后刷新本页";

    /** Pages of the report's checks read for its pipeline rows, 500 figures each: more than any report states. */
    private static final int CHECK_PAGES = 4;

    /** Characters of a long sentence kept on either side of the figure. */
    private static final int CONTEXT = 120;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSession sessions;

    @Inject
    ServiceApi api;

    @Location("console/narrative-reports.html")
    Template listPage;

    @Location("console/narrative-report.html")
    Template draftPage;

    @Context
    UriInfo uri;

    @CookieParam(ConsoleSession.COOKIE)
    String cookie;

    // ---- the park's reports --------------------------------------------------------------------------------

    @GET
    @Path("/parks/{park}/narrative-reports")
    public Response reports(@PathParam("park") String park, @QueryParam("page") String pageText) {
        return pages.page(cookie, uri, user -> {
            Optional<Response> refused = ConsoleProjectsResource.foreignPark(pages, cookie, user, park);
            if (refused.isPresent()) {
                return refused.get();
            }
            return listView(user, park, pageNumber(pageText), "", null, 200);
        });
    }

    /**
     * The document goes to indicators-service as the body with its own type, as the API takes it; its refusals
     * (too large, not a .docx or text, unreadable, a bad period) come back as a sentence above the form.
     */
    @POST
    @Path("/parks/{park}/narrative-reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @PathParam("park") String park,
            @RestForm("csrf") String csrf,
            @RestForm("period") String periodText,
            @RestForm("file") FileUpload file) {
        return pages.page(cookie, uri, user -> {
            if (!sessions.validFormToken(user, csrf)) {
                return pages.error(cookie, 403, ConsoleAssessmentResource.STALE_FORM);
            }
            Optional<Response> refused = ConsoleProjectsResource.foreignPark(pages, cookie, user, park);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!ConsoleProjectsResource.writable(user, park)) {
                return pages.error(cookie, 403, "您的角色可以查看工作报告，但不能上传。");
            }
            String period = periodText == null ? "" : periodText.strip();
            if (!period.isEmpty() && !validMonth(period)) {
                return listView(user, park, 0, period, "报告期间应为“年-月”，如2024-06；不填则按报告内容识别。", 400);
            }
            if (file == null || file.size() == 0) {
                return listView(user, park, 0, period, "请选择要上传的工作报告文件（Word文档.docx或纯文本.txt）。", 400);
            }
            String name = fileName(file.fileName());
            JsonNode draft;
            try {
                draft = api.upload(
                        user,
                        Service.INDICATORS,
                        self(),
                        "/api/v1/parks/" + encode(park) + "/narrative-reports",
                        query("period", period, "fileName", name),
                        contentType(name, file.contentType()),
                        Files.readAllBytes(file.uploadedFile()));
            } catch (ServiceApi.Failure f) {
                if (f.status == 401 || f.status == 404 || f.status >= 500) {
                    throw f;
                }
                return listView(user, park, 0, period, uploadRefusal(f), f.status);
            }
            return ConsolePages.redirect(
                    draftPath(park, draft.path("report").path("id").asText()) + "?uploaded=1");
        });
    }

    private Response listView(ConsoleUser user, String park, int page, String period, String problem, int status) {
        String base = "/api/v1/parks/" + encode(park) + "/narrative-reports";
        JsonNode found = api.get(
                user,
                Service.INDICATORS,
                self(),
                base,
                query("page", Integer.toString(page), "size", Integer.toString(PAGE_SIZE)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode r : found.path("items")) {
            String id = r.path("id").asText();
            boolean confirmed = "CONFIRMED".equals(r.path("status").asText());
            // The list carries the counts; a report kept before it did has only its draft to count from.
            boolean counted = r.path("proposedRows").isNumber()
                    && (!confirmed || r.path("confirmedRows").isNumber());
            JsonNode draft =
                    counted ? null : api.get(user, Service.INDICATORS, self(), base + "/" + encode(id), Map.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("link", draftPath(park, id));
            row.put(
                    "file",
                    r.path("fileName").asText("").isBlank()
                            ? "（未命名）"
                            : r.path("fileName").asText());
            row.put("by", r.path("uploadedBy").asText("—"));
            row.put("at", ConsoleResource.minutes(r.path("uploadedAt")));
            row.put("period", periodText(r));
            row.put("statusCode", r.path("status").asText());
            row.put(
                    "status",
                    STATUSES.getOrDefault(
                            r.path("status").asText(), r.path("status").asText()));
            row.put("proposed", counted ? r.path("proposedRows").asInt() : proposedCount(draft));
            row.put("confirmed", confirmed ? confirmedCount(r, draft) : "—");
            rows.add(row);
        }
        long total = found.path("total").asLong(rows.size());
        return Response.status(status)
                .entity(listPage.data("user", user)
                        .data("form", sessions.formToken(user))
                        .data("park", park)
                        .data("rows", rows)
                        .data("total", total)
                        .data("previous", page > 0 ? page - 1 : -1)
                        .data("next", (long) (page + 1) * PAGE_SIZE < total ? page + 1 : -1)
                        .data("writable", ConsoleProjectsResource.writable(user, park))
                        .data("period", period)
                        .data("problem", problem))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    // ---- a report's draft ----------------------------------------------------------------------------------

    @GET
    @Path("/parks/{park}/narrative-reports/{id}")
    public Response draft(
            @PathParam("park") String park,
            @PathParam("id") String id,
            @QueryParam("uploaded") String uploaded,
            @QueryParam("confirmed") String confirmed) {
        return pages.page(cookie, uri, user -> {
            Optional<Response> refused = refusedReport(user, park, id);
            if (refused.isPresent()) {
                return refused.get();
            }
            String notice = confirmed != null
                    ? "已确认：各行数据的导入结果见下表。"
                    : uploaded != null ? "报告已上传。请核对识别出的数据，勾选并修改后确认导入；确认之前不会写入任何数据。" : null;
            JsonNode draft = api.get(user, Service.INDICATORS, self(), apiPath(park, id), Map.of());
            return draftView(user, park, draft, Submitted.NONE, null, notice, 200);
        });
    }

    /**
     * The rows ticked, with their period, value and unit as the page shows them after editing. Only the draft's
     * own indicator rows can be sent: the figures of other services are checked, never submitted from here.
     */
    @POST
    @Path("/parks/{park}/narrative-reports/{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(
            @PathParam("park") String park, @PathParam("id") String id, MultivaluedMap<String, String> form) {
        return pages.page(cookie, uri, user -> {
            if (!sessions.validFormToken(user, form.getFirst("csrf"))) {
                return pages.error(cookie, 403, ConsoleAssessmentResource.STALE_FORM);
            }
            Optional<Response> refused = refusedReport(user, park, id);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (!ConsoleProjectsResource.writable(user, park)) {
                return pages.error(cookie, 403, "您的角色可以查看工作报告，但不能确认导入。");
            }
            JsonNode draft = api.get(user, Service.INDICATORS, self(), apiPath(park, id), Map.of());
            Submitted submitted = Submitted.of(form);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode r : draft.path("rows")) {
                String index = r.path("index").asText();
                if (!indicatorRow(r) || !submitted.taken.contains(index)) {
                    continue;
                }
                String value = submitted.value(index, "");
                String period = submitted.period(index, "");
                BigDecimal decimal = decimal(value);
                if (decimal == null) {
                    submitted.errors.put(index, value.isBlank() ? "请填写数值" : "“" + value + "”不是有效的数字（最多18位整数、6位小数）");
                }
                if (!validMonth(period)) {
                    submitted.errors.merge(index, "期间应为“年-月”，如2024-06", (a, b) -> a + "；" + b);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("indicator", r.path("indicator").asText());
                row.put("period", period);
                row.put("value", decimal);
                String unit = submitted.unit(index, "").strip();
                row.put("unit", unit.isEmpty() ? null : unit);
                rows.add(row);
            }
            if (!submitted.errors.isEmpty()) {
                return draftView(user, park, draft, submitted, "提交未成功，请按各行的提示修改后重新确认。", null, 400);
            }
            if (rows.isEmpty()) {
                return draftView(user, park, draft, submitted, "请至少勾选一行要导入的数据。", null, 400);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("rows", rows);
            body.put("atomic", false);
            try {
                api.post(user, Service.INDICATORS, self(), apiPath(park, id) + "/confirm", body);
            } catch (ServiceApi.Failure f) {
                if (f.status == 401 || f.status == 404 || f.status >= 500) {
                    throw f;
                }
                // A batch refused whole leaves the draft unconfirmed: its answer per row is shown above the form.
                JsonNode again = api.get(user, Service.INDICATORS, self(), apiPath(park, id), Map.of());
                return draftView(
                        user, park, again, submitted.refused(f.context), "未导入：" + f.getMessage(), null, f.status);
            }
            return ConsolePages.redirect(draftPath(park, id) + "?confirmed=1");
        });
    }

    private Response draftView(
            ConsoleUser user,
            String park,
            JsonNode draft,
            Submitted submitted,
            String problem,
            String notice,
            int status) {
        JsonNode report = draft.path("report");
        boolean open = "DRAFT".equals(report.path("status").asText());
        boolean writable = ConsoleProjectsResource.writable(user, park);

        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> pipeline = new ArrayList<>();
        List<JsonNode> pipelineRows = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        draft.path("rows").forEach(all::add);
        for (JsonNode r : all) {
            names.put(r.path("indicator").asText(), name(r));
            Map<String, Object> row = figure(r);
            if (indicatorRow(r)) {
                String index = r.path("index").asText();
                row.put("index", index);
                row.put("checked", submitted.isNone() || submitted.taken.contains(index));
                row.put("periodInput", submitted.period(index, r.path("period").asText("")));
                row.put("valueInput", submitted.value(index, plain(r.path("value"))));
                row.put("unitInput", submitted.unit(index, r.path("unit").asText("")));
                row.put("error", submitted.errors.getOrDefault(index, ""));
                rows.add(row);
            } else {
                row.put("owner", owner(r));
                pipeline.add(row);
                pipelineRows.add(r);
            }
        }
        List<Map<String, Object>> apart = new ArrayList<>();
        for (JsonNode r : draft.path("apart")) {
            if (pipelineRow(r)) {
                // Should another service's figure arrive among those kept apart, it is still only checked.
                Map<String, Object> row = figure(r);
                row.put("owner", owner(r));
                pipeline.add(row);
                pipelineRows.add(r);
                continue;
            }
            Map<String, Object> row = figure(r);
            String scope = r.path("scope").asText();
            row.put("scope", APART.getOrDefault(scope, scope));
            row.put("scopeWhy", APART_WHY.getOrDefault(scope, ""));
            row.put(
                    "name",
                    r.path("indicatorName").isTextual()
                            ? name(r)
                            : r.path("phrase").asText(name(r)));
            apart.add(row);
        }
        List<Map<String, Object>> flags = new ArrayList<>();
        for (JsonNode f : draft.path("flags")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(
                    "indicator",
                    names.getOrDefault(
                            f.path("indicator").asText(), f.path("indicator").asText()));
            row.put("period", monthLabel(f.path("period").asText(null)));
            row.put("message", f.path("message").asText(""));
            row.put(
                    "status",
                    FLAG_STATES.getOrDefault(
                            f.path("status").asText(), f.path("status").asText()));
            flags.add(row);
        }
        if (!pipeline.isEmpty()) {
            ledgerChecks(user, park, report.path("id").asText(), pipeline, pipelineRows);
        }
        JsonNode outcome = draft.path("outcome").isObject() ? draft.path("outcome") : submitted.outcome;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", report.path("id").asText());
        r.put(
                "file",
                report.path("fileName").asText("").isBlank()
                        ? "（未命名）"
                        : report.path("fileName").asText());
        r.put("by", report.path("uploadedBy").asText("—"));
        r.put("at", ConsoleResource.minutes(report.path("uploadedAt")));
        // Not "size": a template reads that of a map as its number of entries.
        r.put("bytes", size(report.path("sizeBytes").asLong()));
        r.put("sha256", report.path("sha256").asText(""));
        r.put(
                "status",
                STATUSES.getOrDefault(
                        report.path("status").asText(), report.path("status").asText()));
        r.put("statusCode", report.path("status").asText());
        r.put("period", monthLabel(report.path("period").asText(null)));
        r.put("detected", monthLabel(report.path("detectedPeriod").asText(null)));
        r.put("evidence", report.path("detectedEvidence").asText(""));
        r.put("overridden", report.path("periodOverridden").asBoolean());
        r.put("hasPeriod", report.path("period").isTextual());
        r.put("confirmedBy", report.path("confirmedBy").asText(""));
        r.put("confirmedAt", ConsoleResource.minutes(report.path("confirmedAt")));

        return Response.status(status)
                .entity(draftPage
                        .data("user", user)
                        .data("form", sessions.formToken(user))
                        .data("park", park)
                        .data("r", r)
                        .data("rows", rows)
                        .data("pipeline", pipeline)
                        .data("apart", apart)
                        .data("flags", flags)
                        .data("outcome", outcome(outcome, names))
                        .data("confirmable", open && writable && !rows.isEmpty())
                        .data("problem", problem)
                        .data("notice", notice))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /**
     * The pipeline rows' check against the ledgers (到位资金, 签约、开工项目…), from this service's own narrative checks of
     * the report: indicators-service has no copy of those ledgers and gives these rows no check. A row is matched by
     * its code and its span in the document. Until the report's event has reached the read model there is nothing to
     * match, and the page says so rather than that the ledger has no figure.
     */
    private void ledgerChecks(
            ConsoleUser user, String park, String id, List<Map<String, Object>> rows, List<JsonNode> figures) {
        Map<String, JsonNode> checked = new HashMap<>();
        String unavailable = null;
        try {
            long total = 0;
            for (int page = 0; page < CHECK_PAGES && (page == 0 || (long) page * Page.MAX_SIZE < total); page++) {
                JsonNode found = api.get(
                        user,
                        Service.REPORTING,
                        self(),
                        "/api/v1/narrative-checks",
                        query(
                                "report",
                                id,
                                "park",
                                park,
                                "page",
                                Integer.toString(page),
                                "size",
                                Integer.toString(Page.MAX_SIZE)));
                total = found.path("total").asLong();
                for (JsonNode item : found.path("items")) {
                    checked.put(
                            span(
                                    item.path("code").asText(),
                                    item.path("start").asInt(),
                                    item.path("end").asInt()),
                            item);
                }
            }
        } catch (ServiceApi.Failure f) {
            if (f.status == 401) {
                throw f;
            }
            unavailable = "核对数据暂不可用：" + f.getMessage();
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            JsonNode r = figures.get(i);
            JsonNode item = checked.get(span(
                    r.path("indicator").asText(),
                    r.path("start").asInt(),
                    r.path("end").asInt()));
            if (item == null) {
                row.put("compared", false);
                row.put("note", unavailable != null ? unavailable : checked.isEmpty() ? NOT_SYNCED : "台账暂无数据");
                continue;
            }
            String unit = item.path("unit").asText("");
            List<Map<String, Object>> checks = new ArrayList<>();
            checks.add(ledgerCheck(
                    "value",
                    item.path("platformValue").isNumber(),
                    Views.amount(item.path("platformValue"), unit),
                    Views.signedAmount(Views.decimal(item.path("difference")), unit),
                    item.path("valueDisagrees").asBoolean(),
                    item.path("platformNote").asText("")));
            for (String kind : List.of("growth", "completion")) {
                JsonNode c = item.path(kind);
                if (c.isObject()) {
                    checks.add(ledgerCheck(
                            kind,
                            c.path("platform").isNumber(),
                            Views.pct(c.path("platform")),
                            Views.signedPoints(Views.decimal(c.path("difference"))),
                            c.path("disagrees").asBoolean(),
                            "growth".equals(kind) ? "" : "平台不保存招商、项目的年度任务"));
                }
            }
            row.put("checks", checks);
            row.put("compared", true);
            row.put("disagrees", item.path("disagrees").asBoolean());
            row.put("note", "");
        }
    }

    private static Map<String, Object> ledgerCheck(
            String kind, boolean known, String platform, String difference, boolean disagrees, String note) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("kind", CHECKS.getOrDefault(kind, kind));
        check.put("known", known);
        check.put("platform", platform);
        check.put("difference", difference);
        check.put("disagrees", disagrees);
        check.put("note", note);
        return check;
    }

    private static String span(String code, int start, int end) {
        return code + "@" + start + "-" + end;
    }

    /** What every figure shows: its name, the words as written, the sentence around it and what was checked. */
    private static Map<String, Object> figure(JsonNode r) {
        Map<String, Object> row = new LinkedHashMap<>();
        String unit = r.path("unit").asText("");
        row.put("name", name(r));
        row.put("code", r.path("indicator").asText(""));
        row.put("period", monthLabel(r.path("period").asText(null)));
        row.put("stated", r.path("stated").asText(""));
        row.put("value", Views.amount(r.path("value"), unit));
        List<String> rates = new ArrayList<>();
        if (r.path("growthPct").isNumber()) {
            rates.add("增速" + Views.signedPct(r.path("growthPct")));
        }
        if (r.path("completionPct").isNumber()) {
            rates.add("完成率" + Views.pct(r.path("completionPct")));
        }
        row.put("rates", rates.isEmpty() ? "—" : String.join("；", rates));
        String[] parts = highlight(r);
        row.put("before", parts[0]);
        row.put("span", parts[1]);
        row.put("after", parts[2]);
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean disagrees = false;
        for (JsonNode c : r.path("checks")) {
            String kind = c.path("kind").asText();
            boolean percent = !"value".equals(kind);
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("kind", CHECKS.getOrDefault(kind, kind));
            boolean known = c.path("platform").isNumber();
            check.put("known", known);
            check.put("platform", percent ? Views.pct(c.path("platform")) : Views.amount(c.path("platform"), unit));
            check.put("difference", difference(c.path("difference"), percent, unit));
            check.put("disagrees", c.path("disagrees").asBoolean());
            check.put("note", "");
            disagrees |= c.path("disagrees").asBoolean();
            checks.add(check);
        }
        row.put("checks", checks);
        row.put("compared", checks.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("known"))));
        row.put("note", "平台暂无数据");
        row.put("disagrees", disagrees);
        row.put("confidence", confidence(r.path("confidence")));
        row.put("why", reading(r));
        return row;
    }

    /**
     * 识别依据 in the officer's language, from the row's own fields: the service's {@code why} is a developer's
     * English trace of which table line matched, kept in the API for whoever maintains the tables.
     */
    static String reading(JsonNode r) {
        String phrase = r.path("phrase").asText("");
        String name = r.path("indicatorName").asText(r.path("indicator").asText(""));
        StringBuilder sb = new StringBuilder();
        sb.append("报告用语“").append(phrase).append("”识别为").append(name);
        String owner = OWNERS.get(r.path("owner").asText(""));
        sb.append(owner != null ? "；属" + owner + "数据，只核对不入库" : "；园区本期完成数");
        return sb.toString();
    }

    private static Map<String, Object> outcome(JsonNode result, Map<String, String> names) {
        if (result == null || !result.isObject()) {
            return null;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode o : result.path("rows")) {
            String code = o.path("outcome").asText();
            Map<String, Object> row = new LinkedHashMap<>();
            String indicator = o.path("indicator").asText("");
            row.put("indicator", names.getOrDefault(indicator, indicator.isEmpty() ? "—" : indicator));
            row.put("period", monthLabel(o.path("period").asText(null)));
            row.put("value", Views.amount(o.path("value"), o.path("unit").asText("")));
            row.put("outcome", code);
            row.put("label", OUTCOMES.getOrDefault(code, code));
            row.put("message", o.path("message").asText(""));
            List<String> flags = new ArrayList<>();
            o.path("flags").forEach(f -> flags.add(f.path("message").asText(f.asText())));
            row.put("flags", String.join("；", flags));
            rows.add(row);
        }
        JsonNode sum = result.path("summary");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "text",
                "已导入" + sum.path("imported").asInt() + "项，已更新"
                        + sum.path("updated").asInt() + "项，未变化"
                        + sum.path("unchanged").asInt() + "项，被拒绝"
                        + sum.path("rejected").asInt() + "项。");
        out.put("rows", rows);
        return out;
    }

    /** The ticks and inputs of a confirm form as typed, the messages for its rows, and a refused batch's answer. */
    static final class Submitted {
        static final Submitted NONE = new Submitted(null);

        final MultivaluedMap<String, String> form;
        final List<String> taken = new ArrayList<>();
        final Map<String, String> errors = new LinkedHashMap<>();
        JsonNode outcome;

        private Submitted(MultivaluedMap<String, String> form) {
            this.form = form;
        }

        static Submitted of(MultivaluedMap<String, String> form) {
            Submitted s = new Submitted(form);
            List<String> take = form.get("take");
            if (take != null) {
                take.stream().filter(t -> t != null).forEach(s.taken::add);
            }
            return s;
        }

        boolean isNone() {
            return form == null;
        }

        Submitted refused(JsonNode context) {
            if (context != null && context.path("rows").isArray()) {
                outcome = context;
            }
            return this;
        }

        String value(String index, String shown) {
            return typed("value-" + index, shown);
        }

        String period(String index, String shown) {
            return typed("period-" + index, shown);
        }

        String unit(String index, String shown) {
            return typed("unit-" + index, shown);
        }

        private String typed(String name, String shown) {
            if (form == null) {
                return shown;
            }
            String v = form.getFirst(name);
            return v == null ? shown : v;
        }
    }

    // ---- reading the draft ---------------------------------------------------------------------------------

    /** The park's own figures, which a person may confirm; an absent owner is indicators-service. */
    static boolean indicatorRow(JsonNode r) {
        return !pipelineRow(r) && r.path("proposed").asBoolean(true);
    }

    static boolean pipelineRow(JsonNode r) {
        return "PIPELINE".equals(r.path("scope").asText())
                || !"indicators".equals(r.path("owner").asText("indicators"));
    }

    /** The rows the batch stored or found unchanged: the list's count, else the draft's outcome. */
    private static Object confirmedCount(JsonNode listed, JsonNode draft) {
        if (listed.path("confirmedRows").isNumber()) {
            return listed.path("confirmedRows").asInt();
        }
        JsonNode sum = draft == null ? null : draft.path("outcome").path("summary");
        return sum != null && sum.isObject()
                ? sum.path("imported").asInt()
                        + sum.path("updated").asInt()
                        + sum.path("unchanged").asInt()
                : "—";
    }

    private static int proposedCount(JsonNode draft) {
        int n = 0;
        for (JsonNode r : draft.path("rows")) {
            n += indicatorRow(r) ? 1 : 0;
        }
        return n;
    }

    private static String name(JsonNode r) {
        String name = r.path("indicatorName").asText("");
        if (!name.isBlank()) {
            return name;
        }
        String code = r.path("indicator").asText("");
        return code.isBlank() ? r.path("phrase").asText("—") : code;
    }

    private static String owner(JsonNode r) {
        String owner = r.path("owner").asText("");
        return OWNERS.getOrDefault(owner, owner.isBlank() ? "其他服务" : owner);
    }

    /**
     * The sentence around a figure split at the figure's span (Java string offsets into the document's text), a
     * long sentence cut to the words near the figure. The parts are text: the template escapes them.
     */
    static String[] highlight(JsonNode r) {
        String s = r.path("sentence").asText("");
        int base = r.path("sentenceStart").asInt();
        int a = r.path("start").asInt() - base;
        int b = r.path("end").asInt() - base;
        if (a < 0 || b > s.length() || a > b) {
            return new String[] {cut(s, 0, Math.min(s.length(), 2 * CONTEXT), false, s.length() > 2 * CONTEXT), "", ""};
        }
        int from = Math.max(0, a - CONTEXT);
        int to = Math.min(s.length(), b + CONTEXT);
        return new String[] {cut(s, from, a, from > 0, false), s.substring(a, b), cut(s, b, to, false, to < s.length())
        };
    }

    private static String cut(String s, int from, int to, boolean lead, boolean trail) {
        // A cut never splits a character outside the basic plane.
        if (lead && from < s.length() && Character.isLowSurrogate(s.charAt(from))) {
            from++;
        }
        if (trail && to > 0 && to < s.length() && Character.isLowSurrogate(s.charAt(to))) {
            to--;
        }
        return (lead ? "…" : "") + s.substring(from, Math.max(from, to)) + (trail ? "…" : "");
    }

    private static String confidence(JsonNode c) {
        if (!c.isNumber()) {
            return "—";
        }
        return c.decimalValue()
                        .movePointRight(2)
                        .setScale(0, RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    private static String difference(JsonNode d, boolean percent, String unit) {
        BigDecimal v = Views.decimal(d);
        return percent ? Views.signedPoints(v) : Views.signedAmount(v, unit);
    }

    private static String plain(JsonNode n) {
        return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : "";
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + "字节" : (bytes + 512) / 1024 + "KB";
    }

    private static String periodText(JsonNode report) {
        String period = monthLabel(report.path("period").asText(null));
        if (!report.path("period").isTextual()) {
            return "未识别";
        }
        return report.path("periodOverridden").asBoolean() ? period + "（上传时指定）" : period;
    }

    // ---- inputs --------------------------------------------------------------------------------------------

    /** A value as typed, with thousands separators and full-width digits as Chinese input methods give them. */
    static BigDecimal decimal(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char c : typed.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                b.append((char) (c - '０' + '0'));
            } else if (c == '．') {
                b.append('.');
            } else if (c == '－') {
                b.append('-');
            } else if (c != ',' && c != '，' && c != ' ') {
                b.append(c);
            }
        }
        String v = b.toString();
        return DECIMAL.matcher(v).matches() ? new BigDecimal(v) : null;
    }

    static boolean validMonth(String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            return false;
        }
        try {
            YearMonth.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The name the browser gave, without a path some browsers still send. */
    static String fileName(String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .strip();
        return name.isEmpty() ? null : name;
    }

    /** The type indicators-service reads it as: by extension, else what the browser said, for the service to judge. */
    static String contentType(String name, String given) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx")) {
            return DOCX;
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        return given == null || given.isBlank() ? "application/octet-stream" : given;
    }

    private static String uploadRefusal(ServiceApi.Failure f) {
        if (f.status == 413 || "document_too_large".equals(f.code)) {
            return "文件过大：工作报告文件最大2MB（一份30页的Word文档约50–100KB）。";
        }
        if (f.status == 415) {
            return "不支持此文件格式：请上传Word文档（.docx）或纯文本文件（.txt）。旧版Word文档（.doc）请先在Word中另存为.docx。";
        }
        for (JsonNode e : f.errors) {
            if (e.path("message").isTextual() && !e.path("message").asText().isBlank()) {
                return "上传未成功：" + e.path("message").asText();
            }
        }
        return "上传未成功：" + f.getMessage();
    }

    private static int pageNumber(String text) {
        try {
            return Math.max(0, Math.min(1_000_000, Integer.parseInt(text == null ? "0" : text.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Another park's report, or an id that is no number, is refused before anything is asked of the service. */
    private Optional<Response> refusedReport(ConsoleUser user, String park, String id) {
        Optional<Response> refused = ConsoleProjectsResource.foreignPark(pages, cookie, user, park);
        if (refused.isPresent()) {
            return refused;
        }
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.of(pages.error(cookie, 404, "报告“" + id + "”不存在"));
        }
        return Optional.empty();
    }

    private static String apiPath(String park, String id) {
        return "/api/v1/parks/" + encode(park) + "/narrative-reports/" + encode(id);
    }

    private static String draftPath(String park, String id) {
        return "/console/parks/" + encode(park) + "/narrative-reports/" + encode(id);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private String self() {
        return ConsolePages.self(uri);
    }
}
