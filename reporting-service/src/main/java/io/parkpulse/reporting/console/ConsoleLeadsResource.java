package io.parkpulse.reporting.console;

import static io.parkpulse.reporting.console.ConsolePages.encode;
import static io.parkpulse.reporting.console.ConsoleProjectsResource.monthLabel;
import static io.parkpulse.reporting.console.ConsoleProjectsResource.plain;
import static io.parkpulse.reporting.console.ServiceApi.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.console.ConsoleProjectsResource.Refusal;
import io.parkpulse.reporting.console.ConsoleProjectsResource.Submitted;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A park's investment-attraction pipeline for its office (docs/console.md, 招商引资): the leads with their stages,
 * registering one, and a lead's page where the office moves it along the pipeline, records the visits and talks
 * about it and the funds that arrived. Everything goes through investment-service's public API with the user's
 * token; the moves offered are the lead's {@code allowedTransitions} as the service computes them.
 */
@Path("/console")
// Pages for people signed in to the console with one of the platform's roles (a service account has no
// console); the session cookie is verified like a bearer token (ConsoleAuthentication).
@HttpAuthenticationMechanism(ConsoleAuthentication.SCHEME)
@RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF})
@Produces(MediaType.TEXT_HTML)
public class ConsoleLeadsResource {

    static final String STALE = "该招商线索已被他人修改，请刷新后重试。";

    static final List<String> LEAD_FIELDS = List.of(
            "projectName",
            "investor",
            "capitalOrigin",
            "capitalPlace",
            "industry",
            "intendedInvestment",
            "intendedInvestmentUsd",
            "owner",
            "notes",
            "identifiedOn");
    static final List<String> TRANSITION_FIELDS =
            List.of("on", "agreementType", "contractedInvestment", "landSupplied", "dropReason", "note");
    static final List<String> ACTIVITY_FIELDS = List.of("kind", "heldOn", "title", "location", "ledBy", "notes");
    static final List<String> FUNDS_FIELDS = List.of("period", "amount", "amountUsd");

    /** Labels of investment-service's codes, in the order its forms offer them. */
    static final Map<String, String> STAGES =
            ordered("LEAD", "线索", "NEGOTIATING", "洽谈", "SIGNED", "签约", "LANDED", "落地", "DROPPED", "放弃");

    static final Map<String, String> VERBS =
            Map.of("NEGOTIATING", "转入洽谈", "SIGNED", "签约", "LANDED", "落地", "DROPPED", "放弃");
    static final Map<String, String> ORIGINS = ordered("OUTSIDE_CITY", "市外", "OUTSIDE_PROVINCE", "省外", "FOREIGN", "境外");
    static final Map<String, String> AGREEMENTS = ordered("CONTRACT", "合同", "AGREEMENT", "协议");
    static final Map<String, String> DROP_REASONS = ordered(
            "INVESTOR_WITHDREW", "企业放弃投资",
            "LOST_TO_OTHER_REGION", "落户其他地区",
            "LAND_UNAVAILABLE", "用地条件不具备",
            "POLICY_MISMATCH", "不符合产业政策",
            "ENVIRONMENTAL", "环保能耗不达标",
            "FUNDING_FAILED", "企业资金不足",
            "OTHER", "其他（须说明）");
    static final Map<String, String> ACTIVITIES = ordered(
            "INVESTOR_MEETING", "对接客商",
            "LEADER_TRIP", "主要领导带队招商",
            "PACKAGED_PROJECT", "包装项目",
            "PROMOTION_EVENT", "招商推介活动");
    /** Funds in place are counted by the lead's capital origin, foreign capital as 外资 (in 万美元 too). */
    static final Map<String, String> SOURCES =
            Map.of("OUTSIDE_CITY", "市外资金", "OUTSIDE_PROVINCE", "省外资金", "FOREIGN", "外资");

