package io.parkpulse.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for projects-service and investment-service behind the console, so that reporting-service's tests can
 * render the projects and leads pages and see what the console sends. It answers with a few fixed documents shaped
 * like the real APIs' and refuses the way they do (problem+json with errors[] naming fields, 409 stale_version);
 * the real services behind the same pages are exercised by parkpulse-cli ConsoleIT.
 *
 * <p>It is indicators-service's address too, but as one that cannot be reached (the connection is dropped without
 * an answer), as the other tests expect, unless a test switches {@link #INDICATORS} on to render the data-quality
 * page: then it answers the few reads that page makes.
 */
public class ConsoleStubServices implements QuarkusTestResourceLifecycleManager {

    static final String PARK = "STUB-PARK";
    static final String PROJECT = "11111111-1111-1111-1111-111111111111";
    static final String PROBLEM = "22222222-2222-2222-2222-222222222222";
    static final String LEAD = "33333333-3333-3333-3333-333333333333";

    private static final String P = "/api/v1/projects/" + PROJECT;
    private static final String L = "/api/v1/leads/" + LEAD;

    /** Every request the stub received: method, path with query, body. */
    record Call(String method, String path, JsonNode body) {}

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    /** Whether indicators-service answers (tests run one at a time; one that switches it on switches it off). */
    static volatile boolean INDICATORS = false;

    /** The review flag the data-quality page shows while {@link #INDICATORS} is on. */
    static final String NARRATIVE_FLAG = "{\"id\":71,\"park\":\"" + PARK + "\",\"indicator\":\"tax_revenue\","
            + "\"period\":\"2023-06\",\"reason\":\"narrative_growth_differs\",\"message\":\"报告#5《上半年工作总结》称"
            + "税收增长4.2%，按已报数值计算为25%\",\"status\":\"OPEN\",\"statusLabel\":\"待处理\"}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "parkpulse.console.projects-url",
                url,
                "parkpulse.console.investment-url",
                url,
                "parkpulse.console.indicators-url",
                url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static List<Call> writes() {
        return CALLS.stream().filter(c -> !"GET".equals(c.method())).toList();
    }

    static List<Call> touching(String text) {
        return CALLS.stream().filter(c -> c.path().contains(text)).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] in = x.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : JSON.readTree(in);
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        String full = x.getRequestURI().toString();
        CALLS.add(new Call(method, full, body));
        if (path.startsWith("/api/v1/parks")
                || path.startsWith("/api/v1/indicators")
                || path.startsWith("/api/v1/flags")) {
            indicators(x, path);
            return;
        }
        switch (method + " " + path) {
            case "GET /api/v1/projects" -> answer(x, 200, "{\"items\":[" + project() + "],\"total\":1}");
            case "GET " + P -> answer(x, 200, project());
            case "GET " + P + "/transitions" ->
                answer(
                        x,
                        200,
                        "[{\"from\":null,\"fromLabel\":null,\"to\":\"SIGNED\",\"toLabel\":\"签约\",\"on\":\"2025-01-10\","
                                + "\"by\":\"staff\"},{\"from\":\"SIGNED\",\"fromLabel\":\"签约\",\"to\":\"UNDER_CONSTRUCTION\","
                                + "\"toLabel\":\"在建\",\"on\":\"2025-03-05\",\"by\":\"staff\"}]");
            case "GET " + P + "/progress" ->
                answer(
                        x,
                        200,
                        "[{\"period\":\"2025-03\",\"investmentCompleted\":3000,\"investmentCompletedThisYear\":1200,"
                                + "\"physicalProgress\":35,\"milestones\":\"2栋厂房主体已建成\",\"revision\":1,"
                                + "\"reportedBy\":\"staff\"}]");
            case "GET " + P + "/problems" ->
                answer(
                        x,
                        200,
                        "[{\"id\":\"" + PROBLEM + "\",\"description\":\"电力增容工程未完成\",\"department\":\"供电公司\","
                                + "\"raisedOn\":\"2025-02-01\",\"dueOn\":\"2025-03-01\",\"status\":\"OPEN\","
                                + "\"overdue\":true,\"version\":2}]");
            case "PUT " + P + "/progress/2025-04" -> {
                JsonNode pp = body.path("physicalProgress");
                if (pp.isNumber() && pp.decimalValue().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
                    problem(x, 400, "validation", "physicalProgress：必须小于或等于100", "physicalProgress", "必须小于或等于100");
                } else {
                    answer(x, 201, "{\"period\":\"2025-04\",\"revision\":1,\"outcome\":\"CREATED\"}");
                }
            }
            case "POST " + P + "/transitions" -> {
                if (body.path("version").asLong() != 3) {
                    problem(x, 409, "stale_version", "项目“x”在您读取（第2版）之后已被修改，现为第3版：请重新读取后再提交修改", null, null);
                } else if (body.path("on").asText("").startsWith("2099")) {
                    problem(x, 400, "date_out_of_range", "on：日期不能晚于今天", "on", "日期不能晚于今天");
                } else {
                    answer(x, 200, project());
                }
            }
            case "POST " + P + "/problems" -> answer(x, 201, "{\"id\":\"" + PROBLEM + "\"}");
            case "POST " + P + "/problems/" + PROBLEM + "/resolve" -> answer(x, 200, "{\"id\":\"" + PROBLEM + "\"}");
            case "GET /api/v1/leads" -> answer(x, 200, "{\"items\":[" + lead() + "],\"total\":1}");
            case "GET /api/v1/leads/stale" ->
                answer(
                        x,
                        200,
                        "[{\"id\":\"" + LEAD + "\",\"projectName\":\"新能源电池项目\",\"stage\":\"NEGOTIATING\","
                                + "\"idleDays\":75,\"allowedDays\":60}]");
            case "GET " + L -> answer(x, 200, lead());
            case "GET " + L + "/transitions" ->
                answer(
                        x,
                        200,
                        "[{\"from\":null,\"to\":\"LEAD\",\"toLabel\":\"线索\",\"on\":\"2025-01-05\",\"by\":\"staff\","
                                + "\"daysInStage\":30},{\"from\":\"LEAD\",\"fromLabel\":\"线索\",\"to\":\"NEGOTIATING\","
                                + "\"toLabel\":\"洽谈\",\"on\":\"2025-02-04\",\"by\":\"staff\",\"daysInStage\":75}]");
            case "GET /api/v1/activities" ->
                answer(
                        x,
                        200,
                        "{\"items\":[{\"heldOn\":\"2025-02-10\",\"kind\":\"INVESTOR_MEETING\",\"kindLabel\":\"对接客商\","
                                + "\"title\":\"赴深圳拜访企业总部\",\"location\":\"深圳\"}],\"total\":1}");
            case "POST /api/v1/leads" -> {
                if (!body.path("intendedInvestment").isNumber()) {
                    problem(
                            x,
                            400,
                            "wrong_type",
                            "intendedInvestment：“"
                                    + body.path("intendedInvestment").asText() + "”不是有效的数字",
                            "intendedInvestment",
                            "“" + body.path("intendedInvestment").asText() + "”不是有效的数字");
                } else {
                    answer(x, 201, lead());
                }
            }
            case "POST " + L + "/transitions" -> {
                if ("SIGNED".equals(body.path("to").asText()) && body.path("on").isNull()) {
                    problem(x, 400, "required", "on：签约须填写签约日期", "on", "签约须填写签约日期");
                } else if (body.path("version").asLong() != 4) {
                    problem(x, 409, "stale_version", "线索已被修改", null, null);
                } else {
                    answer(x, 200, lead());
                }
            }
            case "POST /api/v1/activities" -> answer(x, 201, "{\"id\":\"a\"}");
            default -> problem(x, 404, "not_found", "未找到", null, null);
        }
    }

    /** indicators-service's reads behind the data-quality page, or a dropped connection while it is "down". */
    private void indicators(HttpExchange x, String path) throws IOException {
        if (!INDICATORS) {
            x.close();
            return;
        }
        if (path.equals("/api/v1/parks")) {
            answer(x, 200, "{\"items\":[{\"code\":\"" + PARK + "\",\"name\":\"桩园区\"}],\"total\":1}");
        } else if (path.equals("/api/v1/indicators")) {
            answer(x, 200, "[{\"code\":\"tax_revenue\",\"nameZh\":\"税收\",\"unit\":\"万元\"}]");
        } else if (path.equals("/api/v1/flags")) {
            answer(x, 200, "{\"items\":[" + NARRATIVE_FLAG + "],\"total\":1}");
        } else if (path.endsWith("/values")) {
            answer(x, 200, "{\"items\":[],\"total\":0}");
        } else if (path.endsWith("/corrections") || path.endsWith("/receipts")) {
            answer(x, 200, "[]");
        } else {
            problem(x, 404, "not_found", "未找到", null, null);
        }
    }

    static String project() {
        return "{\"id\":\"" + PROJECT + "\",\"park\":\"" + PARK + "\",\"name\":\"智能装备产业园一期\",\"kind\":\"INDUSTRIAL\","
                + "\"kindLabel\":\"产业项目\",\"keyLevel\":\"PROVINCIAL\",\"keyLevelLabel\":\"省重点\",\"enterprise\":\"江北装备有限公司\","
                + "\"totalInvestment\":50000,\"planYear\":2025,\"yearPlannedInvestment\":12000,"
                + "\"plannedStart\":\"2025-03-01\",\"plannedCompletion\":\"2026-06-30\",\"stage\":\"UNDER_CONSTRUCTION\","
                + "\"stageLabel\":\"在建\",\"stageSince\":\"2025-03-05\",\"investmentCompleted\":3000,"
                + "\"investmentCompletedThisYear\":1200,\"physicalProgress\":35,\"progressPeriod\":\"2025-03\","
                + "\"allowedTransitions\":[\"COMPLETED\",\"SUSPENDED\",\"TERMINATED\"],"
                + "\"status\":{\"colour\":\"RED\",\"colourLabel\":\"红灯\",\"reasons\":[{\"rule\":\"investment\","
                + "\"colour\":\"RED\",\"message\":\"投资完成率10.00%，欠时序进度15.00个百分点\"}],\"overallCompletionRate\":6,"
                + "\"yearCompletionRate\":10,\"investmentGapPoints\":-15,\"stalled\":true,\"monthsWithoutProgress\":4,"
                + "\"overdue\":false},\"unit\":\"万元\",\"version\":3}";
    }

    static String lead() {
        return "{\"id\":\"" + LEAD + "\",\"park\":\"" + PARK
                + "\",\"projectName\":\"新能源电池项目\",\"investor\":\"深圳某新能源公司\","
                + "\"capitalOrigin\":\"OUTSIDE_PROVINCE\",\"capitalOriginLabel\":\"省外\",\"capitalPlace\":\"广东深圳\","
                + "\"industry\":\"新能源\",\"intendedInvestment\":120000,\"major\":true,\"major5\":false,"
                + "\"stage\":\"NEGOTIATING\",\"stageLabel\":\"洽谈\",\"stageSince\":\"2025-02-04\","
                + "\"allowedTransitions\":[\"SIGNED\",\"DROPPED\"],\"landSupplied\":false,\"version\":4}";
    }

    private static void problem(HttpExchange x, int status, String code, String detail, String field, String message)
            throws IOException {
        var p = JSON.createObjectNode().put("status", status).put("code", code).put("detail", detail);
        var errors = p.putArray("errors");
        if (field != null) {
            errors.addObject().put("field", field).put("code", code).put("message", message);
        }
        x.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] out = JSON.writeValueAsBytes(p);
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }
}
