package io.parkpulse.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for indicators-service's narrative-report API (docs/narrative-import.md) behind the console's 工作报告导入
 * pages: it keeps what was uploaded, answers a draft shaped like the real one (rows with their sentence, span and
 * cross-check; a pipeline figure another service owns, without a check: indicators-service has no copy of the
 * ledgers and leaves that check to reporting-service; figures kept apart; flags), and refuses the way the service
 * does (415 for another type, 422 unreadable_document, 400 invalid_period, 422 batch_rejected with the batch's answer
 * in its context). The real service behind the same pages: parkpulse-cli ConsoleIT.
 */
public class NarrativeStubService implements QuarkusTestResourceLifecycleManager {

    static final String PARK = "NR-PARK";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A request the stub received: method, path with query, content type and body. */
    record Call(String method, String path, String type, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Long, ObjectNode> DRAFTS = new ConcurrentHashMap<>();
    // Ids from a random base, so that a read model kept from an earlier run holds none of this run's reports.
    private static final AtomicLong IDS =
            new AtomicLong(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000));
    private static final String BASE = "/api/v1/parks/" + PARK + "/narrative-reports";

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
        return Map.of(
                "parkpulse.console.indicators-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static List<Call> confirmations() {
        return CALLS.stream()
                .filter(c -> "POST".equals(c.method()) && c.path().endsWith("/confirm"))
                .toList();
    }

