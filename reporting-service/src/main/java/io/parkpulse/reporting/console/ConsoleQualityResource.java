package io.parkpulse.reporting.console;

import static io.parkpulse.reporting.console.ConsolePages.encode;
import static io.parkpulse.reporting.console.ServiceApi.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.DateBounds;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.console.ServiceApi.Service;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 数据核查 (docs/console.md): the review flags with the values around them, the park's explanation and the
 * bureau's decision, correction windows for locked months, and the register of paper reports received. The
 * services decide who may do what; the page offers each role the steps its API allows.
 */
@Path("/console")
// Pages for people signed in to the console with one of the platform's roles (a service account has no
// console); the session cookie is verified like a bearer token (ConsoleAuthentication).
@HttpAuthenticationMechanism(ConsoleAuthentication.SCHEME)
@RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF})
@Produces(MediaType.TEXT_HTML)
public class ConsoleQualityResource {

    static final Map<String, String> REASONS = Map.of(
            "jump_vs_previous_month", "环比异常",
            "jump_vs_last_year", "同比异常",
            "narrative_value_differs", "报告数值与已报数值不一致",
            "narrative_growth_differs", "报告增速与按已报数值计算的增速不一致",
            "narrative_completion_differs", "报告完成率与按已报数值计算的完成率不一致");

    /** How many disagreeing figures the page lists; the API pages the rest. */
    static final int NARRATIVE_ROWS = 50;

    static final Map<String, String> DONE = Map.of(
            "explained", "说明已提交，等待市局审核。",
            "cleared", "已核销：数值成立。",
            "rejected", "已退回园区补充说明或更正。",
            "window", "更正窗口已开启。",
            "closed", "更正窗口已关闭。",
            "receipt", "签收日期已登记。");

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSession sessions;

    @Inject
    ServiceApi api;

    @Location("console/quality.html")
    Template qualityPage;

    @Context
    UriInfo uri;

    @CookieParam(ConsoleSession.COOKIE)
    String cookie;

    @GET
    @Path("/quality")
    public Response quality(
            @QueryParam("park") String park,
            @QueryParam("status") String status,
            @QueryParam("page") Integer page,
            @QueryParam("year") String year,
            @QueryParam("done") String done) {
        // Map.of refuses a null key: a page opened without "done" has no notice.
        String notice = done == null ? null : DONE.get(done);
        return pages.page(cookie, uri, user -> view(user, park, status, page, year, notice, Map.of(), 200));
    }

    @POST
    @Path("/flags/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @PathParam("id") long id,
            @PathParam("action") String action,
            @FormParam("csrf") String csrf,
            @FormParam("text") String text,
            @FormParam("park") String park) {
        String done = Map.of("explain", "explained", "clear", "cleared", "reject", "rejected")
                .get(action);
        if (done == null) {
            return pages.page(
                    cookie,
                    uri,
                    user -> sessions.validFormToken(user, csrf)
                            ? pages.error(cookie, 404, "没有这项操作。")
                            : pages.error(cookie, 403, ConsoleAssessmentResource.STALE_FORM));
        }
        String field = "explain".equals(action) ? "explanation" : "note";
        // A refusal is shown on the flag's own row, which reads the message under "flag<id>".
        return command(
                csrf,
                park,
                "flag" + id,
                done,
                user -> api.post(
                        user,
                        Service.INDICATORS,
                        self(),
                        "/api/v1/flags/" + id + "/" + action,
                        Map.of(field, text == null ? "" : text)));
    }

