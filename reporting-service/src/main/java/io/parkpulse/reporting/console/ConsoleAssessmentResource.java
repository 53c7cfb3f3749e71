package io.parkpulse.reporting.console;

import static io.parkpulse.reporting.console.ConsolePages.encode;
import static io.parkpulse.reporting.console.ServiceApi.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.console.ServiceApi.Service;
import io.parkpulse.reporting.domain.Quarters;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's assessment pages (docs/console.md, 综合考核): schemes and their new versions, a quarter's trial
 * scoring, run and results, and a park's score explained in words. Everything goes through reporting-service's
 * public API with the user's token, which decides who may run or save; the pages only choose what to offer.
 */
@Path("/console")
// Pages for people signed in to the console with one of the platform's roles (a service account has no
// console); the session cookie is verified like a bearer token (ConsoleAuthentication).
@HttpAuthenticationMechanism(ConsoleAuthentication.SCHEME)
@RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF})
@Produces(MediaType.TEXT_HTML)
public class ConsoleAssessmentResource {

    static final String STALE_FORM = "表单已失效，请刷新页面后重试。";

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleSession sessions;

    @Inject
    ServiceApi api;

    @Location("console/assessment.html")
    Template quarterPage;

    @Location("console/assessment-park.html")
    Template parkPage;

    @Location("console/schemes.html")
    Template schemesPage;

    @Location("console/scheme.html")
    Template schemePage;

    @Location("console/scheme-form.html")
    Template schemeFormPage;

    @Context
    UriInfo uri;

    @CookieParam(ConsoleSession.COOKIE)
    String cookie;

    // ---- a quarter -----------------------------------------------------------------------------------------

    /** A quarter's published results (the latest revision, or one asked for) with every revision listed. */
    @GET
    @Path("/assessments")
    public Response quarter(
            @QueryParam("quarter") String quarterText,
            @QueryParam("revision") Integer revision,
            @QueryParam("published") Integer published) {
        return bureauPage(user -> quarterView(
                user,
                quarter(quarterText),
                revision,
                false,
                published == null ? null : "已发布第" + published + "次考核结果，本季度数据已锁定。",
                null,
                200));
    }

    /** What a run would give now (试算): nothing is stored or published. */
    @GET
    @Path("/assessments/{quarter}/preview")
    public Response preview(@PathParam("quarter") String quarterText) {
        return bureauPage(user -> quarterView(user, quarter(quarterText), null, true, null, null, 200));
    }