    static final Map<String, String> SAVED = Map.of(
            "registered", "已登记招商线索。",
            "transition", "已记录阶段变更。",
            "activity", "已记录招商活动。",
            "funds", "已保存到位资金。");

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSession sessions;

    @Inject
    ServiceApi api;

    @Location("console/leads.html")
    Template listPage;

    @Location("console/lead.html")
    Template leadPage;

    @Context
    UriInfo uri;

    @CookieParam(ConsoleSession.COOKIE)
    String cookie;

    private final ConsoleForm.Entity forms = new ConsoleForm.Entity(
            "/console/leads/", STALE, (user, id, submitted, status) -> view(user, id, submitted, status, null));

    // ---- a park's leads ------------------------------------------------------------------------------------

    @GET
    @Path("/parks/{park}/leads")
    public Response leads(@PathParam("park") String park) {
        return pages.page(cookie, uri, user -> {
            Optional<Response> refused = ConsoleProjectsResource.foreignPark(pages, cookie, user, park);
            if (refused.isPresent()) {
                return refused.get();
            }
            return listView(
                    user,
                    park,
                    ConsoleForm.of(
                            LEAD_FIELDS,
                            Map.of("identifiedOn", CityTime.today().toString(), "capitalOrigin", "OUTSIDE_CITY")),
                    200);
        });
    }

