package io.parkpulse.reporting.console;

import static io.parkpulse.reporting.console.ConsolePages.encode;
import static io.parkpulse.reporting.console.ServiceApi.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.projects.ProjectStage;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A park's construction projects for its office (docs/console.md, 项目建设): the register with its battle-map
 * lights, and a project's page where the office files the monthly progress, keeps the problem ledger and moves the
 * project through its lifecycle. Everything goes through projects-service's public API with the user's token; the
 * stages offered are the project's {@code allowedTransitions} as the service computes them.
 */
@Path("/console")
// Pages for people signed in to the console with one of the platform's roles (a service account has no
// console); the session cookie is verified like a bearer token (ConsoleAuthentication).
@HttpAuthenticationMechanism(ConsoleAuthentication.SCHEME)
@RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF})
@Produces(MediaType.TEXT_HTML)
public class ConsoleProjectsResource {

    static final String STALE = "该项目已被他人修改，请刷新后重试。";

    static final List<String> PROGRESS_FIELDS = List.of(
            "period",
            "investmentCompleted",
            "investmentCompletedThisYear",
            "physicalProgress",
            "milestones",
            "correctionReason");
    static final List<String> PROBLEM_FIELDS = List.of("description", "department", "raisedOn", "dueOn");
    static final List<String> RESOLVE_FIELDS = List.of("resolution", "resolvedOn");
    static final List<String> TRANSITION_FIELDS = List.of("on", "reason");

    /** What a move to each stage is called in a project office's ledger. */
    static final Map<ProjectStage, String> VERBS = Map.of(
            ProjectStage.LAND_SUPPLIED, "供地",
            ProjectStage.UNDER_CONSTRUCTION, "开工",
            ProjectStage.COMPLETED, "竣工",
            ProjectStage.TRIAL_PRODUCTION, "试生产",
            ProjectStage.IN_PRODUCTION, "投产",
            ProjectStage.SUSPENDED, "停工",
            ProjectStage.TERMINATED, "终止");

    static final Map<String, String> SAVED = Map.of(
            "transition", "已记录阶段变更。",
            "progress", "已保存月度进展。",
            "problem", "已登记问题。",
            "resolved", "已办结该问题。");

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSession sessions;

    @Inject
    ServiceApi api;

    @Location("console/projects.html")
    Template listPage;

    @Location("console/project.html")
    Template projectPage;

    @Context
    UriInfo uri;

    @CookieParam(ConsoleSession.COOKIE)
    String cookie;

    private final ConsoleForm.Entity forms = new ConsoleForm.Entity(
            "/console/projects/", STALE, (user, id, submitted, status) -> view(user, id, submitted, status, null));

    // ---- the register --------------------------------------------------------------------------------------

    @GET
    @Path("/parks/{park}/projects")
    public Response register(@PathParam("park") String park) {
        return pages.page(cookie, uri, user -> {
            Optional<Response> refused = foreignPark(pages, cookie, user, park);
            if (refused.isPresent()) {
                return refused.get();
            }
            JsonNode found =
                    api.get(user, Service.PROJECTS, self(), "/api/v1/projects", query("park", park, "size", "500"));
            List<Map<String, Object>> rows = new ArrayList<>();
            Map<String, Integer> lights = new LinkedHashMap<>(Map.of("RED", 0, "YELLOW", 0, "GREEN", 0));
            for (JsonNode p : found.path("items")) {
                Map<String, Object> row = new LinkedHashMap<>();
                JsonNode status = p.path("status");
                String colour = status.path("colour").asText("NONE");
                lights.computeIfPresent(colour, (k, n) -> n + 1);
                row.put("id", p.path("id").asText());
                row.put("name", p.path("name").asText());
                row.put("kind", p.path("kindLabel").asText(""));
                row.put(
                        "key",
                        "NONE".equals(p.path("keyLevel").asText())
                                ? ""
                                : p.path("keyLevelLabel").asText(""));
                row.put("stage", stageLabel(p.path("stage").asText()));
                row.put("since", p.path("stageSince").asText("—"));
                row.put("colour", colour);
                row.put("colourLabel", Views.COLOURS.getOrDefault(colour, colour));
                row.put("reasons", reasons(status));
                row.put("total", Views.amount(p.path("totalInvestment"), "万元"));
                row.put("completed", Views.amount(p.path("investmentCompleted"), "万元"));
                row.put("physical", Views.pct(p.path("physicalProgress")));
                row.put("period", monthLabel(p.path("progressPeriod").asText(null)));
                row.put("marks", marks(p));
                rows.add(row);
            }
            return Response.ok(listPage.data("user", user)
                            .data("form", sessions.formToken(user))
                            .data("park", park)
                            .data("rows", rows)
                            .data("total", found.path("total").asLong(rows.size()))
                            .data("red", lights.get("RED"))
                            .data("yellow", lights.get("YELLOW"))
                            .data("green", lights.get("GREEN")))
                    .build();
        });
    }