    @POST
    @Path("/quality/corrections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response openWindow(
            @FormParam("csrf") String csrf,
            @FormParam("park") String park,
            @FormParam("period") String period,
            @FormParam("reason") String reason,
            @FormParam("hours") String hours) {
        return command(csrf, park, "window", "window", user -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("period", period);
            body.put("reason", reason);
            if (hours != null && !hours.isBlank()) {
                body.put("hours", number(hours));
            }
            api.post(
                    user, Service.INDICATORS, self(), "/api/v1/parks/" + encode(required(park)) + "/corrections", body);
        });
    }

    @POST
    @Path("/quality/corrections/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closeWindow(
            @PathParam("id") long id, @FormParam("csrf") String csrf, @FormParam("park") String park) {
        return command(
                csrf,
                park,
                "window",
                "closed",
                user -> api.post(
                        user,
                        Service.INDICATORS,
                        self(),
                        "/api/v1/parks/" + encode(required(park)) + "/corrections/" + id + "/close",
                        Map.of()));
    }

    @POST
    @Path("/quality/receipts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response receipt(
            @FormParam("csrf") String csrf,
            @FormParam("park") String park,
            @FormParam("period") String period,
            @FormParam("receivedOn") String receivedOn,
            @FormParam("note") String note) {
        return command(csrf, park, "receipt", "receipt", user -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("receivedOn", receivedOn == null || receivedOn.isBlank() ? null : receivedOn);
            body.put("note", note);
            api.put(
                    user,
                    Service.INDICATORS,
                    self(),
                    "/api/v1/parks/" + encode(required(park)) + "/receipts/" + encode(period == null ? "" : period),
                    body);
        });
    }

    @FunctionalInterface
    interface Command {
        void run(ConsoleUser user) throws Exception;
    }

    /** A form's command: refused by its API, the page comes back with the message beside the form's fields. */
    private Response command(String csrf, String park, String form, String done, Command c) {
        return pages.page(cookie, uri, user -> {
            if (!sessions.validFormToken(user, csrf)) {
                return pages.error(cookie, 403, ConsoleAssessmentResource.STALE_FORM);
            }
            try {
                c.run(user);
            } catch (ServiceApi.Failure f) {
                if (f.status == 401 || f.status >= 500) {
                    throw f;
                }
                Map<String, String> errors = new HashMap<>();
                for (JsonNode e : f.errors) {
                    errors.merge(
                            form + "." + e.path("field").asText(),
                            e.path("message").asText(),
                            (a, b) -> a + "；" + b);
                }
                errors.putIfAbsent(form, f.getMessage());
                return view(user, park, null, null, null, null, errors, f.status);
            }
            return back(park, done);
        });
    }

    private Response back(String park, String done) {
        return ConsolePages.redirect(
                "/console/quality?done=" + done + (park == null || park.isBlank() ? "" : "&park=" + encode(park)));
    }

    private Response view(
            ConsoleUser user,
            String parkFilter,
            String statusText,
            Integer pageNumber,
            String yearText,
            String notice,
            Map<String, String> errors,
            int httpStatus)
            throws Exception {
        String park =
                user.bureau() ? (parkFilter == null || parkFilter.isBlank() ? null : parkFilter.trim()) : user.park();
        String status = "all".equals(statusText) ? "all" : "open";
        int page = pageNumber == null || pageNumber < 0 ? 0 : pageNumber;
        Map<String, String> parkNames = new LinkedHashMap<>();
        for (JsonNode p : api.get(user, Service.INDICATORS, self(), "/api/v1/parks", query("size", "500"))
                .path("items")) {
            parkNames.put(p.path("code").asText(), p.path("name").asText());
        }
        Map<String, JsonNode> catalog = new HashMap<>();
        for (JsonNode i : api.get(user, Service.INDICATORS, self(), "/api/v1/indicators", Map.of())) {
            catalog.put(i.path("code").asText(), i);
        }
        Map<String, String> q =
                new LinkedHashMap<>(query("status", status, "size", "20", "page", Integer.toString(page)));
        if (park != null) {
            q.put("park", park);
        }
        JsonNode flags = api.get(user, Service.INDICATORS, self(), "/api/v1/flags", q);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode f : flags.path("items")) {
            rows.add(flagRow(user, f, parkNames, catalog, errors));
        }
        List<Map<String, Object>> windows = new ArrayList<>();
        List<Map<String, Object>> receipts = new ArrayList<>();
        if (park != null) {
            for (JsonNode w : api.get(
                    user, Service.INDICATORS, self(), "/api/v1/parks/" + encode(park) + "/corrections", Map.of())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", w.path("id").asLong());
                row.put("period", Views.month(YearMonth.parse(w.path("period").asText())));
                row.put("reason", w.path("reason").asText());
                row.put("openedBy", w.path("openedBy").asText());
                row.put("expiresAt", ConsoleResource.minutes(w.path("expiresAt")));
                row.put(
                        "open",
                        w.path("closedAt").isNull() || w.path("closedAt").isMissingNode());
                windows.add(row);
            }
            for (JsonNode r : api.get(
                    user, Service.INDICATORS, self(), "/api/v1/parks/" + encode(park) + "/receipts", Map.of())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("period", Views.month(YearMonth.parse(r.path("period").asText())));
                row.put("receivedOn", r.path("receivedOn").asText());
                row.put("note", r.path("note").asText(""));
                row.put("recordedBy", r.path("recordedBy").asText());
                receipts.add(row);
            }
            // The latest year, newest first: what an office checks; the API keeps every month.
            java.util.Collections.reverse(receipts);
            receipts = receipts.subList(0, Math.min(12, receipts.size()));
        }
        int year = year(yearText);
        Narrative narrative = narrative(user, park, year);
        long total = flags.path("total").asLong();
        return Response.status(httpStatus)
                .entity(qualityPage
                        .data("user", user)
                        .data("form", sessions.formToken(user))
                        .data("park", park == null ? "" : park)
                        .data("parkName", park == null ? "全市" : parkNames.getOrDefault(park, park))
                        .data(
                                "parks",
                                parkNames.entrySet().stream()
                                        .map(e -> Map.of("code", e.getKey(), "name", e.getValue()))
                                        .toList())
                        .data("status", status)
                        .data("flags", rows)
                        .data("total", total)
                        .data("page", page)
                        .data("pageLabel", page + 1)
                        .data("previous", page > 0 ? page - 1 : -1)
                        .data("next", (long) (page + 1) * 20 < total ? page + 1 : -1)
                        .data("windows", windows)
                        .data("receipts", receipts)
                        .data("year", year)
                        .data("narrative", narrative.rows())
                        .data("narrativeTotal", narrative.total())
                        .data("narrativeMore", narrative.total() > narrative.figures())
                        .data("narrativeFigures", narrative.figures())
                        .data("narrativeError", narrative.error())
                        .data("notice", notice)
                        .data("errors", errors)
                        .data("admin", user.roles().contains(Roles.BUREAU_ADMIN))
                        .data("reviewer", user.bureau()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** A flag with the value it is about, the month before and the same month last year, as the office compares them. */
    private Map<String, Object> flagRow(
            ConsoleUser user,
            JsonNode f,
            Map<String, String> parkNames,
            Map<String, JsonNode> catalog,
            Map<String, String> errors) {
        String park = f.path("park").asText();
        String indicator = f.path("indicator").asText();
        YearMonth month = YearMonth.parse(f.path("period").asText());
        JsonNode def = catalog.get(indicator);
        String unit = def == null ? "" : def.path("unit").asText("");
        Map<String, JsonNode> values = new HashMap<>();
        for (JsonNode v : api.get(
                        user,
                        Service.INDICATORS,
                        self(),
                        "/api/v1/parks/" + encode(park) + "/values",
                        query(
                                "indicator",
                                indicator,
                                "from",
                                month.minusYears(1).toString(),
                                "to",
                                month.toString(),
                                "size",
                                "20"))
                .path("items")) {
            values.put(v.path("period").asText(), v.path("value"));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        long id = f.path("id").asLong();
        row.put("id", id);
        row.put("park", park);
        row.put("parkName", parkNames.getOrDefault(park, park));
        row.put("indicator", def == null ? indicator : def.path("nameZh").asText(indicator));
        row.put("month", Views.month(month));
        row.put(
                "reason",
                REASONS.getOrDefault(f.path("reason").asText(), f.path("reason").asText()));
        row.put("message", f.path("message").asText());
        row.put("status", f.path("status").asText());
        row.put("statusLabel", f.path("statusLabel").asText());
        row.put("value", shown(values.get(month.toString()), unit));
        row.put("previous", shown(values.get(month.minusMonths(1).toString()), unit));
        row.put("lastYear", shown(values.get(month.minusYears(1).toString()), unit));
        row.put("explanation", f.path("explanation").asText(""));
        row.put("rejectNote", f.path("rejectNote").asText(""));
        row.put("clearNote", f.path("clearNote").asText(""));
        String s = f.path("status").asText();
        row.put("canExplain", !user.bureau() && ("OPEN".equals(s) || "REJECTED".equals(s)));
        row.put(
                "canDecide",
                user.bureau() && List.of("OPEN", "EXPLAINED", "REJECTED").contains(s));
        row.put("canReject", user.bureau() && ("OPEN".equals(s) || "EXPLAINED".equals(s)));
        row.put("error", errors.getOrDefault("flag" + id, ""));
        return row;
    }

    /** The year asked for, else this year (China time): a page opened without one shows the current year's. */
    private static int year(String text) {
        int now = CityTime.today().getYear();
        if (text == null || !text.strip().matches("\\d{4}")) {
            return now;
        }
        int y = Integer.parseInt(text.strip());
        return y < DateBounds.EARLIEST_YEAR || y > now + 1 ? now : y;
    }

    /**
     * {@code total} disagreeing figures, {@code figures} of them on the page; {@code rows} one per disagreeing
     * comparison, so a figure whose value and growth both disagree is two rows.
     */
    record Narrative(List<Map<String, Object>> rows, long total, int figures, String error) {}

    /**
     * The figures of the year's narrative reports that disagree with the platform's, one row per comparison that
     * disagrees, newest report first. Reporting's own API answers; while its read model is rebuilt the section says
     * so and the rest of the page is still shown.
     */
    private Narrative narrative(ConsoleUser user, String park, int year) {
        JsonNode page;
        try {
            page = api.get(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/narrative-checks",
                    query(
                            "year",
                            Integer.toString(year),
                            "park",
                            park,
                            "disagreeing",
                            "true",
                            "size",
                            Integer.toString(NARRATIVE_ROWS)));
        } catch (ServiceApi.Failure f) {
            if (f.status == 401) {
                throw f;
            }
            return new Narrative(List.of(), 0, 0, f.getMessage());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            String unit = item.path("unit").asText("");
            String months = item.path("period").isTextual()
                    ? "（" + months(YearMonth.parse(item.path("period").asText())) + "）"
                    : "";
            String name = item.path("name").asText(item.path("code").asText());
            if (item.path("valueDisagrees").asBoolean()) {
                rows.add(narrativeRow(
                        item,
                        name + months,
                        item.path("stated").asText(),
                        Views.amount(item.path("platformValue"), unit),
                        Views.signedAmount(Views.decimal(item.path("difference")), unit)));
            }
            for (String kind : List.of("growth", "completion")) {
                JsonNode c = item.path(kind);
                if (c.path("disagrees").asBoolean()) {
                    boolean growth = "growth".equals(kind);
                    rows.add(narrativeRow(
                            item,
                            name + (growth ? "同比增速" : "全年任务完成率") + months,
                            percentPhrase(growth, Views.decimal(c.path("stated"))),
                            percentPhrase(growth, Views.decimal(c.path("platform"))),
                            Views.signedPoints(Views.decimal(c.path("difference")))));
                }
            }
        }
        return new Narrative(
                rows, page.path("total").asLong(), page.path("items").size(), null);
    }

    private static Map<String, Object> narrativeRow(
            JsonNode item, String figure, String stated, String platform, String difference) {
        JsonNode report = item.path("report");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("parkName", item.path("parkName").asText(item.path("park").asText()));
        String file = report.path("fileName").asText("");
        row.put(
                "report",
                (file.isBlank() ? "报告#" + report.path("id").asText() : "《" + file + "》") + "（"
                        + ConsoleResource.minutes(report.path("uploadedAt")) + "上传）");
        row.put("figure", figure);
        row.put("stated", stated);
        row.put("platform", platform);
        row.put("difference", difference);
        row.put("sentence", item.path("sentence").asText(""));
        return row;
    }

    private static String months(YearMonth m) {
        return m.getYear() + "年" + Phrases.months(m);
    }

    /** "同比增长4.2%" / "完成全年任务的45.67%"; a dash where the platform has none. */
    private static String percentPhrase(boolean growth, BigDecimal pct) {
        if (pct == null) {
            return "—";
        }
        return growth ? Phrases.growth(pct) : Phrases.completion(pct);
    }

    private static String shown(JsonNode value, String unit) {
        return value == null || value.isNull() ? "—" : Views.amount(value, unit);
    }

    private static Object number(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            // Sent as typed: the service names the field and says what it expects.
            return text;
        }
    }

    private static String required(String park) {
        if (park == null || park.isBlank()) {
            throw new ConsolePages.BadInput("请先选择园区。");
        }
        return park.trim();
    }

    private String self() {
        return ConsolePages.self(uri);
    }
}