    static List<Call> touching(String text) {
        return CALLS.stream().filter(c -> c.path().contains(text)).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] in = x.getRequestBody().readAllBytes();
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        CALLS.add(new Call(
                method, x.getRequestURI().toString(), x.getRequestHeaders().getFirst("Content-Type"), in));
        Map<String, String> query = query(x.getRequestURI().getRawQuery());
        if (!path.startsWith(BASE)) {
            problem(x, 404, "not_found", "未找到", null, null, null);
            return;
        }
        String rest = path.substring(BASE.length());
        if (rest.isEmpty() && "POST".equals(method)) {
            upload(x, in, query);
        } else if (rest.isEmpty() && "GET".equals(method)) {
            ArrayNode items = JSON.createArrayNode();
            DRAFTS.keySet().stream()
                    .sorted((a, b) -> Long.compare(b, a))
                    .forEach(id -> items.add(listed(DRAFTS.get(id))));
            answer(
                    x,
                    200,
                    JSON.createObjectNode()
                            .put("page", 0)
                            .put("size", 10)
                            .put("total", items.size())
                            .set("items", items));
        } else if (rest.matches("/\\d+") && "GET".equals(method)) {
            ObjectNode d = DRAFTS.get(Long.parseLong(rest.substring(1)));
            if (d == null) {
                problem(x, 404, "not_found", "报告“" + rest.substring(1) + "”不存在", null, null, null);
            } else {
                answer(x, 200, d);
            }
        } else if (rest.matches("/\\d+/confirm") && "POST".equals(method)) {
            ObjectNode d = DRAFTS.get(Long.parseLong(rest.substring(1, rest.length() - "/confirm".length())));
            confirm(x, d, JSON.readTree(in));
        } else {
            problem(x, 404, "not_found", "未找到", null, null, null);
        }
    }

    private void upload(HttpExchange x, byte[] in, Map<String, String> query) throws IOException {
        String type = x.getRequestHeaders().getFirst("Content-Type");
        String period = query.get("period");
        if (period != null && !period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            problem(
                    x,
                    400,
                    "invalid_period",
                    "period：“" + period + "”不是有效的期间",
                    "period",
                    "“" + period + "”不是有效的期间",
                    null);
            return;
        }
        if ("too-large.txt".equals(query.get("fileName"))) {
            // As a service with a lower body limit than the console's answers.
            problem(x, 413, "too_large", "请求体有 " + in.length + " 字节，最多接受 4 字节", "body", "请求体过大", null);
            return;
        }
        if (type == null || !(type.startsWith("text/plain") || type.startsWith(DOCX))) {
            problem(x, 415, "unsupported_media_type", "该地址不接受此内容类型（Content-Type）", null, null, null);
            return;
        }
        String text = new String(in, StandardCharsets.UTF_8);
        if (text.chars().anyMatch(c -> c < 0x09)) {
            problem(x, 422, "unreadable_document", "file：文件中含有控制字符，不是纯文本", "file", "文件中含有控制字符，不是纯文本", null);
            return;
        }
        long id = IDS.incrementAndGet();
        ObjectNode report = JSON.createObjectNode()
                .put("id", id)
                .put("park", PARK)
                .put("fileName", query.get("fileName"))
                .put("contentType", type)
                .put("sizeBytes", in.length)
                .put("sha256", sha256(in))
                .put("detectedPeriod", (String) null)
                .put("detectedEvidence", "截止**年二季度")
                .put("period", period)
                .put("periodOverridden", period != null)
                .put("status", "DRAFT")
                .put("uploadedBy", "staff")
                .put("uploadedAt", "2025-04-02T02:31:00Z");
        ObjectNode draft = JSON.createObjectNode();
        draft.set("report", report);
        ArrayNode rows = draft.putArray("rows");
        ArrayNode apart = draft.putArray("apart");
        ArrayNode flags = draft.putArray("flags");
        draft.putNull("outcome");
        draft.putArray("written");
        if (text.contains("390.7亿元")) {
            rows.add(row(
                            text,
                            0,
                            "PARK",
                            "above_scale_industrial_output",
                            "规上工业总产值",
                            "规模以上工业企业完成产值",
                            "390.7亿元",
                            period,
                            "3907000",
                            "万元")
                    .put("growthPct", new BigDecimal("4.2"))
                    .put("completionPct", new BigDecimal("45.67")));
            ArrayNode checks = (ArrayNode) rows.get(0).get("checks");
            checks.add(check("value", "3907000", "3850000", "57000", true));
            checks.add(check("growth", "4.2", "4.6", "-0.4", true));
            rows.add(row(text, 1, "PARK", "fixed_asset_investment", "固定资产投资", "固定资产投资", "7.49亿元", period, "74900", "万元")
                    .put("completionPct", new BigDecimal("65")));
            ((ArrayNode) rows.get(1).get("checks")).add(check("value", "74900", null, null, false));
            // As indicators-service gives it: owned by investment-service, checked by reporting-service, no checks.
            rows.add(row(text, 2, "PIPELINE", "funds_in_place", "到位资金", "招商引资专项资金", "30万元", period, "30", "万元")
                    .put("owner", "investment")
                    .put("rounding", new BigDecimal("0.5")));
            apart.add(row(
                            text,
                            3,
                            "SUBGROUP",
                            "above_scale_industrial_output",
                            "规上工业总产值",
                            "累计完成产值",
                            "73.22亿元",
                            period,
                            "732200",
                            "万元")
                    .put("proposed", false));
            flags.addObject()
                    .put("id", 7)
                    .put("indicator", "above_scale_industrial_output")
                    .put("period", period)
                    .put("reason", "narrative_growth_differs")
                    .put("message", "报告#" + id + "称规上工业总产值增长4.2%，按已报数值计算为4.6%")
                    .put("status", "OPEN");
        } else {
            // Any other text: its first figure "…万元" as tax revenue, in a sentence that is the whole text.
            rows.add(row(
                    text,
                    0,
                    "PARK",
                    "tax_revenue",
                    "税收",
                    "税收",
                    text.replaceAll("(?s).*?(\\d+万元).*", "$1"),
                    period,
                    "3200",
                    "万元"));
        }
        DRAFTS.put(id, draft);
        answer(x, 201, draft);
    }

    /**
     * A report as the list gives it: with the rows proposed as the park's values and, once confirmed, those stored
     * or found unchanged. A report whose file name starts with 旧 is one kept before the list carried the counts.
     */
    private static JsonNode listed(ObjectNode draft) {
        ObjectNode item = draft.get("report").deepCopy();
        if (item.path("fileName").asText("").startsWith("旧")) {
            return item;
        }
        int proposed = 0;
        for (JsonNode r : draft.path("rows")) {
            proposed += "PARK".equals(r.path("scope").asText()) ? 1 : 0;
        }
        item.put("proposedRows", proposed);
        JsonNode sum = draft.path("outcome").path("summary");
        if ("CONFIRMED".equals(item.path("status").asText()) && sum.isObject()) {
            item.put(
                    "confirmedRows",
                    sum.path("imported").asInt()
                            + sum.path("updated").asInt()
                            + sum.path("unchanged").asInt());
        } else {
            item.putNull("confirmedRows");
        }
        return item;
    }

    /** The draft the stub answers for a report, as it stands. */
    static JsonNode draft(long id) {
        return DRAFTS.get(id);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode row(
            String text,
            int index,
            String scope,
            String indicator,
            String name,
            String phrase,
            String stated,
            String period,
            String value,
            String unit) {
        int start = Math.max(0, text.indexOf(phrase.isEmpty() ? stated : phrase));
        int end = text.indexOf(stated, start) + stated.length();
        int sentenceStart = Math.max(text.lastIndexOf('\n', start) + 1, Math.max(text.lastIndexOf('。', start) + 1, 0));
        int sentenceEnd = text.indexOf('。', end);
        sentenceEnd = sentenceEnd < 0 ? text.length() : sentenceEnd + 1;
        ObjectNode r = JSON.createObjectNode()
                .put("index", index)
                .put("scope", scope)
                .put("proposed", !"SUBGROUP".equals(scope))
                .put("indicator", indicator)
                .put("indicatorName", name)
                .put("phrase", phrase)
                .put("period", period)
                .put("value", new BigDecimal(value))
                .put("unit", unit)
                .put("stated", stated)
                .put("sentence", text.substring(sentenceStart, sentenceEnd))
                .put("sentenceStart", sentenceStart)
                .put("sentenceEnd", sentenceEnd)
                .put("start", start)
                .put("end", end)
                .put(
                        "why",
                        "synonym “" + phrase + "” → " + indicator
                                + " (value after the name); the park's achieved figure")
                .put("confidence", new BigDecimal("0.9"))
                .put("rounding", new BigDecimal("500"));
        r.putArray("checks");
        return r;
    }

    private static ObjectNode check(String kind, String stated, String platform, String difference, boolean disagrees) {
        ObjectNode c = JSON.createObjectNode().put("kind", kind).put("stated", new BigDecimal(stated));
        c.put("platform", platform == null ? null : new BigDecimal(platform));
        c.put("difference", difference == null ? null : new BigDecimal(difference));
        return c.put("disagrees", disagrees);
    }

    /** A value above a billion 万元 is refused, row by row; a batch with every row refused is refused whole. */
    private void confirm(HttpExchange x, ObjectNode draft, JsonNode body) throws IOException {
        if (draft == null) {
            problem(x, 404, "not_found", "报告不存在", null, null, null);
            return;
        }
        if ("CONFIRMED".equals(draft.get("report").get("status").asText())) {
            answer(x, 200, JSON.createObjectNode().put("repeated", true).set("draft", draft));
            return;
        }
        ObjectNode result =
                JSON.createObjectNode().put("status", "ok").put("atomic", false).put("park", PARK);
        ArrayNode rows = result.putArray("rows");
        int imported = 0;
        int updated = 0;
        int rejected = 0;
        int i = 0;
        for (JsonNode r : body.path("rows")) {
            ObjectNode o = rows.addObject()
                    .put("index", i)
                    .put("indicator", r.path("indicator").asText())
                    .put("period", r.path("period").asText())
                    .put("value", r.path("value").decimalValue())
                    .put("unit", r.path("unit").asText("万元"));
            if (r.path("value").decimalValue().compareTo(new BigDecimal("1000000000")) > 0) {
                o.put("outcome", "rejected").put("code", "out_of_range").put("message", "数值超出合理范围");
                rejected++;
            } else if (i == 0) {
                o.put("outcome", "imported");
                imported++;
            } else {
                o.put("outcome", "updated");
                updated++;
            }
            o.putArray("flags");
            i++;
        }
        result.putObject("summary")
                .put("imported", imported)
                .put("updated", updated)
                .put("unchanged", 0)
                .put("rejected", rejected);
        if (rejected == i) {
            result.put("applied", false);
            problem(x, 422, "batch_rejected", "共" + i + "行，其中" + rejected + "行未通过校验，本批数据均未保存", null, null, result);
            return;
        }
        result.put("applied", true);
        ((ObjectNode) draft.get("report"))
                .put("status", "CONFIRMED")
                .put("confirmedBy", "staff")
                .put("confirmedAt", "2025-04-02T03:00:00Z");
        draft.set("outcome", result);
        ObjectNode answer = JSON.createObjectNode();
        answer.set("draft", draft);
        answer.set("outcome", result);
        answer.put("repeated", false);
        answer(x, 200, answer);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void problem(
            HttpExchange x, int status, String code, String detail, String field, String message, JsonNode context)
            throws IOException {
        ObjectNode p =
                JSON.createObjectNode().put("status", status).put("code", code).put("detail", detail);
        ArrayNode errors = p.putArray("errors");
        if (field != null) {
            errors.addObject().put("field", field).put("code", code).put("message", message);
        }
        if (context != null) {
            p.set("context", context);
        }
        x.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] out = JSON.writeValueAsBytes(p);
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private static void answer(HttpExchange x, int status, JsonNode json) throws IOException {
        byte[] out = JSON.writeValueAsBytes(json);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }
}