    @POST
    @Path("/parks/{park}/leads")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("park") String park, MultivaluedMap<String, String> form) {
        return pages.page(cookie, uri, user -> {
            if (!sessions.validFormToken(user, form.getFirst("csrf"))) {
                return pages.error(cookie, 403, ConsoleAssessmentResource.STALE_FORM);
            }
            Optional<Response> refused = ConsoleProjectsResource.foreignPark(pages, cookie, user, park);
            if (refused.isPresent()) {
                return refused.get();
            }
            ConsoleForm f = ConsoleForm.submitted(LEAD_FIELDS, form);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("park", park);
            body.put("projectName", f.text("projectName"));
            body.put("investor", f.text("investor"));
            body.put("capitalOrigin", f.text("capitalOrigin"));
            body.put("capitalPlace", f.text("capitalPlace"));
            body.put("industry", f.text("industry"));
            body.put("intendedInvestment", f.number("intendedInvestment"));
            body.put("intendedInvestmentUsd", f.number("intendedInvestmentUsd"));
            body.put("owner", f.text("owner"));
            body.put("notes", f.text("notes"));
            body.put("identifiedOn", f.text("identifiedOn"));
            JsonNode lead;
            try {
                lead = api.post(user, Service.INVESTMENT, self(), "/api/v1/leads", body);
            } catch (ServiceApi.Failure failure) {
                if (failure.status == 401 || failure.status == 404 || failure.status >= 500) {
                    throw failure;
                }
                return listView(user, park, f.refused(failure, STALE), failure.status);
            }
            return ConsolePages.redirect(
                    "/console/leads/" + encode(lead.path("id").asText()) + "?saved=registered");
        });
    }

    private Response listView(ConsoleUser user, String park, ConsoleForm register, int status) {
        JsonNode found = api.get(user, Service.INVESTMENT, self(), "/api/v1/leads", query("park", park, "size", "500"));
        Map<String, String> stale = new HashMap<>();
        for (JsonNode s : api.get(user, Service.INVESTMENT, self(), "/api/v1/leads/stale", query("park", park))) {
            stale.put(s.path("id").asText(), "已" + s.path("idleDays").asLong() + "天未跟进");
        }
        Map<String, Integer> byStage = new LinkedHashMap<>();
        STAGES.keySet().forEach(k -> byStage.put(k, 0));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode l : found.path("items")) {
            String id = l.path("id").asText();
            String stage = l.path("stage").asText();
            byStage.computeIfPresent(stage, (k, n) -> n + 1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", l.path("projectName").asText());
            row.put("investor", l.path("investor").asText());
            row.put("origin", origin(l));
            row.put("industry", l.path("industry").asText("—"));
            row.put("intended", Views.amount(l.path("intendedInvestment"), "万元"));
            row.put("contracted", Views.amount(l.path("contractedInvestment"), "万元"));
            row.put("stage", STAGES.getOrDefault(stage, stage));
            row.put("stageCode", stage);
            row.put("since", l.path("stageSince").asText("—"));
            row.put("major", major(l));
            row.put("stale", stale.getOrDefault(id, ""));
            rows.add(row);
        }
        List<Map<String, Object>> stages = new ArrayList<>();
        byStage.forEach((k, n) -> stages.add(Map.of("name", STAGES.get(k), "count", n)));
        return Response.status(status)
                .entity(listPage.data("user", user)
                        .data("form", sessions.formToken(user))
                        .data("park", park)
                        .data("rows", rows)
                        .data("stages", stages)
                        .data("writable", ConsoleProjectsResource.writable(user, park))
                        .data("f", register.view())
                        .data("origins", choices(ORIGINS, register.value("capitalOrigin"))))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    // ---- a lead --------------------------------------------------------------------------------------------

    @GET
    @Path("/leads/{id}")
    public Response lead(@PathParam("id") String id, @QueryParam("saved") String saved) {
        return pages.page(
                cookie, uri, user -> view(user, id, Submitted.NONE, 200, saved == null ? null : SAVED.get(saved)));
    }

    /** A move along the pipeline with what that move records (signing: date, agreement, amount), and the version. */
    @POST
    @Path("/leads/{id}/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return command(id, form, TRANSITION_FIELDS, "transition", form.getFirst("to"), (user, f) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", form.getFirst("to"));
            body.put("on", f.text("on"));
            body.put("agreementType", f.text("agreementType"));
            body.put("contractedInvestment", f.number("contractedInvestment"));
            if ("LANDED".equals(form.getFirst("to"))) {
                // An unticked box sends nothing: for a landing that is "no land supplied", said explicitly.
                body.put("landSupplied", "true".equals(f.text("landSupplied")));
            }
            body.put("dropReason", f.text("dropReason"));
            body.put("note", f.text("note"));
            body.put("version", ConsoleProjectsResource.version(form));
            api.post(user, Service.INVESTMENT, self(), "/api/v1/leads/" + encode(id) + "/transitions", body);
        });
    }

    /** A visit, a talk or a leaders' trip about this lead; the service counts it among the park's activities. */
    @POST
    @Path("/leads/{id}/activities")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activity(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return command(id, form, ACTIVITY_FIELDS, "activity", null, (user, f) -> {
            JsonNode lead = api.get(user, Service.INVESTMENT, self(), "/api/v1/leads/" + encode(id), Map.of());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("park", lead.path("park").asText());
            body.put("kind", f.text("kind"));
            body.put("heldOn", f.text("heldOn"));
            body.put("title", f.text("title"));
            body.put("location", f.text("location"));
            body.put("ledBy", f.text("ledBy"));
            body.put("notes", f.text("notes"));
            body.put("leadIds", List.of(lead.path("id").asText()));
            api.post(user, Service.INVESTMENT, self(), "/api/v1/activities", body);
        });
    }

    /** The month's funds in place; filing a month again revises it. */
    @POST
    @Path("/leads/{id}/funds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response funds(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return command(id, form, FUNDS_FIELDS, "funds", null, (user, f) -> {
            String period = f.text("period");
            if (period == null) {
                throw new Refusal("period", "请选择资金到位的月份。");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", f.number("amount"));
            body.put("amountUsd", f.number("amountUsd"));
            api.put(user, Service.INVESTMENT, self(), "/api/v1/leads/" + encode(id) + "/funds/" + encode(period), body);
        });
    }

    private Response command(
            String id,
            MultivaluedMap<String, String> form,
            List<String> fields,
            String name,
            String key,
            ConsoleProjectsResource.Command c) {
        return ConsoleForm.command(pages, sessions, cookie, uri, forms, id, form, fields, name, key, c);
    }

    private Response view(ConsoleUser user, String id, Submitted submitted, int status, String notice) {
        String base = "/api/v1/leads/" + encode(id);
        JsonNode l = api.get(user, Service.INVESTMENT, self(), base, Map.of());
        String park = l.path("park").asText();
        String stage = l.path("stage").asText();
        String today = CityTime.today().toString();
        boolean writable = ConsoleProjectsResource.writable(user, park);

        List<Map<String, Object>> moves = new ArrayList<>();
        for (JsonNode t : l.path("allowedTransitions")) {
            String to = t.asText();
            Map<String, String> initial = new LinkedHashMap<>();
            initial.put("on", today);
            if ("SIGNED".equals(to)) {
                initial.put("agreementType", "CONTRACT");
                initial.put("contractedInvestment", plain(l.path("intendedInvestment")));
            }
            ConsoleForm f = submitted.or("transition", to, ConsoleForm.of(TRANSITION_FIELDS, initial));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", to);
            m.put("verb", VERBS.getOrDefault(to, STAGES.getOrDefault(to, to)));
            m.put("signs", "SIGNED".equals(to));
            m.put("lands", "LANDED".equals(to));
            m.put("drops", "DROPPED".equals(to));
            m.put("confirm", "DROPPED".equals(to) ? "放弃后该线索不再跟进，确定放弃吗？" : "");
            m.put("landSupplied", "true".equals(f.value("landSupplied")));
            m.put("agreements", choices(AGREEMENTS, f.value("agreementType")));
            m.put("reasons", choices(DROP_REASONS, f.value("dropReason")));
            m.put("f", f.view());
            moves.add(m);
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (JsonNode h : api.get(user, Service.INVESTMENT, self(), base + "/transitions", Map.of())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("on", h.path("on").asText(""));
            row.put("from", h.path("fromLabel").asText("—"));
            row.put("to", h.path("toLabel").asText(""));
            row.put("note", h.path("note").asText(""));
            row.put(
                    "days",
                    h.path("daysInStage").isNumber() ? h.path("daysInStage").asLong() + "天" : "—");
            row.put("by", h.path("by").asText(""));
            history.add(row);
        }

        List<Map<String, Object>> activities = new ArrayList<>();
        for (JsonNode a : api.get(
                        user, Service.INVESTMENT, self(), "/api/v1/activities", query("lead", id, "size", "200"))
                .path("items")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("heldOn", a.path("heldOn").asText(""));
            row.put("kind", a.path("kindLabel").asText(""));
            row.put("title", a.path("title").asText(""));
            row.put("location", a.path("location").asText("—"));
            row.put("ledBy", a.path("ledBy").asText("—"));
            row.put("notes", a.path("notes").asText(""));
            activities.add(row);
        }
        ConsoleForm activity = submitted.or(
                "activity", null, ConsoleForm.of(ACTIVITY_FIELDS, Map.of("heldOn", today, "kind", "INVESTOR_MEETING")));

        boolean foreign = "FOREIGN".equals(l.path("capitalOrigin").asText());
        boolean signed = "SIGNED".equals(stage) || "LANDED".equals(stage);
        List<Map<String, Object>> funds = new ArrayList<>();
        JsonNode fundsSummary = null;
        if (signed) {
            fundsSummary = api.get(user, Service.INVESTMENT, self(), base + "/funds", Map.of());
            for (JsonNode m : fundsSummary.path("months")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", m.path("period").asText());
                row.put("period", monthLabel(m.path("period").asText()));
                row.put(
                        "source",
                        SOURCES.getOrDefault(
                                m.path("source").asText(), m.path("source").asText()));
                row.put("amount", Views.amount(m.path("amount"), "万元"));
                row.put("usd", Views.amount(m.path("amountUsd"), "万美元"));
                row.put("revision", m.path("revision").asInt(1));
                funds.add(row);
            }
            funds.sort((a, b) -> ((String) b.get("key")).compareTo((String) a.get("key")));
        }
        ConsoleForm fundsForm = submitted.or(
                "funds",
                null,
                ConsoleForm.of(
                        FUNDS_FIELDS, Map.of("period", CityTime.thisMonth().toString())));

        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("id", l.path("id").asText());
        lead.put("name", l.path("projectName").asText());
        lead.put("park", park);
        lead.put("investor", l.path("investor").asText());
        lead.put("origin", origin(l));
        lead.put("industry", l.path("industry").asText("—"));
        lead.put("owner", l.path("owner").asText("—"));
        lead.put("notes", l.path("notes").asText(""));
        lead.put(
                "intended",
                Views.amount(l.path("intendedInvestment"), "万元")
                        + (l.path("intendedInvestmentUsd").isNumber()
                                ? "（" + Views.amount(l.path("intendedInvestmentUsd"), "万美元") + "）"
                                : ""));
        lead.put("major", major(l));
        lead.put("stage", STAGES.getOrDefault(stage, stage));
        lead.put("stageCode", stage);
        lead.put("since", l.path("stageSince").asText("—"));
        lead.put("agreement", AGREEMENTS.getOrDefault(l.path("agreementType").asText(""), "—"));
        lead.put("contracted", Views.amount(l.path("contractedInvestment"), "万元"));
        lead.put("signedOn", l.path("signedOn").asText("—"));
        lead.put("landedOn", l.path("landedOn").asText("—"));
        lead.put("landSupplied", l.path("landSupplied").asBoolean() ? "已供地" : "未供地");
        lead.put(
                "dropped",
                l.path("dropReasonLabel").isTextual()
                        ? l.path("dropReasonLabel").asText()
                                + (l.path("dropNote").isTextual()
                                        ? "：" + l.path("dropNote").asText()
                                        : "")
                        : "");
        lead.put("version", l.path("version").asLong());
        lead.put("foreign", foreign);
        lead.put("signed", signed);
        lead.put("source", SOURCES.getOrDefault(l.path("capitalOrigin").asText(), ""));
        lead.put("fundsTotal", fundsSummary == null ? "—" : Views.amount(fundsSummary.path("total"), "万元"));
        lead.put("fundsRate", fundsSummary == null ? "—" : Views.pct(fundsSummary.path("fundsRate")));

        return Response.status(status)
                .entity(leadPage.data("user", user)
                        .data("form", sessions.formToken(user))
                        .data("l", lead)
                        .data("writable", writable)
                        .data("notice", notice)
                        .data("moves", moves)
                        .data("history", history)
                        .data("activities", activities)
                        .data("activity", activity.view())
                        .data("kinds", choices(ACTIVITIES, activity.value("kind")))
                        .data("funds", funds)
                        .data("fundsForm", fundsForm.view()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static String origin(JsonNode l) {
        String o = ORIGINS.getOrDefault(
                l.path("capitalOrigin").asText(), l.path("capitalOrigin").asText());
        return l.path("capitalPlace").isTextual()
                        && !l.path("capitalPlace").asText().isBlank()
                ? o + "（" + l.path("capitalPlace").asText() + "）"
                : o;
    }

    private static String major(JsonNode l) {
        return l.path("major5").asBoolean() ? "5亿元以上" : l.path("major").asBoolean() ? "亿元以上" : "";
    }

    /** A select's options: code, label, and whether it is the one chosen. */
    static List<Map<String, Object>> choices(Map<String, String> labels, String chosen) {
        List<Map<String, Object>> out = new ArrayList<>();
        labels.forEach((code, label) -> out.add(Map.of("code", code, "name", label, "selected", code.equals(chosen))));
        return out;
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