    // ---- a project -----------------------------------------------------------------------------------------

    @GET
    @Path("/projects/{id}")
    public Response project(@PathParam("id") String id, @QueryParam("saved") String saved) {
        return pages.page(
                cookie, uri, user -> view(user, id, Submitted.NONE, 200, saved == null ? null : SAVED.get(saved)));
    }

    /** A move through the lifecycle, dated, with the version read (the service refuses a stale one). */
    @POST
    @Path("/projects/{id}/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return command(id, form, TRANSITION_FIELDS, "transition", form.getFirst("to"), (user, f) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", form.getFirst("to"));
            body.put("on", f.text("on"));
            body.put("reason", f.text("reason"));
            body.put("version", version(form));
            api.post(user, Service.PROJECTS, self(), "/api/v1/projects/" + encode(id) + "/transitions", body);
        });
    }

    /** The month's progress report: filing a month again revises it (the service keeps every filing). */
    @POST
    @Path("/projects/{id}/progress")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response progress(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return command(id, form, PROGRESS_FIELDS, "progress", null, (user, f) -> {
            String period = f.text("period");
            if (period == null) {
                throw new Refusal("period", "请选择填报月份。");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("investmentCompleted", f.number("investmentCompleted"));
            body.put("investmentCompletedThisYear", f.number("investmentCompletedThisYear"));
            body.put("physicalProgress", f.number("physicalProgress"));
            body.put("milestones", f.text("milestones"));
            body.put("correctionReason", f.text("correctionReason"));
            api.put(
                    user,
                    Service.PROJECTS,
                    self(),
                    "/api/v1/projects/" + encode(id) + "/progress/" + encode(period),
                    body);
        });
    }

    @POST
    @Path("/projects/{id}/problems")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raise(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return command(id, form, PROBLEM_FIELDS, "problem", null, (user, f) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("description", f.text("description"));
            body.put("department", f.text("department"));
            body.put("raisedOn", f.text("raisedOn"));
            body.put("dueOn", f.text("dueOn"));
            api.post(user, Service.PROJECTS, self(), "/api/v1/projects/" + encode(id) + "/problems", body);
        });
    }

    @POST
    @Path("/projects/{id}/problems/{problem}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(
            @PathParam("id") String id, @PathParam("problem") String problem, MultivaluedMap<String, String> form) {
        return command(id, form, RESOLVE_FIELDS, "resolved", problem, (user, f) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("resolution", f.text("resolution"));
            body.put("resolvedOn", f.text("resolvedOn"));
            body.put("version", version(form));
            api.post(
                    user,
                    Service.PROJECTS,
                    self(),
                    "/api/v1/projects/" + encode(id) + "/problems/" + encode(problem) + "/resolve",
                    body);
        });
    }

    // ---- the page and its forms ----------------------------------------------------------------------------

    /** The form that came back refused, with the key of the row it belongs to (a stage, a problem). */
    record Submitted(String form, String key, ConsoleForm values) {
        static final Submitted NONE = new Submitted(null, null, null);

        ConsoleForm or(String name, String rowKey, ConsoleForm blank) {
            return name.equals(form) && (key == null || key.equals(rowKey)) ? values : blank;
        }
    }

    @FunctionalInterface
    interface Command {
        void send(ConsoleUser user, ConsoleForm form) throws Exception;
    }

    /** A check the console makes before sending (a form that names no month): shown like the service's refusals. */
    static final class Refusal extends RuntimeException {
        final String field;

        Refusal(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private Response command(
            String id, MultivaluedMap<String, String> form, List<String> fields, String name, String key, Command c) {
        return ConsoleForm.command(pages, sessions, cookie, uri, forms, id, form, fields, name, key, c);
    }

    private Response view(ConsoleUser user, String id, Submitted submitted, int status, String notice) {
        String base = "/api/v1/projects/" + encode(id);
        JsonNode p = api.get(user, Service.PROJECTS, self(), base, Map.of());
        String park = p.path("park").asText();
        boolean writable = writable(user, park);
        String today = CityTime.today().toString();
        String stage = p.path("stage").asText();
        JsonNode light = p.path("status");

        // The lifecycle: only the moves the service allows now, each with what it needs.
        List<Map<String, Object>> moves = new ArrayList<>();
        for (JsonNode t : p.path("allowedTransitions")) {
            ProjectStage to = stage(t.asText());
            if (to == null) {
                continue;
            }
            boolean resume = "SUSPENDED".equals(stage) && to != ProjectStage.TERMINATED;
            boolean needsReason = to == ProjectStage.SUSPENDED || to == ProjectStage.TERMINATED;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", to.name());
            m.put("verb", resume ? "复工" : VERBS.getOrDefault(to, to.label));
            m.put("toLabel", to.label);
            m.put("resume", resume);
            m.put("needsReason", needsReason);
            m.put(
                    "confirm",
                    to == ProjectStage.TERMINATED
                            ? "终止后项目不能再变更阶段，确定终止吗？"
                            : to == ProjectStage.IN_PRODUCTION ? "投产后项目不能再变更阶段，确定投产吗？" : "");
            m.put(
                    "f",
                    submitted
                            .or("transition", to.name(), ConsoleForm.of(TRANSITION_FIELDS, Map.of("on", today)))
                            .view());
            moves.add(m);
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (JsonNode h : api.get(user, Service.PROJECTS, self(), base + "/transitions", Map.of())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", h.path("fromLabel").asText("—"));
            row.put("to", h.path("toLabel").asText(""));
            row.put("on", h.path("on").asText(""));
            row.put("reason", h.path("reason").asText(""));
            row.put("by", h.path("by").asText(""));
            history.add(row);
        }

        // Monthly progress, newest first, and the form prefilled with the latest figures to be updated.
        List<Map<String, Object>> reports = new ArrayList<>();
        for (JsonNode r : api.get(user, Service.PROJECTS, self(), base + "/progress", Map.of())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", r.path("period").asText());
            row.put("period", monthLabel(r.path("period").asText()));
            row.put("completed", Views.amount(r.path("investmentCompleted"), "万元"));
            row.put("thisYear", Views.amount(r.path("investmentCompletedThisYear"), "万元"));
            row.put("physical", Views.pct(r.path("physicalProgress")));
            row.put("milestones", r.path("milestones").asText(""));
            row.put("revision", r.path("revision").asInt(1));
            row.put("by", r.path("reportedBy").asText(""));
            reports.add(row);
        }
        reports.sort((a, b) -> ((String) b.get("key")).compareTo((String) a.get("key")));
        Map<String, String> latest = new LinkedHashMap<>();
        latest.put("period", CityTime.thisMonth().toString());
        latest.put("investmentCompleted", plain(p.path("investmentCompleted")));
        latest.put("investmentCompletedThisYear", plain(p.path("investmentCompletedThisYear")));
        latest.put("physicalProgress", plain(p.path("physicalProgress")));
        ConsoleForm progress = submitted.or("progress", null, ConsoleForm.of(PROGRESS_FIELDS, latest));

        // The problem ledger: open ones first, each with its resolve form.
        List<Map<String, Object>> problems = new ArrayList<>();
        int open = 0;
        for (JsonNode q : api.get(user, Service.PROJECTS, self(), base + "/problems", Map.of())) {
            boolean isOpen = "OPEN".equals(q.path("status").asText());
            open += isOpen ? 1 : 0;
            Map<String, Object> row = new LinkedHashMap<>();
            String problemId = q.path("id").asText();
            row.put("id", problemId);
            row.put("description", q.path("description").asText());
            row.put("department", q.path("department").asText("—"));
            row.put("raisedOn", q.path("raisedOn").asText("—"));
            row.put("dueOn", q.path("dueOn").asText("—"));
            row.put("overdue", q.path("overdue").asBoolean());
            row.put("open", isOpen);
            row.put("status", isOpen ? "未解决" : "已解决");
            row.put("resolution", q.path("resolution").asText(""));
            row.put("resolvedOn", q.path("resolvedOn").asText(""));
            row.put("version", q.path("version").asLong());
            row.put(
                    "f",
                    submitted
                            .or("resolved", problemId, ConsoleForm.of(RESOLVE_FIELDS, Map.of("resolvedOn", today)))
                            .view());
            problems.add(row);
        }
        problems.sort((a, b) -> Boolean.compare((Boolean) b.get("open"), (Boolean) a.get("open")));
        ConsoleForm raise = submitted.or("problem", null, ConsoleForm.of(PROBLEM_FIELDS, Map.of("raisedOn", today)));

        Map<String, Object> project = new LinkedHashMap<>();
        project.put("id", p.path("id").asText());
        project.put("name", p.path("name").asText());
        project.put("park", park);
        project.put("kind", p.path("kindLabel").asText(""));
        project.put("key", p.path("keyLevelLabel").asText(""));
        project.put("enterprise", p.path("enterprise").asText("—"));
        project.put("industry", p.path("industry").asText("—"));
        project.put("leader", p.path("leader").asText("—"));
        project.put("liaison", p.path("liaison").asText("—"));
        project.put("stage", stageLabel(stage));
        project.put("stageCode", stage);
        project.put("since", p.path("stageSince").asText("—"));
        project.put("suspendedFrom", stageLabel(p.path("suspendedFrom").asText(null)));
        project.put("terminatedReason", p.path("terminatedReason").asText(""));
        project.put("colour", light.path("colour").asText("NONE"));
        project.put(
                "colourLabel", Views.COLOURS.getOrDefault(light.path("colour").asText("NONE"), "未评价"));
        project.put("reasons", reasons(light));
        project.put("marks", marks(p));
        project.put("total", Views.amount(p.path("totalInvestment"), "万元"));
        project.put("completed", Views.amount(p.path("investmentCompleted"), "万元"));
        project.put("overall", Views.pct(light.path("overallCompletionRate")));
        project.put("thisYear", Views.amount(p.path("investmentCompletedThisYear"), "万元"));
        // The year's completion is judged only while the plan is this year's and the project builds: say only what is.
        List<String> year = new ArrayList<>();
        if (Views.decimal(p.path("yearPlannedInvestment")) != null) {
            year.add(p.path("planYear").asText("") + "年计划" + Views.amount(p.path("yearPlannedInvestment"), "万元"));
        }
        if (Views.decimal(light.path("yearCompletionRate")) != null) {
            year.add("完成" + Views.pct(light.path("yearCompletionRate")));
        }
        if (Views.decimal(light.path("investmentGapPoints")) != null) {
            year.add(Views.gap(light.path("investmentGapPoints")));
        }
        project.put("yearLine", year.isEmpty() ? "无年度投资计划" : String.join("，", year));
        project.put("physical", Views.pct(p.path("physicalProgress")));
        project.put("period", monthLabel(p.path("progressPeriod").asText(null)));
        project.put("plannedStart", p.path("plannedStart").asText("—"));
        project.put("plannedCompletion", p.path("plannedCompletion").asText("—"));
        project.put("version", p.path("version").asLong());

        return Response.status(status)
                .entity(projectPage
                        .data("user", user)
                        .data("form", sessions.formToken(user))
                        .data("p", project)
                        .data("writable", writable)
                        .data("notice", notice)
                        .data("moves", moves)
                        .data("history", history)
                        .data("reports", reports)
                        .data("progress", progress.view())
                        .data("problems", problems)
                        .data("openProblems", open)
                        .data("raise", raise.view())
                        .data("submitted", submitted.form() == null ? "" : submitted.form()))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    // ---- shared with the leads pages -----------------------------------------------------------------------

    /**
     * Park staff asking for another park's page get what the services answer them, word for word (Caller.requirePark:
     * 404, "园区“X”不存在", which says nothing of whether that park exists), before anything is asked of a service.
     */
    static Optional<Response> foreignPark(ConsolePages pages, String cookie, ConsoleUser user, String park) {
        if (!user.bureau() && (user.park() == null || !user.park().equals(park))) {
            return Optional.of(pages.error(cookie, 404, "园区“" + park + "”不存在"));
        }
        return Optional.empty();
    }

    /** Who gets the forms: the park's own staff and the bureau admin, as the services' write rules say. */
    static boolean writable(ConsoleUser user, String park) {
        return user.admin() || (user.parkStaff() && park.equals(user.park()));
    }

    /** The version the form was rendered with; absent or garbled, one no entity has, so the service says stale. */
    static long version(MultivaluedMap<String, String> form) {
        try {
            return Long.parseLong(String.valueOf(form.getFirst("version")).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String monthLabel(String period) {
        if (period == null || period.isBlank() || "null".equals(period)) {
            return "—";
        }
        try {
            return Views.month(YearMonth.parse(period));
        } catch (java.time.format.DateTimeParseException e) {
            return period;
        }
    }

    /** A decimal as an input's value: "1200.5", empty when there is none. */
    static String plain(JsonNode n) {
        java.math.BigDecimal v = Views.decimal(n);
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static ProjectStage stage(String code) {
        try {
            return ProjectStage.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static String stageLabel(String code) {
        ProjectStage s = stage(code);
        return s == null ? "—" : s.label;
    }

    private static String reasons(JsonNode status) {
        List<String> out = new ArrayList<>();
        status.path("reasons").forEach(x -> out.add(x.path("message").asText()));
        return String.join("；", out);
    }

    /** The marks a battle map prints beside a project: 停滞 (no report for months) and 逾期 (past its completion). */
    private static String marks(JsonNode p) {
        JsonNode s = p.path("status");
        List<String> out = new ArrayList<>();
        if (s.path("stalled").asBoolean()) {
            out.add("停滞"
                    + (s.path("monthsWithoutProgress").isInt()
                            ? s.path("monthsWithoutProgress").asInt() + "个月"
                            : ""));
        }
        if (s.path("overdue").asBoolean()) {
            int months = s.path("monthsOverdue").asInt(0);
            out.add(months > 0 ? "逾期" + months + "个月" : "逾期");
        }
        return String.join("、", out);
    }

    private String self() {
        return ConsolePages.self(uri);
    }
}