    /**
     * Runs the quarter (the first publication) or a correction with its reason. In reporting-service a run is
     * the publication: it stores the results for good, publishes them and closes the quarter, whose months
     * indicators-service then locks. Hence the confirmation box besides the form token.
     */
    @POST
    @Path("/assessments/{quarter}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(
            @PathParam("quarter") String quarterText,
            @FormParam("csrf") String csrf,
            @FormParam("confirm") String confirm,
            @FormParam("reason") String reason) {
        return bureauPage(user -> {
            if (!sessions.validFormToken(user, csrf)) {
                return pages.error(cookie, 403, STALE_FORM);
            }
            String q = quarter(quarterText);
            if (!"yes".equals(confirm)) {
                return quarterView(user, q, null, false, null, "请勾选确认框后再发布：发布后结果不再更改，本季度数据将被锁定。", 400);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("quarter", q);
            if (reason != null && !reason.isBlank()) {
                body.put("reason", reason.trim());
            }
            JsonNode run;
            try {
                run = api.post(user, Service.REPORTING, self(), "/api/v1/assessments", body);
            } catch (ServiceApi.Failure f) {
                if (f.status == 401 || f.status >= 500) {
                    throw f;
                }
                return quarterView(user, q, null, false, null, f.getMessage(), f.status);
            }
            return ConsolePages.redirect("/console/assessments?quarter=" + q + "&published="
                    + run.path("revision").asInt());
        });
    }

    @GET
    @Path("/assessments/{quarter}/export")
    @Produces(MediaType.WILDCARD)
    public Response export(@PathParam("quarter") String quarterText, @QueryParam("revision") Integer revision) {
        return bureauPage(user -> {
            ServiceApi.Download d = api.download(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/assessments/" + quarter(quarterText) + "/export",
                    query("revision", revision == null ? null : revision.toString()));
            Response.ResponseBuilder b = Response.ok(d.body()).type(d.contentType());
            if (d.disposition() != null) {
                b.header("Content-Disposition", d.disposition());
            }
            return b.build();
        });
    }

    private Response quarterView(
            ConsoleUser user, String q, Integer revision, boolean preview, String notice, String problem, int status) {
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (JsonNode r : api.get(user, Service.REPORTING, self(), "/api/v1/assessments", Map.of())) {
            if (q.equals(r.path("quarter").asText())) {
                revisions.add(revisionRow(r));
            }
        }
        JsonNode run = null;
        JsonNode results = null;
        if (preview) {
            results = api.post(user, Service.REPORTING, self(), "/api/v1/assessments/preview", Map.of("quarter", q));
        } else if (!revisions.isEmpty()) {
            run = api.get(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/assessments/" + q,
                    query("revision", revision == null ? null : revision.toString()));
            results = run.path("results");
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (results != null) {
            for (JsonNode r : results) {
                if (columns.isEmpty()) {
                    for (JsonNode i : r.path("breakdown").has("items")
                            ? r.path("breakdown").path("items")
                            : r.path("items")) {
                        columns.add(Map.of(
                                "name", i.path("name").asText(i.path("item").asText()),
                                "weight", ScoreSentences.points(Views.decimal(i.path("weight")))));
                    }
                }
                rows.add(resultRow(
                        r, q, run == null ? null : run.path("revision").asInt(), preview));
            }
        }
        String title = quarterLabel(q) + "园区综合考核";
        TemplateInstance t = quarterPage
                .data("user", user)
                .data("form", sessions.formToken(user))
                .data("title", title)
                .data("quarter", q)
                .data("quarterLabel", quarterLabel(q))
                .data("preview", preview)
                .data("revisions", revisions)
                .data("published", !revisions.isEmpty())
                .data("run", run == null ? null : revisionRow(run))
                .data("columns", columns)
                .data("rows", rows)
                .data("notice", notice)
                .data("problem", problem);
        return Response.status(status)
                .entity(t)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static Map<String, Object> revisionRow(JsonNode r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("revision", r.path("revision").asInt());
        row.put("label", "第" + r.path("revision").asInt() + "次发布");
        row.put(
                "scheme",
                r.path("schemeCode").asText() + " 第" + r.path("schemeVersion").asInt() + "版");
        row.put("schemeCode", r.path("schemeCode").asText());
        row.put("schemeVersion", r.path("schemeVersion").asInt());
        row.put("asOf", asOf(r.path("asOf").asText()));
        row.put("trigger", "SCHEDULED".equals(r.path("trigger").asText()) ? "定时考核" : "手动考核");
        row.put("runAt", minutes(r.path("runAt").asText("")));
        row.put("runBy", r.path("runBy").asText("—"));
        row.put("reason", r.path("reason").isNull() ? "—" : r.path("reason").asText("—"));
        return row;
    }

    private static Map<String, Object> resultRow(JsonNode r, String q, Integer revision, boolean preview) {
        Map<String, Object> row = new LinkedHashMap<>();
        String park = r.path("park").asText();
        row.put("park", park);
        row.put("parkName", r.path("parkName").asText(r.path("name").asText(park)));
        row.put(
                "rank",
                r.path("rank").isNull() || r.path("rank").isMissingNode()
                        ? "—"
                        : r.path("rank").asText());
        row.put("total", ScoreSentences.points(Views.decimal(r.path("total"))));
        row.put("tier", r.path("tier").asText("—"));
        row.put("disqualified", r.path("disqualified").asBoolean());
        JsonNode change = r.path("rankChange");
        int c = change.asInt(0);
        row.put(
                "change",
                preview
                        ? ""
                        : change.isNull() || change.isMissingNode()
                                ? "—"
                                : c > 0 ? "↑" + c : c < 0 ? "↓" + (-c) : "持平");
        row.put("changeClass", c > 0 ? "up" : c < 0 ? "down" : "flat");
        List<String> scores = new ArrayList<>();
        JsonNode items = r.path("breakdown").has("items") ? r.path("breakdown").path("items") : r.path("items");
        for (JsonNode i : items) {
            scores.add(ScoreSentences.points(Views.decimal(i.path("score"))));
        }
        row.put("scores", scores);
        row.put(
                "link",
                "/console/assessments/" + q + "/parks/" + encode(park)
                        + (preview ? "?preview=true" : revision == null ? "" : "?revision=" + revision));
        return row;
    }

    // ---- a park's breakdown ----------------------------------------------------------------------------------

    /** One park's score item by item, each explained in a sentence built from the stored breakdown. */
    @GET
    @Path("/assessments/{quarter}/parks/{park}")
    public Response breakdown(
            @PathParam("quarter") String quarterText,
            @PathParam("park") String park,
            @QueryParam("revision") Integer revision,
            @QueryParam("preview") String previewText) {
        boolean preview = "true".equals(previewText);
        return bureauPage(user -> {
            String q = quarter(quarterText);
            JsonNode results;
            JsonNode scheme;
            Map<String, Object> run = null;
            if (preview) {
                results =
                        api.post(user, Service.REPORTING, self(), "/api/v1/assessments/preview", Map.of("quarter", q));
                scheme = api.get(user, Service.REPORTING, self(), "/api/v1/assessment-schemes/default", Map.of());
            } else {
                JsonNode r = api.get(
                        user,
                        Service.REPORTING,
                        self(),
                        "/api/v1/assessments/" + q,
                        query("revision", revision == null ? null : revision.toString()));
                results = r.path("results");
                run = revisionRow(r);
                scheme = api.get(
                        user,
                        Service.REPORTING,
                        self(),
                        "/api/v1/assessment-schemes/"
                                + encode(r.path("schemeCode").asText()),
                        query("version", r.path("schemeVersion").asText()));
            }
            JsonNode mine = null;
            for (JsonNode r : results) {
                if (park.equals(r.path("park").asText())) {
                    mine = r;
                }
            }
            if (mine == null) {
                return pages.error(cookie, 404, quarterLabel(q) + "考核结果中没有园区“" + park + "”。");
            }
            Map<String, JsonNode> params = new HashMap<>();
            for (JsonNode d : scheme.path("scheme").path("dimensions")) {
                for (JsonNode i : d.path("items")) {
                    params.put(i.path("code").asText(), i);
                }
            }
            Map<String, String> units = units(user);
            JsonNode breakdown = mine.has("breakdown") ? mine.path("breakdown") : mine;
            List<Map<String, Object>> items = new ArrayList<>();
            for (JsonNode i : breakdown.path("items")) {
                String code = i.path("item").asText();
                List<BigDecimal> present = new ArrayList<>();
                for (JsonNode other : results) {
                    JsonNode o = other.has("breakdown") ? other.path("breakdown") : other;
                    for (JsonNode oi : o.path("items")) {
                        if (code.equals(oi.path("item").asText())
                                && !oi.path("input").isNull()) {
                            present.add(Views.decimal(oi.path("input")));
                        }
                    }
                }
                JsonNode p = params.getOrDefault(code, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
                String figure = i.path("figure").asText();
                String unit = units.getOrDefault(ScoreSentences.indicator(figure), "");
                ScoreSentences.Item facts = new ScoreSentences.Item(
                        i.path("name").asText(code),
                        figure,
                        i.path("rule").asText(),
                        Views.decimal(i.path("weight")),
                        Views.decimal(i.path("input")),
                        Views.decimal(i.path("reference")),
                        Views.decimal(i.path("score")),
                        i.path("note").isNull() ? null : i.path("note").asText(null),
                        Views.decimal(p.path("floor")),
                        Views.decimal(p.path("cap")),
                        Views.decimal(p.path("benchmark")),
                        unit,
                        present);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", i.path("dimension").asText());
                row.put("name", facts.name());
                row.put("figure", ScoreSentences.FIGURE_KINDS.getOrDefault(ScoreSentences.kind(figure), figure));
                row.put("rule", ScoreSentences.RULES.getOrDefault(facts.rule(), facts.rule()));
                row.put("input", facts.input() == null ? "未报送" : ScoreSentences.value(figure, facts.input(), unit));
                row.put("score", ScoreSentences.points(facts.score()));
                row.put("weight", ScoreSentences.points(facts.weight()));
                row.put("sentence", ScoreSentences.sentence(facts));
                items.add(row);
            }
            List<Map<String, Object>> dimensions = new ArrayList<>();
            for (JsonNode d : breakdown.path("dimensions")) {
                List<Map<String, Object>> mineItems = items.stream()
                        .filter(x -> d.path("code").asText().equals(x.get("dimension")))
                        .toList();
                dimensions.add(Map.of(
                        "name", d.path("name").asText(),
                        "score", ScoreSentences.points(Views.decimal(d.path("score"))),
                        "weight", ScoreSentences.points(Views.decimal(d.path("weight"))),
                        "items", mineItems));
            }
            List<String> adjustments = new ArrayList<>();
            for (JsonNode a : breakdown.path("adjustments")) {
                adjustments.add(ScoreSentences.adjustment(
                        a.path("name").asText(a.path("code").asText()),
                        a.path("count").asInt(),
                        Views.decimal(a.path("points")) == null ? BigDecimal.ZERO : Views.decimal(a.path("points")),
                        a.path("disqualifies").asBoolean()));
            }
            Map<String, Object> head = resultRow(mine, q, run == null ? null : (Integer) run.get("revision"), preview);
            String parkName = (String) head.get("parkName");
            return Response.ok(parkPage.data("user", user)
                            .data("form", sessions.formToken(user))
                            .data("quarter", q)
                            .data("quarterLabel", quarterLabel(q))
                            .data("park", park)
                            .data("parkName", parkName)
                            .data("head", head)
                            .data("ranked", results.size())
                            .data("preview", preview)
                            .data("run", run)
                            .data("dimensions", dimensions)
                            .data("adjustments", adjustments)
                            .data("summary", summary(parkName, q, head, preview)))
                    .build();
        });
    }

    /** The sentence a notice opens with: "2025年第一季度，某园区综合得分87.5分，排名第2位，评为A档。" */
    private static String summary(String parkName, String q, Map<String, Object> head, boolean preview) {
        StringBuilder b =
                new StringBuilder(quarterLabel(q)).append(preview ? "试算，" : "，").append(parkName);
        b.append("综合得分").append(head.get("total")).append("分");
        if (Boolean.TRUE.equals(head.get("disqualified"))) {
            return b.append("，因一票否决事项取消考核排名资格。").toString();
        }
        b.append("，排名第")
                .append(head.get("rank"))
                .append("位，考核档次为")
                .append(head.get("tier"))
                .append("档");
        String change = (String) head.get("change");
        if (change != null && change.startsWith("↑")) {
            b.append("，较上季度上升").append(change.substring(1)).append("位");
        } else if (change != null && change.startsWith("↓")) {
            b.append("，较上季度下降").append(change.substring(1)).append("位");
        } else if ("持平".equals(change)) {
            b.append("，名次与上季度持平");
        }
        return b.append("。").toString();
    }

    /** Indicator units from the catalog; without it the sentences still read, only amounts lose their unit. */
    private Map<String, String> units(ConsoleUser user) {
        Map<String, String> units = new HashMap<>();
        try {
            for (JsonNode i : api.get(user, Service.INDICATORS, self(), "/api/v1/indicators", Map.of())) {
                units.put(i.path("code").asText(), i.path("unit").asText(""));
            }
        } catch (ServiceApi.Failure e) {
            if (e.status == 401) {
                throw e;
            }
        }
        return units;
    }

    // ---- schemes -------------------------------------------------------------------------------------------

    @GET
    @Path("/assessment-schemes")
    public Response schemes() {
        return bureauPage(user -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode s : api.get(user, Service.REPORTING, self(), "/api/v1/assessment-schemes", Map.of())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", s.path("code").asText());
                row.put("version", s.path("version").asInt());
                row.put("name", s.path("scheme").path("name").asText());
                row.put("createdAt", minutes(s.path("createdAt").asText("")));
                row.put(
                        "createdBy",
                        s.path("createdBy").isNull()
                                ? "系统内置"
                                : s.path("createdBy").asText("系统内置"));
                rows.add(row);
            }
            return Response.ok(schemesPage
                            .data("user", user)
                            .data("form", sessions.formToken(user))
                            .data("rows", rows))
                    .build();
        });
    }

    @GET
    @Path("/assessment-schemes/{code}")
    public Response scheme(@PathParam("code") String code, @QueryParam("version") Integer version) {
        return bureauPage(user -> {
            JsonNode s = api.get(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/assessment-schemes/" + encode(code),
                    query("version", version == null ? null : version.toString()));
            JsonNode scheme = s.path("scheme");
            List<Map<String, Object>> dimensions = new ArrayList<>();
            for (JsonNode d : scheme.path("dimensions")) {
                List<Map<String, Object>> items = new ArrayList<>();
                BigDecimal weight = BigDecimal.ZERO;
                for (JsonNode i : d.path("items")) {
                    String figure = i.path("figure").asText();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", i.path("code").asText());
                    row.put("name", i.path("name").asText());
                    row.put(
                            "figure",
                            ScoreSentences.FIGURE_KINDS.getOrDefault(ScoreSentences.kind(figure), "") + "（" + figure
                                    + "）");
                    row.put("weight", ScoreSentences.points(Views.decimal(i.path("weight"))));
                    row.put(
                            "rule",
                            ScoreSentences.RULES.getOrDefault(
                                    i.path("rule").asText(), i.path("rule").asText()));
                    row.put("params", parameters(i));
                    items.add(row);
                    BigDecimal w = Views.decimal(i.path("weight"));
                    weight = w == null ? weight : weight.add(w);
                }
                dimensions.add(Map.of(
                        "name", d.path("name").asText(d.path("code").asText()),
                        "weight", ScoreSentences.points(weight),
                        "items", items));
            }
            List<Map<String, Object>> adjustments = new ArrayList<>();
            for (JsonNode a : scheme.path("adjustments")) {
                BigDecimal p = Views.decimal(a.path("pointsEach"));
                adjustments.add(Map.of(
                        "code",
                        a.path("code").asText(),
                        "name",
                        a.path("name").asText(),
                        "rule",
                        a.path("disqualifies").asBoolean()
                                ? "一票否决，取消考核排名资格"
                                : p == null
                                        ? "—"
                                        : (p.signum() < 0 ? "每次扣" : "每次加") + ScoreSentences.points(p.abs()) + "分"));
            }
            return Response.ok(schemePage
                            .data("user", user)
                            .data("form", sessions.formToken(user))
                            .data("code", s.path("code").asText())
                            .data("version", s.path("version").asInt())
                            .data("name", scheme.path("name").asText())
                            .data("byPeerGroup", scheme.path("byPeerGroup").asBoolean())
                            .data("createdAt", minutes(s.path("createdAt").asText("")))
                            .data("dimensions", dimensions)
                            .data("adjustments", adjustments)
                            .data(
                                    "tierMode",
                                    tierMode(scheme.path("tiers").path("mode").asText()))
                            .data("tiers", tiers(scheme.path("tiers"))))
                    .build();
        });
    }

    @GET
    @Path("/assessment-schemes/{code}/new")
    public Response newVersionForm(@PathParam("code") String code, @QueryParam("version") Integer version) {
        return bureauPage(user -> {
            if (!user.admin()) {
                return pages.error(cookie, 403, "仅市局管理员可以新建考核方案版本。");
            }
            JsonNode s = api.get(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/assessment-schemes/" + encode(code),
                    query("version", version == null ? null : version.toString()));
            return schemeForm(user, code, s.path("version").asInt(), SchemeForm.fromScheme(s.path("scheme")), 200);
        });
    }

    @POST
    @Path("/assessment-schemes/{code}/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveNewVersion(@PathParam("code") String code, MultivaluedMap<String, String> form) {
        return bureauPage(user -> {
            if (!sessions.validFormToken(user, form.getFirst("csrf"))) {
                return pages.error(cookie, 403, STALE_FORM);
            }
            SchemeForm submitted = SchemeForm.fromForm(form);
            int basedOn = parseInt(form.getFirst("basedOn"));
            SchemeForm.Built built = submitted.build();
            JsonNode saved;
            try {
                saved = api.post(
                        user, Service.REPORTING, self(), "/api/v1/assessment-schemes/" + encode(code), built.scheme());
            } catch (ServiceApi.Failure f) {
                if (f.status == 401 || f.status >= 500) {
                    throw f;
                }
                submitted.refused(f.getMessage(), f.errors, built);
                return schemeForm(user, code, basedOn, submitted, f.status);
            }
            return ConsolePages.redirect("/console/assessment-schemes/" + encode(code) + "?version="
                    + saved.path("version").asInt());
        });
    }

    private Response schemeForm(ConsoleUser user, String code, int basedOn, SchemeForm f, int status) {
        TemplateInstance t = schemeFormPage
                .data("user", user)
                .data("form", sessions.formToken(user))
                .data("code", code)
                .data("basedOn", basedOn)
                .data("f", f.view())
                .data("rules", SchemeForm.RULE_CHOICES)
                .data("modes", SchemeForm.MODE_CHOICES);
        return Response.status(status)
                .entity(t)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static String parameters(JsonNode i) {
        List<String> p = new ArrayList<>();
        BigDecimal floor = Views.decimal(i.path("floor"));
        BigDecimal cap = Views.decimal(i.path("cap"));
        BigDecimal benchmark = Views.decimal(i.path("benchmark"));
        String rule = i.path("rule").asText();
        if ("EFFICACY".equals(rule) || "LOWER_BETTER".equals(rule)) {
            p.add("保底分为权重的" + (floor == null ? "60" : ScoreSentences.points(floor.multiply(BigDecimal.valueOf(100))))
                    + "%");
        }
        if ("BENCHMARK_RATIO".equals(rule)) {
            p.add(
                    benchmark == null
                            ? "对标全市平均值"
                            : "对标值" + benchmark.stripTrailingZeros().toPlainString());
            p.add("得分上限为权重的" + (cap == null ? "10" : cap.stripTrailingZeros().toPlainString()) + "倍");
        }
        if ("TARGET_COMPLETION".equals(rule)) {
            p.add("完成率达到100%得满分");
        }
        if ("RANK".equals(rule)) {
            p.add("第1位得满分，末位得0分");
        }
        return p.isEmpty() ? "—" : String.join("；", p);
    }

    static String tierMode(String mode) {
        return "SCORE".equals(mode) ? "按综合得分划分" : "按排名百分位划分";
    }

    /** Bands as a notice words them: "排名前25%", "排名25%至70%"; "90分及以上", "75分至90分（不含）". */
    static List<Map<String, Object>> tiers(JsonNode tiers) {
        boolean score = "SCORE".equals(tiers.path("mode").asText());
        List<Map<String, Object>> out = new ArrayList<>();
        String previous = null;
        for (JsonNode b : tiers.path("bands")) {
            String bound = ScoreSentences.points(Views.decimal(b.path("bound")));
            String range;
            if (score) {
                range = previous == null ? bound + "分及以上" : bound + "分至" + previous + "分（不含" + previous + "分）";
            } else {
                range = previous == null ? "排名前" + bound + "%" : "排名" + previous + "%（不含）至" + bound + "%";
            }
            out.add(Map.of("tier", b.path("tier").asText(), "range", range));
            previous = bound;
        }
        return out;
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /** The assessment is the bureau's: park staff get the same refusal as on the rankings. */
    private Response bureauPage(ConsolePages.Page body) {
        return pages.page(cookie, uri, user -> {
            if (!user.bureau()) {
                return pages.error(cookie, 403, "综合考核仅对市局用户开放。");
            }
            return body.render(user);
        });
    }

    /** The quarter asked for, or the last one that has ended. */
    static String quarter(String text) {
        if (text == null || text.isBlank()) {
            return Quarters.lastClosed(CityTime.thisMonth());
        }
        String q = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (!q.matches("\\d{4}-Q[1-4]")) {
            throw new ConsolePages.BadInput("季度格式应为YYYY-Qn，例如2025-Q1。");
        }
        return q;
    }

    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    /** "2025年第一季度". */
    static String quarterLabel(String q) {
        return q.substring(0, 4) + "年第" + QUARTER_NAMES[q.charAt(6) - '1'] + "季度";
    }

    /** "2025-03" as "2025年3月". */
    private static String asOf(String month) {
        try {
            return Views.month(java.time.YearMonth.parse(month));
        } catch (java.time.format.DateTimeParseException e) {
            return month;
        }
    }

    private static String minutes(String t) {
        return t.length() < 16 ? "—" : t.substring(0, 16).replace('T', ' ');
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String self() {
        return ConsolePages.self(uri);
    }
}
