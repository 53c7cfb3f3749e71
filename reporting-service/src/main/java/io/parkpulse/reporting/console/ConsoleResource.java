package io.parkpulse.reporting.console;

import static io.parkpulse.reporting.console.ServiceApi.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.security.Roles;
import io.parkpulse.reporting.console.ServiceApi.Service;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web console's pages (docs/console.md). Each page reads the services' public APIs with the
 * signed-in user's token and renders what it got; it holds no data and decides no permission.
 */
@Path("/console")
// Pages for people signed in to the console with one of the platform's roles (a service account has no
// console); the session cookie is verified like a bearer token (ConsoleAuthentication).
@HttpAuthenticationMechanism(ConsoleAuthentication.SCHEME)
@RolesAllowed({Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF})
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    /** The figures the city's overview leads with, as the bureau's monthly report does. */
    static final List<String> HEADLINES = List.of(
            "industrial_output",
            "above_scale_industrial_output",
            "tax_revenue",
            "fixed_asset_investment",
            "foreign_capital_used");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ConsoleSession sessions;

    @Inject
    LocalSignIn local;

    @Inject
    OidcSignIn oidc;

    @Inject
    ConsoleAuthentication authentication;

    @Inject
    ServiceApi api;

    @Inject
    ObjectMapper json;

    @Location("console/sign-in.html")
    Template signInPage;

    @Location("console/city.html")
    Template cityPage;

    @Location("console/rankings.html")
    Template rankingsPage;

    @Location("console/park.html")
    Template parkPage;

    @Inject
    ConsolePages pages;

    @Location("console/continue.html")
    Template continuePage;

    @Context
    UriInfo uri;

    @CookieParam(ConsoleSession.COOKIE)
    String cookie;

    @GET
    public Response home() {
        return page(user -> {
            if (user.bureau()) {
                return redirect("/console/city");
            }
            if (user.park() == null) {
                return pages.error(cookie, 403, "您的账号尚未分配所属园区，请联系市局管理员。");
            }
            return redirect("/console/parks/" + encode(user.park()));
        });
    }

    // ---- sign-in -------------------------------------------------------------------------------------------
    // The only open console endpoints: they are how a person without a session gets one, or ends one whose
    // token has already expired. Each checks its own request (CSRF token, sealed attempt, local key guard).

    @PermitAll
    @GET
    @Path("/sign-in")
    public Response signInForm() {
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(random(18));
        TemplateInstance page = signInPage
                .data("user", null)
                .data("form", "")
                .data("local", local.available())
                .data("oidc", oidc.available())
                .data("csrf", csrf)
                .data("parks", local.available() ? parksForSignIn() : List.of())
                .data("error", null);
        return Response.ok(page)
                .cookie(new NewCookie.Builder("pp_csrf")
                        .value(csrf)
                        .path("/console")
                        .httpOnly(true)
                        .secure(secure())
                        .sameSite(NewCookie.SameSite.STRICT)
                        .build())
                .build();
    }

    @PermitAll
    @POST
    @Path("/sign-in")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            @FormParam("role") String role,
            @FormParam("park") String park,
            @FormParam("csrf") String csrf,
            @CookieParam("pp_csrf") String csrfCookie) {
        if (!local.available()) {
            return error(404, "本环境未开放本地登录，请通过统一身份认证登录。");
        }
        if (csrf == null || csrfCookie == null || !csrf.equals(csrfCookie)) {
            return error(403, "登录表单已失效，请刷新登录页后重试。");
        }
        if (!List.of(Roles.BUREAU_ADMIN, Roles.BUREAU_ANALYST, Roles.PARK_STAFF).contains(role)) {
            return error(400, "请选择角色。");
        }
        if (Roles.PARK_STAFF.equals(role) && (park == null || park.isBlank())) {
            return error(400, "园区统计员须选择所属园区。");
        }
        String token = local.token(role, Roles.PARK_STAFF.equals(role) ? park.trim() : null);
        return Response.seeOther(URI.create("/console"))
                .cookie(sessions.open(token, secure()))
                .build();
    }

    /** Sign-in at the identity provider: off to its login page, with this attempt's secrets in a sealed cookie. */
    @PermitAll
    @GET
    @Path("/sign-in/oidc")
    public Response oidcSignIn(@QueryParam("returnTo") String returnTo) {
        if (!oidc.available()) {
            return error(404, "本环境未配置统一身份认证登录。");
        }
        OidcSignIn.Attempt attempt = oidc.newAttempt(returnTo);
        try {
            return Response.seeOther(oidc.authorization(attempt, self() + "/console/callback"))
                    .cookie(sessions.attempt(attempt, secure()))
                    .build();
        } catch (OidcSignIn.Refused e) {
            return error(502, e.getMessage());
        }
    }

    /**
     * The identity provider's redirect back. The session cookie is SameSite=Strict, so a browser would not send
     * it on a redirect that began at another site: the answer is a page that moves on by itself, from this site.
     */
    @PermitAll
    @GET
    @Path("/callback")
    public Response oidcCallback(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String failure,
            @CookieParam(ConsoleSession.ATTEMPT_COOKIE) String attemptCookie) {
        if (!oidc.available()) {
            return error(404, "本环境未配置统一身份认证登录。");
        }
        Optional<OidcSignIn.Attempt> attempt = sessions.attempt(attemptCookie);
        if (attempt.isEmpty()) {
            return error(400, "登录请求已失效（超过10分钟或不是从本浏览器发起），请重新登录。");
        }
        if (failure != null) {
            return error(401, "统一身份认证未完成登录，请重新登录。");
        }
        try {
            OidcSignIn.Tokens tokens = oidc.exchange(attempt.get(), state, code, self() + "/console/callback");
            Optional<ConsoleUser> user = sessions.user(tokens.accessToken());
            if (!authentication.accepts(tokens.accessToken())) {
                // Kept in the cookie, a token the platform refuses would send every page back here through the
                // provider's still-open session: a loop instead of an answer.
                return error(401, "统一身份认证签发的令牌未通过本平台校验（签名、签发方、受众或签发时间），请联系系统管理员。");
            }
            if (user.isEmpty() || (!user.get().bureau() && user.get().park() == null)) {
                return error(403, "您的账号尚未分配本平台的角色或所属园区，请联系市局管理员。");
            }
            return Response.ok(continuePage
                            .data("user", null)
                            .data("form", "")
                            .data("to", attempt.get().returnTo())
                            .data("message", "登录成功，正在进入平台……"))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .cookie(
                            sessions.open(tokens.accessToken(), secure()),
                            sessions.idToken(tokens.idToken(), tokens.accessToken(), secure()),
                            sessions.closeAttempt(secure()))
                    .build();
        } catch (OidcSignIn.Refused e) {
            return error(401, e.getMessage());
        }
    }

    /**
     * Ends the console's session and, after an identity-provider sign-in, the provider's too (a shared computer
     * in a park office must not sign the next person in). The provider is reached from a page, not a redirect of
     * this form: the console's form-action policy allows only itself.
     */
    @PermitAll
    @POST
    @Path("/sign-out")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(ConsoleSession.ID_COOKIE) String idCookie) {
        Optional<ConsoleUser> user = sessions.read(cookie);
        if (user.isPresent() && !sessions.validFormToken(user.get(), csrf)) {
            return error(403, "表单已失效，请刷新页面后重试。");
        }
        Optional<String> idToken = sessions.idToken(idCookie);
        if (oidc.available() && idToken.isPresent()) {
            try {
                String to =
                        oidc.logout(idToken.get(), self() + "/console/sign-in").toString();
                return Response.ok(continuePage
                                .data("user", null)
                                .data("form", "")
                                .data("to", to)
                                .data("message", "正在退出统一身份认证……"))
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .cookie(sessions.close(secure()), sessions.closeIdToken(secure()))
                        .build();
            } catch (OidcSignIn.Refused e) {
                // The console's own session ends all the same.
            }
        }
        return Response.seeOther(URI.create("/console/sign-in"))
                .cookie(sessions.close(secure()), sessions.closeIdToken(secure()))
                .build();
    }

    // ---- the city ------------------------------------------------------------------------------------------

    @GET
    @Path("/city")
    public Response city(@QueryParam("month") String monthText) {
        return page(user -> {
            if (!user.bureau()) {
                return home();
            }
            YearMonth month = month(monthText);
            String m = month.toString();
            JsonNode figures = api.get(user, Service.REPORTING, self(), "/api/v1/city/figures", query("period", m));
            List<Map<String, Object>> headlines = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode f : figures.path("indicators")) {
                Map<String, Object> row = figureRow(f, f.path("unit").asText());
                rows.add(row);
                if (HEADLINES.contains(f.path("indicator").asText())) {
                    headlines.add(row);
                }
            }
            headlines.sort(java.util.Comparator.comparingInt(r -> HEADLINES.indexOf(r.get("code"))));
            Map<String, String> names = new HashMap<>();
            rows.forEach(r -> names.put((String) r.get("code"), (String) r.get("name")));
            List<Map<String, Object>> completeness = new ArrayList<>();
            for (JsonNode c : api.get(user, Service.INDICATORS, self(), "/api/v1/completeness", query("period", m))) {
                completeness.add(completenessRow(c, names));
            }
            JsonNode behind = api.get(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/progress-gaps",
                    query("indicator", "industrial_output", "period", m));
            List<Map<String, Object>> behindRows = new ArrayList<>();
            for (JsonNode b : behind.path("behind")) {
                behindRows.add(Map.of(
                        "park", b.path("park").asText(),
                        "parkName", b.path("parkName").asText(),
                        "completion", Views.pct(b.path("completion")),
                        "phrase", b.path("phrase").asText("")));
            }
            // At the half year the bureau asks who reached 双过半 (half the target and the planned growth).
            List<String> doubleHalfMet = new ArrayList<>();
            List<String> doubleHalfMissed = new ArrayList<>();
            for (String list : List.of("behind", "onTrack")) {
                for (JsonNode b : behind.path(list)) {
                    if (b.path("doubleHalf").isBoolean()) {
                        if (b.path("doubleHalf").asBoolean()) {
                            doubleHalfMet.add(b.path("parkName").asText());
                        } else {
                            doubleHalfMissed.add(b.path("parkName").asText()
                                    + (b.path("doubleHalfGapPoints").isNumber()
                                            ? "（差"
                                                    + b.path("doubleHalfGapPoints")
                                                            .decimalValue()
                                                            .abs()
                                                            .toPlainString() + "个百分点）"
                                            : ""));
                        }
                    }
                }
            }
            Map<String, Long> colours = new LinkedHashMap<>(Map.of("GREEN", 0L, "YELLOW", 0L, "RED", 0L));
            long projects = 0;
            for (JsonNode p : api.get(user, Service.PROJECTS, self(), "/api/v1/projects/summary", query("period", m))) {
                projects += p.path("projects").asLong();
                p.path("byColour")
                        .fields()
                        .forEachRemaining(
                                e -> colours.merge(e.getKey(), e.getValue().asLong(), Long::sum));
            }
            JsonNode problems = api.get(user, Service.PROJECTS, self(), "/api/v1/problems/summary", query("period", m));
            TemplateInstance page = cityPage.data("user", user)
                    .data("form", sessions.formToken(user))
                    .data("month", m)
                    .data("monthLabel", Views.month(month))
                    .data(
                            "reported",
                            figures.path("reportedParks").asInt() + "/"
                                    + figures.path("activeParks").asInt())
                    .data("headlines", headlines)
                    .data("rows", rows)
                    .data("completeness", completeness)
                    .data("behind", behindRows)
                    .data(
                            "doubleHalf",
                            month.getMonthValue() == 6 && !(doubleHalfMet.isEmpty() && doubleHalfMissed.isEmpty()))
                    .data("doubleHalfMet", doubleHalfMet)
                    .data("doubleHalfMissed", doubleHalfMissed)
                    .data("projects", projects)
                    .data("green", colours.getOrDefault("GREEN", 0L))
                    .data("yellow", colours.getOrDefault("YELLOW", 0L))
                    .data("red", colours.getOrDefault("RED", 0L))
                    .data(
                            "openProblems",
                            problems.path("counts").path("openAtEnd").asLong())
                    .data(
                            "overdueProblems",
                            problems.path("counts").path("overdueAtEnd").asLong());
            return Response.ok(page).build();
        });
    }

    /** A park's reporting for the month as the pages show it; the deadline and time in minutes, Beijing time. */
    /** @param names indicator names by code, for the missing ones (a code without a name is shown as it is) */
    private static Map<String, Object> completenessRow(JsonNode c, Map<String, String> names) {
        String status = c.path("status").asText();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("park", c.path("park").asText());
        row.put("parkName", c.path("parkName").asText());
        row.put("status", status);
        row.put("statusLabel", Views.COMPLETENESS.getOrDefault(status, status));
        row.put(
                "reported",
                c.path("reported").asInt() + "/" + c.path("mandatory").asInt());
        row.put("deadline", minutes(c.path("deadline")));
        row.put("completedAt", minutes(c.path("completedAt")));
        row.put("openFlags", c.path("openFlags").asLong());
        String receivedOn =
                c.path("receivedOn").isTextual() ? c.path("receivedOn").asText() : "—";
        row.put("receivedOn", receivedOn);
        if (row.get("completedAt").equals(receivedOn + " 00:00")) {
            // Complete by a paper report signed for that day: the day is what the bureau knows, not an hour.
            row.put("completedAt", receivedOn + "（纸质签收）");
        }
        List<String> missing = new ArrayList<>();
        c.path("missing").forEach(code -> missing.add(names.getOrDefault(code.asText(), code.asText())));
        row.put("missing", missing.isEmpty() ? "" : "缺" + String.join("、", missing));
        return row;
    }

    /** An instant as Beijing time to the minute ("2026-11-10 23:59"), whatever offset the API wrote it with. */
    static String minutes(JsonNode time) {
        if (!time.isTextual()) {
            return "—";
        }
        try {
            return java.time.OffsetDateTime.parse(time.asText())
                    .atZoneSameInstant(io.parkpulse.common.periods.CityTime.ZONE)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        } catch (java.time.format.DateTimeParseException e) {
            return "—";
        }
    }

    private static Map<String, Object> figureRow(JsonNode f, String unit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", f.path("indicator").asText());
        row.put("name", f.path("name").asText());
        row.put("value", Views.amount(f.path("value"), unit));
        row.put("growth", Views.signedPct(f.path("growthPct")));
        row.put("trend", Views.trend(f.path("growthPct")));
        row.put("completion", Views.pct(f.path("completionPct")));
        row.put("gap", Views.gap(f.path("timeProgressGapPts")));
        row.put("estimate", Views.amount(f.path("fullYearEstimate"), unit));
        row.put("parks", f.path("parks").asInt());
        return row;
    }

    // ---- rankings ------------------------------------------------------------------------------------------

    @GET
    @Path("/rankings")
    public Response rankings(
            @QueryParam("indicator") String indicator,
            @QueryParam("kind") String kind,
            @QueryParam("period") String period,
            @QueryParam("peerGroup") String peerGroup,
            @QueryParam("page") Integer page) {
        return page(user -> {
            if (!user.bureau()) {
                return error(403, "排名仅对市局用户开放。");
            }
            String code = indicator == null || indicator.isBlank() ? "industrial_output" : indicator;
            String k = kind == null || !Views.FIGURE_KINDS.containsKey(kind) ? "value" : kind;
            String p = period == null || period.isBlank() ? month(null).toString() : period;
            int pageNo = page == null || page < 0 ? 0 : page;
            Map<String, String> q = query(
                    "figure",
                    k + ":" + code,
                    "period",
                    p,
                    "peerGroup",
                    peerGroup,
                    "page",
                    Integer.toString(pageNo),
                    "size",
                    "20");
            JsonNode r = api.get(user, Service.REPORTING, self(), "/api/v1/rankings", q);
            String unit = "value".equals(k)
                    ? r.path("unit").asText("")
                    : "perMu".equals(k) ? r.path("unit").asText("") : "%";
            List<Map<String, Object>> entries = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (JsonNode e : r.path("entries")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rank", e.path("rank").asText("—"));
                int change = e.path("rankChange").asInt(0);
                row.put(
                        "change",
                        e.path("rankChange").isNull() || e.path("rankChange").isMissingNode()
                                ? "新"
                                : change > 0 ? "↑" + change : change < 0 ? "↓" + (-change) : "—");
                row.put("changeClass", change > 0 ? "up" : change < 0 ? "down" : "flat");
                row.put("park", e.path("park").asText());
                row.put("parkName", e.path("parkName").asText());
                row.put("value", "%".equals(unit) ? Views.pct(e.path("value")) : Views.amount(e.path("value"), unit));
                entries.add(row);
                names.add(e.path("parkName").asText());
                values.add(Views.decimal(e.path("value")));
            }
            long total = r.path("total").asLong();
            List<Map<String, Object>> indicators = new ArrayList<>();
            String name = r.path("indicatorName").asText(code);
            for (JsonNode i : api.get(user, Service.INDICATORS, self(), "/api/v1/indicators", Map.of())) {
                indicators.add(Map.of(
                        "code", i.path("code").asText(),
                        "name", i.path("nameZh").asText(),
                        "selected", i.path("code").asText().equals(code)));
                if (i.path("code").asText().equals(code)) {
                    name = i.path("nameZh").asText(name);
                }
            }
            String title = name + Views.FIGURE_KINDS.get(k) + "排名";
            Map<String, Object> chart = Charts.bar(title, unit, names, values);
            TemplateInstance t = rankingsPage
                    .data("user", user)
                    .data("form", sessions.formToken(user))
                    .data("title", title)
                    .data("period", p)
                    .data("kind", k)
                    .data("kinds", Views.FIGURE_KINDS)
                    .data("indicator", code)
                    .data("indicators", indicators)
                    .data("peerGroup", peerGroup == null ? "" : peerGroup)
                    .data("entries", entries)
                    .data("pageLabel", pageNo + 1)
                    .data("pages", Math.max(1, (total + 19) / 20))
                    .data("previous", pageNo > 0 ? pageNo - 1 : null)
                    .data("next", (pageNo + 1) * 20L < total ? pageNo + 1 : null)
                    .data("total", total)
                    .data("unit", unit)
                    .data("chart", scriptSafe(json.writeValueAsString(chart)))
                    .data(
                            "exportQuery",
                            uri.getRequestUri().getRawQuery() == null
                                    ? ""
                                    : uri.getRequestUri().getRawQuery());
            return Response.ok(t).build();
        });
    }

    @GET
    @Path("/rankings/export")
    @Produces(MediaType.WILDCARD)
    public Response rankingsExport(
            @QueryParam("indicator") String indicator,
            @QueryParam("kind") String kind,
            @QueryParam("period") String period,
            @QueryParam("peerGroup") String peerGroup) {
        return page(user -> {
            String code = indicator == null || indicator.isBlank() ? "industrial_output" : indicator;
            String k = kind == null || !Views.FIGURE_KINDS.containsKey(kind) ? "value" : kind;
            String p = period == null || period.isBlank() ? month(null).toString() : period;
            ServiceApi.Download d = api.download(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/rankings/export",
                    query("figure", k + ":" + code, "period", p, "peerGroup", peerGroup));
            Response.ResponseBuilder b = Response.ok(d.body()).type(d.contentType());
            if (d.disposition() != null) {
                b.header("Content-Disposition", d.disposition());
            }
            return b.build();
        });
    }

    // ---- comparison ----------------------------------------------------------------------------------------

    @Location("console/compare.html")
    Template comparePage;

    /** Two to ten parks side by side on chosen indicators, with the city's totals and each park's share. */
    @GET
    @Path("/compare")
    public Response compare(
            @QueryParam("park") List<String> parks,
            @QueryParam("indicator") List<String> indicators,
            @QueryParam("kind") String kind,
            @QueryParam("period") String period) {
        return page(user -> {
            if (!user.bureau()) {
                return error(403, "园区对比仅对市局用户开放。");
            }
            String k = kind == null || !Views.FIGURE_KINDS.containsKey(kind) ? "value" : kind;
            String p = period == null || period.isBlank() ? month(null).toString() : period;
            List<String> chosen = parks == null
                    ? List.of()
                    : parks.stream().filter(x -> !x.isBlank()).distinct().toList();
            List<String> codes = indicators == null || indicators.isEmpty()
                    ? List.of("industrial_output", "tax_revenue")
                    : indicators.stream().filter(x -> !x.isBlank()).distinct().toList();
            List<Map<String, Object>> parkChoices = new ArrayList<>();
            for (JsonNode x : api.get(user, Service.INDICATORS, self(), "/api/v1/parks", query("size", "500"))
                    .path("items")) {
                parkChoices.add(Map.of(
                        "code", x.path("code").asText(),
                        "name", x.path("name").asText(),
                        "selected", chosen.contains(x.path("code").asText())));
            }
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> units = new LinkedHashMap<>();
            List<Map<String, Object>> indicatorChoices = new ArrayList<>();
            for (JsonNode i : api.get(user, Service.INDICATORS, self(), "/api/v1/indicators", Map.of())) {
                String code = i.path("code").asText();
                names.put(code, i.path("nameZh").asText(code));
                units.put(code, i.path("unit").asText(""));
                indicatorChoices.add(
                        Map.of("code", code, "name", i.path("nameZh").asText(code), "selected", codes.contains(code)));
            }
            TemplateInstance t = comparePage
                    .data("user", user)
                    .data("form", sessions.formToken(user))
                    .data("period", p)
                    .data("kind", k)
                    .data("kinds", Views.FIGURE_KINDS)
                    .data("parkChoices", parkChoices)
                    .data("indicatorChoices", indicatorChoices);
            if (chosen.size() < 2 || chosen.size() > 10 || codes.isEmpty() || codes.size() > 10) {
                return Response.ok(t.data("columns", List.of())
                                .data("rows", List.of())
                                .data("city", List.of())
                                .data("chart", "{}")
                                .data("hint", "请选择2至10个园区和1至10项指标。"))
                        .build();
            }
            List<String> figures = codes.stream().map(c -> k + ":" + c).toList();
            JsonNode c = api.get(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/comparisons",
                    query("parks", String.join(",", chosen), "figures", String.join(",", figures), "period", p));
            boolean value = "value".equals(k);
            List<String> columns = new ArrayList<>();
            for (String code : codes) {
                // Amounts carry their unit in each cell (亿元 or 万元 as the figure's size asks); rates are in %.
                columns.add(names.getOrDefault(code, code)
                        + Views.FIGURE_KINDS.get(k)
                        + ("growth".equals(k) || "completion".equals(k) ? "（%）" : ""));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> chartParks = new ArrayList<>();
            List<Map<String, Object>> series = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                series.add(
                        new LinkedHashMap<>(Map.of("name", columns.get(i), "type", "bar", "data", new ArrayList<>())));
            }
            for (JsonNode r : c.path("parks")) {
                List<String> cells = new ArrayList<>();
                int i = 0;
                for (JsonNode cell : r.path("cells")) {
                    String unit = value ? units.get(codes.get(i)) : "perMu".equals(k) ? units.get(codes.get(i)) : null;
                    String shown =
                            unit == null ? Views.pct(cell.path("value")) : Views.amount(cell.path("value"), unit);
                    if (value && !cell.path("shareOfCity").isNull()) {
                        shown += "（占全市" + Views.pct(cell.path("shareOfCity")) + "）";
                    }
                    cells.add(shown);
                    @SuppressWarnings("unchecked")
                    List<Object> data = (List<Object>) series.get(i).get("data");
                    data.add(Views.decimal(cell.path("value")));
                    i++;
                }
                rows.add(Map.of(
                        "park",
                        r.path("park").asText(),
                        "parkName",
                        r.path("parkName").asText(),
                        "cells",
                        cells));
                chartParks.add(r.path("parkName").asText());
            }
            List<String> city = new ArrayList<>();
            int i = 0;
            for (JsonNode cell : c.path("city")) {
                String unit = value ? units.get(codes.get(i)) : null;
                city.add(unit == null ? Views.pct(cell.path("value")) : Views.amount(cell.path("value"), unit));
                i++;
            }
            Map<String, Object> chart = new LinkedHashMap<>(
                    Charts.bar(Views.FIGURE_KINDS.get(k) + "对比", value ? "" : "%", chartParks, List.of()));
            chart.put("series", series);
            chart.put("legend", Map.of("bottom", 0));
            Map<String, Object> trendAll = trendLines(user, chosen, codes.get(0), k, p, names, units);
            Map<String, Object> trend = trendAll == null ? null : new LinkedHashMap<>(trendAll);
            if (trend != null) {
                trend.remove("months");
                trend.remove("rows");
            }
            return Response.ok(t.data("columns", columns)
                            .data("rows", rows)
                            .data("city", city)
                            .data("chart", scriptSafe(json.writeValueAsString(chart)))
                            .data("trend", trend == null ? null : scriptSafe(json.writeValueAsString(trend)))
                            .data("trendTitle", trend == null ? null : ((Map<?, ?>) trend.get("title")).get("text"))
                            .data("trendMonths", trendAll == null ? List.of() : trendAll.get("months"))
                            .data("trendRows", trendAll == null ? List.of() : trendAll.get("rows"))
                            .data("hint", null))
                    .build();
        });
    }

    /**
     * The first chosen figure month by month from January to the period, one line per park: how the gap between
     * them opened over the year, which one month's bars cannot show. None for a period that is not a month.
     */
    private Map<String, Object> trendLines(
            ConsoleUser user,
            List<String> parks,
            String code,
            String kind,
            String period,
            Map<String, String> names,
            Map<String, String> units) {
        YearMonth end;
        try {
            end = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            return null;
        }
        List<String> months = new ArrayList<>();
        Map<String, Map<String, Object>> byPark = new LinkedHashMap<>();
        for (YearMonth m = end.withMonth(1); !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m.getMonthValue() == 1 ? "1月" : "1–" + m.getMonthValue() + "月");
            JsonNode c = api.get(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/comparisons",
                    query("parks", String.join(",", parks), "figures", kind + ":" + code, "period", m.toString()));
            for (JsonNode r : c.path("parks")) {
                Map<String, Object> line = byPark.computeIfAbsent(
                        r.path("park").asText(),
                        x -> new LinkedHashMap<>(Map.of(
                                "name", r.path("parkName").asText(), "type", "line", "data", new ArrayList<>())));
                @SuppressWarnings("unchecked")
                List<Object> data = (List<Object>) line.get("data");
                while (data.size() < months.size() - 1) {
                    data.add(null);
                }
                data.add(Views.decimal(r.path("cells").path(0).path("value")));
            }
        }
        boolean amount = "value".equals(kind) || "perMu".equals(kind);
        String unit = amount ? units.getOrDefault(code, "") : "%";
        Map<String, Object> chart = new LinkedHashMap<>(Charts.lines(
                end.getYear() + "年" + names.getOrDefault(code, code) + Views.FIGURE_KINDS.get(kind) + "走势（" + unit
                        + "）",
                unit,
                months,
                new ArrayList<>(byPark.values())));
        // The same figures as a table beside the chart, for keyboards and screen readers; not sent to ECharts.
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> line : byPark.values()) {
            List<String> cells = new ArrayList<>();
            for (Object v : (List<?>) line.get("data")) {
                JsonNode n = v == null
                        ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                        : com.fasterxml.jackson.databind.node.DecimalNode.valueOf((java.math.BigDecimal) v);
                cells.add(amount ? Views.amount(n, unit) : Views.pct(n));
            }
            rows.add(Map.of("name", line.get("name"), "cells", cells));
        }
        Map<String, Object> out = new LinkedHashMap<>(chart);
        out.put("months", months);
        out.put("rows", rows);
        return out;
    }

    // ---- a park --------------------------------------------------------------------------------------------

    @GET
    @Path("/parks/{park}")
    public Response park(
            @PathParam("park") String park,
            @QueryParam("month") String monthText,
            @QueryParam("indicator") String trendIndicator) {
        return page(user -> {
            YearMonth month = month(monthText);
            String m = month.toString();
            String trend = trendIndicator == null || trendIndicator.isBlank() ? "industrial_output" : trendIndicator;
            JsonNode figures = api.get(
                    user, Service.INDICATORS, self(), "/api/v1/parks/" + encode(park) + "/figures", query("period", m));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode f : figures.path("figures")) {
                String unit = f.path("unit").asText();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", f.path("indicator").asText());
                row.put("name", f.path("name").asText());
                row.put("value", Views.amount(f.path("value"), unit));
                row.put("month", Views.amount(f.path("month"), unit));
                row.put("growth", Views.signedPct(f.path("growthPct")));
                row.put("trend", Views.trend(f.path("growthPct")));
                row.put("completion", Views.pct(f.path("completionPct")));
                row.put("gap", Views.gap(f.path("timeProgressGapPts")));
                row.put("estimate", Views.amount(f.path("estimate").path("value"), unit));
                if ("STOCK".equals(f.path("kind").asText())) {
                    // A count is compared as reports do, "净增5家", not as a growth rate; it has no month of its own.
                    java.math.BigDecimal now = Views.decimal(f.path("value"));
                    java.math.BigDecimal before = Views.decimal(f.path("valueLastYear"));
                    row.put(
                            "growth",
                            now == null || before == null
                                    ? "—"
                                    : io.parkpulse.common.figures.Phrases.netChange(now.subtract(before), unit)
                                            .replace("较上年同期", ""));
                    row.put("month", "—");
                }
                rows.add(row);
            }
            JsonNode projects =
                    api.get(user, Service.PROJECTS, self(), "/api/v1/projects", query("park", park, "size", "100"));
            List<Map<String, Object>> projectRows = new ArrayList<>();
            for (JsonNode p : projects.path("items")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", p.path("name").asText());
                row.put("stage", p.path("stageLabel").asText(p.path("stage").asText()));
                row.put("total", Views.amount(p.path("totalInvestment"), "万元"));
                String colour = p.path("status").path("colour").asText("NONE");
                row.put("colour", colour);
                row.put("colourLabel", Views.COLOURS.getOrDefault(colour, colour));
                List<String> reasons = new ArrayList<>();
                p.path("status")
                        .path("reasons")
                        .forEach(x -> reasons.add(x.path("message").asText()));
                row.put("reasons", String.join("；", reasons));
                projectRows.add(row);
            }
            // Trend: this year's year-to-date figures month by month against last year's.
            JsonNode values = api.get(
                    user,
                    Service.INDICATORS,
                    self(),
                    "/api/v1/parks/" + encode(park) + "/values",
                    query("indicator", trend, "from", month.getYear() - 1 + "-01", "to", m, "size", "100"));
            List<Object> thisYear = new ArrayList<>(java.util.Collections.nCopies(12, null));
            List<Object> lastYear = new ArrayList<>(java.util.Collections.nCopies(12, null));
            String trendName = trend;
            String trendUnit = "";
            for (JsonNode v : values.path("items")) {
                YearMonth p = YearMonth.parse(v.path("period").asText());
                (p.getYear() == month.getYear() ? thisYear : lastYear)
                        .set(p.getMonthValue() - 1, Views.decimal(v.path("value")));
                trendName = v.path("indicatorName").asText(trendName);
                trendUnit = v.path("unit").asText(trendUnit);
            }
            List<Map<String, Object>> trendChoices = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                trendChoices.add(
                        Map.of("code", r.get("code"), "name", r.get("name"), "selected", trend.equals(r.get("code"))));
            }
            Map<String, Object> trendChart =
                    Charts.yearOnYear(trendName + "（年初累计）", trendUnit, month.getYear(), thisYear, lastYear);
            // The chart's figures as a table, for keyboards and screen readers.
            List<Map<String, Object>> trendTable = new ArrayList<>();
            for (int y = 0; y < 2; y++) {
                List<String> cells = new ArrayList<>();
                for (Object v : y == 0 ? thisYear : lastYear) {
                    cells.add(
                            v == null
                                    ? "—"
                                    : Views.amount(
                                            com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                                                    (java.math.BigDecimal) v),
                                            trendUnit));
                }
                trendTable.add(Map.of("year", (month.getYear() - y) + "年", "cells", cells));
            }

            // The investment pipeline as a funnel, signed amounts and funds in place by source.
            JsonNode inv = api.get(
                    user, Service.INVESTMENT, self(), "/api/v1/investment-figures", query("park", park, "period", m));
            JsonNode pipeline = inv.isArray() && inv.size() > 0 ? inv.get(0) : inv;
            List<Map<String, Object>> stages = new ArrayList<>();
            for (String[] st :
                    new String[][] {{"LEAD", "线索"}, {"NEGOTIATING", "洽谈"}, {"SIGNED", "签约"}, {"LANDED", "落地"}}) {
                stages.add(Map.of(
                        "name",
                        st[1],
                        "value",
                        pipeline.path("leadsByStage").path(st[0]).asLong()));
            }
            List<Map<String, Object>> funds = new ArrayList<>();
            for (String[] src :
                    new String[][] {{"OUTSIDE_CITY", "市外"}, {"OUTSIDE_PROVINCE", "省外"}, {"FOREIGN", "外资"}}) {
                funds.add(Map.of(
                        "source",
                        src[1],
                        "amount",
                        Views.amount(pipeline.path("funds").path("bySource").path(src[0]), "万元")));
            }

            // The problem ledger's open entries, overdue first.
            JsonNode problems =
                    api.get(user, Service.PROJECTS, self(), "/api/v1/problems", query("park", park, "size", "100"));
            List<Map<String, Object>> open = new ArrayList<>();
            for (JsonNode q : problems.path("items")) {
                if (!"OPEN".equals(q.path("status").asText())) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("description", q.path("description").asText());
                row.put("project", q.path("projectName").asText(""));
                row.put("department", q.path("department").asText("—"));
                row.put("raisedOn", q.path("raisedOn").asText());
                row.put("dueOn", q.path("dueOn").asText("—"));
                row.put("overdue", q.path("overdue").asBoolean());
                open.add(row);
            }
            open.sort(java.util.Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("overdue")));

            // The assessment is the bureau's to publish: park staff are not offered their ranks (the API refuses them).
            List<Map<String, Object>> ranks = new ArrayList<>();
            if (user.bureau()) {
                for (JsonNode h : api.get(
                        user, Service.REPORTING, self(), "/api/v1/assessment-history/" + encode(park), Map.of())) {
                    String q = h.path("quarter").asText();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("quarter", ConsoleAssessmentResource.quarterLabel(q));
                    row.put(
                            "rank",
                            h.path("disqualified").asBoolean() || h.path("rank").isNull()
                                    ? "取消资格"
                                    : "第" + h.path("rank").asInt() + "名（共"
                                            + h.path("ranked").asInt() + "个）");
                    row.put("total", ScoreSentences.points(Views.decimal(h.path("total"))) + "分");
                    row.put("tier", h.path("tier").asText("—"));
                    row.put(
                            "link",
                            "/console/assessments/" + q + "/parks/" + encode(park) + "?revision="
                                    + h.path("revision").asInt());
                    ranks.add(row);
                }
            }

            TemplateInstance t = parkPage.data("user", user)
                    .data("form", sessions.formToken(user))
                    .data("trendChoices", trendChoices)
                    .data("trendChart", scriptSafe(json.writeValueAsString(trendChart)))
                    .data("trendName", trendName)
                    .data("trendTable", trendTable)
                    .data("funnel", scriptSafe(json.writeValueAsString(Charts.funnel("招商项目漏斗（个）", stages))))
                    .data("stages", stages)
                    .data("signedYtd", pipeline.path("signed").path("countYtd").asLong())
                    .data(
                            "signedAmountYtd",
                            Views.amount(pipeline.path("signed").path("amountYtd"), "万元"))
                    .data(
                            "signedGrowth",
                            Views.signedPct(pipeline.path("signed").path("growthYtd")))
                    .data("funds", funds)
                    .data("fundsYtd", Views.amount(pipeline.path("funds").path("totalYtd"), "万元"))
                    .data("problems", open)
                    .data("bureau", user.bureau())
                    .data("ranks", ranks)
                    .data("park", park)
                    .data("parkName", figures.path("parkName").asText(park))
                    .data("month", m)
                    .data("monthLabel", Views.month(month))
                    .data("rows", rows)
                    .data("projects", projectRows);
            return Response.ok(t).build();
        });
    }

    // ---- a park's monthly report ---------------------------------------------------------------------------

    static final Map<String, String> OUTCOMES =
            Map.of("imported", "新增", "updated", "更新", "unchanged", "未变", "rejected", "未通过");

    @Location("console/report.html")
    Template reportPage;

    /** The month's report: its deadline and completeness, the template, and an upload checked before it is stored. */
    @GET
    @Path("/parks/{park}/report")
    public Response report(@PathParam("park") String park, @QueryParam("month") String monthText) {
        return page(user -> reportView(user, park, month(monthText), null, null));
    }

    @GET
    @Path("/parks/{park}/report/template")
    @Produces(MediaType.WILDCARD)
    public Response reportTemplate(@PathParam("park") String park, @QueryParam("month") String monthText) {
        return page(user -> {
            String m = month(monthText).toString();
            ServiceApi.Download d = api.download(
                    user,
                    Service.INDICATORS,
                    self(),
                    "/api/v1/parks/" + encode(park) + "/values/template",
                    query("period", m));
            return Response.ok(d.body())
                    .type(d.contentType())
                    .header("Content-Disposition", d.disposition())
                    .build();
        });
    }

    @POST
    @Path("/parks/{park}/report")
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(
            @PathParam("park") String park,
            @org.jboss.resteasy.reactive.RestForm("month") String monthText,
            @org.jboss.resteasy.reactive.RestForm("csrf") String csrf,
            @org.jboss.resteasy.reactive.RestForm("submit") String submit,
            @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        return page(user -> {
            if (!sessions.validFormToken(user, csrf)) {
                return error(403, "表单已失效，请刷新页面后重试。");
            }
            YearMonth month = month(monthText);
            if (file == null || file.size() == 0) {
                return reportView(user, park, month, null, "请选择要上传的报表文件（XLSX或CSV）。");
            }
            String name = file.fileName() == null ? "" : file.fileName().toLowerCase(java.util.Locale.ROOT);
            String type = name.endsWith(".csv")
                    ? "text/csv"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            boolean dryRun = !"store".equals(submit);
            JsonNode result = api.upload(
                    user,
                    Service.INDICATORS,
                    self(),
                    "/api/v1/parks/" + encode(park) + "/values/file",
                    query("period", month.toString(), "dryRun", Boolean.toString(dryRun)),
                    type,
                    java.nio.file.Files.readAllBytes(file.uploadedFile()));
            return reportView(user, park, month, result, null);
        });
    }

    private Response reportView(ConsoleUser user, String park, YearMonth month, JsonNode result, String problem)
            throws Exception {
        String m = month.toString();
        Map<String, Object> mine = null;
        for (JsonNode c : api.get(user, Service.INDICATORS, self(), "/api/v1/completeness", query("period", m))) {
            if (park.equals(c.path("park").asText())) {
                mine = completenessRow(c, Map.of());
            }
        }
        if (mine == null) {
            return error(404, "园区“" + park + "”不存在或您无权查看。");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> outcome = null;
        if (result != null) {
            for (JsonNode r : result.path("rows")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("line", r.path("index").asInt() + 1);
                row.put("indicator", r.path("indicator").asText("—"));
                row.put(
                        "value",
                        r.path("value").isNull()
                                ? "—"
                                : Views.amount(r.path("value"), r.path("unit").asText("")));
                row.put("outcome", r.path("outcome").asText());
                row.put(
                        "outcomeLabel",
                        OUTCOMES.getOrDefault(
                                r.path("outcome").asText(), r.path("outcome").asText()));
                row.put("code", r.path("code").asText(""));
                row.put("message", r.path("message").asText(""));
                List<String> flags = new ArrayList<>();
                r.path("flags").forEach(f -> flags.add(f.path("message").asText(f.asText())));
                row.put("flags", String.join("；", flags));
                rows.add(row);
            }
            JsonNode sum = result.path("summary");
            outcome = new LinkedHashMap<>();
            outcome.put("dryRun", result.path("dryRun").asBoolean());
            outcome.put("applied", result.path("applied").asBoolean());
            outcome.put(
                    "text",
                    (result.path("dryRun").asBoolean()
                                    ? "试校验（未保存）："
                                    : result.path("applied").asBoolean() ? "已保存：" : "未保存：")
                            + "新增" + sum.path("imported").asInt() + "项，更新"
                            + sum.path("updated").asInt() + "项，未变"
                            + sum.path("unchanged").asInt() + "项，未通过"
                            + sum.path("rejected").asInt() + "项。");
        }
        return Response.status(problem == null ? 200 : 400)
                .entity(reportPage
                        .data("user", user)
                        .data("form", sessions.formToken(user))
                        .data("park", park)
                        .data("month", m)
                        .data("monthLabel", Views.month(month))
                        .data("mine", mine)
                        .data("outcome", outcome)
                        .data("rows", rows)
                        .data("problem", problem))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** The park's written summary as reporting-service renders it (HTML), or its Word document. */
    @GET
    @Path("/parks/{park}/summary")
    @Produces(MediaType.WILDCARD)
    public Response parkSummary(
            @PathParam("park") String park,
            @QueryParam("month") String monthText,
            @QueryParam("format") String format) {
        return page(user -> {
            String m = month(monthText).toString();
            if ("docx".equals(format)) {
                ServiceApi.Download d = api.download(
                        user,
                        Service.REPORTING,
                        self(),
                        "/api/v1/summaries/parks/" + encode(park),
                        query("period", m, "format", "docx"));
                return Response.ok(d.body())
                        .type(d.contentType())
                        .header("Content-Disposition", d.disposition())
                        .build();
            }
            String html = api.text(
                    user,
                    Service.REPORTING,
                    self(),
                    "/api/v1/summaries/parks/" + encode(park),
                    query("period", m, "format", "html"),
                    "text/html");
            // Opened inside the console, the page gets its empty icon: browsers otherwise ask for /favicon.ico.
            html = html.replaceFirst("(?i)<head>", "<head><link rel=\"icon\" href=\"data:,\">");
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        });
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private Response page(ConsolePages.Page body) {
        return pages.page(cookie, uri, body);
    }

    private Response error(int status, String message) {
        return pages.error(cookie, status, message);
    }

    /** The month asked for, or the last month that has ended. */
    static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return CityTime.thisMonth().minusMonths(1);
        }
        try {
            YearMonth m = YearMonth.parse(text.trim());
            if (m.getYear() < 2000 || m.getYear() > CityTime.thisMonth().getYear() + 1) {
                throw new ConsolePages.BadInput("月份须在2000年至明年之间。");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw new ConsolePages.BadInput("月份格式应为YYYY-MM，例如2026-10。");
        }
    }

    private List<Map<String, Object>> parksForSignIn() {
        // The sign-in page lists the parks with a token of the service role: nothing else is shown to a signed-out
        // user.
        ConsoleUser service = sessions.user(local.token(Roles.SERVICE, null)).orElseThrow();
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (JsonNode p : api.get(service, Service.INDICATORS, self(), "/api/v1/parks", query("size", "500"))
                    .path("items")) {
                out.add(Map.of(
                        "code", p.path("code").asText(), "name", p.path("name").asText()));
            }
        } catch (ServiceApi.Failure e) {
            // Without the list a park code can still be typed.
        }
        return out;
    }

    private String self() {
        return ConsolePages.self(uri);
    }

    private boolean secure() {
        return ConsolePages.secure(uri);
    }

    private static Response redirect(String to) {
        return ConsolePages.redirect(to);
    }

    private static String encode(String s) {
        return ConsolePages.encode(s);
    }

    /** JSON placed in a page's script element: a park named "</script>" must stay data. */
    public static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
