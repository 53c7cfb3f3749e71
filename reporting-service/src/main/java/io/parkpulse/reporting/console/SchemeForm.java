package io.parkpulse.reporting.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of a new scheme version. Its inputs are named by the JSON path reporting-service uses in a refusal
 * ({@code dimensions[0].items[2].weight}), so each message of a 422 lands beside the input it names. Rows left
 * blank (the spare row of each list) are not sent; the paths of the rows after them are mapped back.
 */
final class SchemeForm {

    static final List<String> ITEM_FIELDS =
            List.of("code", "name", "figure", "weight", "rule", "benchmark", "floor", "cap");
    static final List<String> ADJUSTMENT_FIELDS = List.of("code", "name", "pointsEach");
    static final List<String> BAND_FIELDS = List.of("tier", "bound");
    private static final List<String> NUMBERS = List.of("weight", "benchmark", "floor", "cap", "pointsEach", "bound");

    static final List<Map<String, String>> RULE_CHOICES = List.of(
            Map.of("code", "TARGET_COMPLETION", "name", "目标完成率计分"),
            Map.of("code", "EFFICACY", "name", "功效系数法"),
            Map.of("code", "LOWER_BETTER", "name", "功效系数法（逆向指标）"),
            Map.of("code", "BENCHMARK_RATIO", "name", "对标计分"),
            Map.of("code", "RANK", "name", "排名计分"));

    static final List<Map<String, String>> MODE_CHOICES = List.of(
            Map.of("code", "PERCENTILE", "name", "按排名百分位划分（分界值逐档递增至100）"),
            Map.of("code", "SCORE", "name", "按综合得分划分（分界值逐档递减至0）"));

    private static final Pattern DIMENSION = Pattern.compile("^dimensions\\[(\\d+)]\\.");
    private static final Pattern ITEM = Pattern.compile("^dimensions\\[(\\d+)]\\.items\\[(\\d+)]\\.");
    private static final Pattern ADJUSTMENT = Pattern.compile("^adjustments\\[(\\d+)]\\.");
    private static final Pattern BAND = Pattern.compile("^tiers\\.bands\\[(\\d+)]\\.");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private String problem;
    private int dimensions;
    private final List<Integer> items = new ArrayList<>();
    private int adjustments;
    private int bands;

    /** The JSON to send and, for each row sent, the path it has in the form. */
    record Built(Map<String, Object> scheme, Map<String, String> paths) {}

    /** A scheme as the API gave it, with a spare blank row in each list to add one. */
    static SchemeForm fromScheme(JsonNode s) {
        SchemeForm f = new SchemeForm();
        f.values.put("name", s.path("name").asText(""));
        f.values.put("byPeerGroup", Boolean.toString(s.path("byPeerGroup").asBoolean()));
        f.values.put("tiers.mode", s.path("tiers").path("mode").asText(""));
        for (JsonNode d : s.path("dimensions")) {
            String dp = "dimensions[" + f.dimensions + "].";
            f.values.put(dp + "code", d.path("code").asText(""));
            f.values.put(dp + "name", d.path("name").asText(""));
            int n = 0;
            for (JsonNode i : d.path("items")) {
                for (String field : ITEM_FIELDS) {
                    f.values.put(dp + "items[" + n + "]." + field, text(i.path(field)));
                }
                n++;
            }
            f.items.add(n + 1);
            f.dimensions++;
        }
        for (JsonNode a : s.path("adjustments")) {
            String ap = "adjustments[" + f.adjustments++ + "].";
            for (String field : ADJUSTMENT_FIELDS) {
                f.values.put(ap + field, text(a.path(field)));
            }
            f.values.put(
                    ap + "disqualifies", Boolean.toString(a.path("disqualifies").asBoolean()));
        }
        f.adjustments++;
        for (JsonNode b : s.path("tiers").path("bands")) {
            String bp = "tiers.bands[" + f.bands++ + "].";
            for (String field : BAND_FIELDS) {
                f.values.put(bp + field, text(b.path(field)));
            }
        }
        f.bands++;
        return f;
    }

    /** What the user typed, rows and all, so that a refused form comes back exactly as it was sent. */
    static SchemeForm fromForm(MultivaluedMap<String, String> form) {
        SchemeForm f = new SchemeForm();
        TreeSet<Integer> dims = new TreeSet<>();
        Map<Integer, Integer> itemCounts = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            String key = e.getKey();
            String value =
                    e.getValue().isEmpty() ? "" : e.getValue().get(e.getValue().size() - 1);
            if (key.length() > 200 || value.length() > 2000) {
                continue;
            }
            Matcher item = ITEM.matcher(key);
            Matcher dim = DIMENSION.matcher(key);
            Matcher adj = ADJUSTMENT.matcher(key);
            Matcher band = BAND.matcher(key);
            if (item.find()) {
                int d = small(item.group(1));
                int i = small(item.group(2));
                if (d < 0 || i < 0) {
                    continue;
                }
                dims.add(d);
                itemCounts.merge(d, i + 1, Math::max);
            } else if (dim.find()) {
                int d = small(dim.group(1));
                if (d < 0) {
                    continue;
                }
                dims.add(d);
            } else if (adj.find()) {
                int a = small(adj.group(1));
                if (a < 0) {
                    continue;
                }
                f.adjustments = Math.max(f.adjustments, a + 1);
            } else if (band.find()) {
                int b = small(band.group(1));
                if (b < 0) {
                    continue;
                }
                f.bands = Math.max(f.bands, b + 1);
            } else if (!List.of("name", "byPeerGroup", "tiers.mode").contains(key)) {
                continue;
            }
            f.values.put(key, value);
        }
        f.dimensions = dims.isEmpty() ? 0 : dims.last() + 1;
        for (int d = 0; d < f.dimensions; d++) {
            f.items.add(itemCounts.getOrDefault(d, 0));
        }
        return f;
    }

    /** The scheme to send: blank rows left out, numbers as numbers (what is not a number goes as typed, for the API to name). */
    Built build() {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        s.put("name", get("name"));
        s.put("byPeerGroup", "true".equals(get("byPeerGroup")));
        List<Object> dims = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            String dp = "dimensions[" + d + "]";
            List<Object> list = new ArrayList<>();
            Map<String, String> itemPaths = new LinkedHashMap<>();
            for (int i = 0; i < items.get(d); i++) {
                String ip = dp + ".items[" + i + "]";
                if (blank(ip + ".", ITEM_FIELDS)) {
                    continue;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                for (String field : ITEM_FIELDS) {
                    put(item, field, get(ip + "." + field));
                }
                itemPaths.put(".items[" + list.size() + "]", ".items[" + i + "]");
                list.add(item);
            }
            if (list.isEmpty() && blank(dp + ".", List.of("code", "name"))) {
                continue;
            }
            String apiDim = "dimensions[" + dims.size() + "]";
            paths.put(apiDim, dp);
            itemPaths.forEach((api, formPath) -> paths.put(apiDim + api, dp + formPath));
            Map<String, Object> dim = new LinkedHashMap<>();
            put(dim, "code", get(dp + ".code"));
            put(dim, "name", get(dp + ".name"));
            dim.put("items", list);
            dims.add(dim);
        }
        s.put("dimensions", dims);
        List<Object> adj = new ArrayList<>();
        for (int a = 0; a < adjustments; a++) {
            String ap = "adjustments[" + a + "]";
            if (blank(ap + ".", ADJUSTMENT_FIELDS) && !"true".equals(get(ap + ".disqualifies"))) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (String field : ADJUSTMENT_FIELDS) {
                put(m, field, get(ap + "." + field));
            }
            m.put("disqualifies", "true".equals(get(ap + ".disqualifies")));
            paths.put("adjustments[" + adj.size() + "]", ap);
            adj.add(m);
        }
        s.put("adjustments", adj);
        List<Object> bandList = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            String bp = "tiers.bands[" + b + "]";
            if (blank(bp + ".", BAND_FIELDS)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (String field : BAND_FIELDS) {
                put(m, field, get(bp + "." + field));
            }
            paths.put("tiers.bands[" + bandList.size() + "]", bp);
            bandList.add(m);
        }
        Map<String, Object> tiers = new LinkedHashMap<>();
        put(tiers, "mode", get("tiers.mode"));
        tiers.put("bands", bandList);
        s.put("tiers", tiers);
        return new Built(s, paths);
    }

    /** The API's refusal laid on the form: each message beside its input, the rest above the form. */
    void refused(String detail, JsonNode apiErrors, Built built) {
        problem = detail;
        if (apiErrors == null) {
            return;
        }
        for (JsonNode e : apiErrors) {
            String field = formPath(e.path("field").asText(""), built.paths());
            String message = e.path("message").asText("");
            if (isInput(field)) {
                errors.merge(field, message, (a, b) -> a + "；" + b);
            } else {
                general.add((field.isEmpty() ? "" : place(field) + "：") + message);
            }
        }
    }

    /** The API's path of a field as the form names it: rows after a blank one sit one index further. */
    static String formPath(String apiPath, Map<String, String> paths) {
        String best = null;
        for (String api : paths.keySet()) {
            if ((apiPath.equals(api) || apiPath.startsWith(api + "."))
                    && (best == null || api.length() > best.length())) {
                best = api;
            }
        }
        return best == null ? apiPath : paths.get(best) + apiPath.substring(best.length());
    }

    private boolean isInput(String field) {
        if (List.of("name", "tiers.mode").contains(field)) {
            return true;
        }
        Matcher item = ITEM.matcher(field);
        if (item.find()) {
            return ITEM_FIELDS.contains(field.substring(item.end()));
        }
        Matcher dim = DIMENSION.matcher(field);
        if (dim.find()) {
            return List.of("code", "name").contains(field.substring(dim.end()));
        }
        Matcher adj = ADJUSTMENT.matcher(field);
        if (adj.find()) {
            return ADJUSTMENT_FIELDS.contains(field.substring(adj.end()));
        }
        Matcher band = BAND.matcher(field);
        return band.find() && BAND_FIELDS.contains(field.substring(band.end()));
    }

    /** Where a message that names no single input belongs, in words: "第1个考核维度", "等次设置". */
    static String place(String field) {
        Matcher dim = Pattern.compile("^dimensions\\[(\\d+)]").matcher(field);
        if (dim.find()) {
            Matcher item =
                    Pattern.compile("^dimensions\\[(\\d+)]\\.items\\[(\\d+)]").matcher(field);
            if (item.find()) {
                return "第" + (small(item.group(1)) + 1) + "个考核维度第" + (small(item.group(2)) + 1) + "项指标";
            }
            return "第" + (small(dim.group(1)) + 1) + "个考核维度";
        }
        if (field.startsWith("dimensions")) {
            return "考核指标";
        }
        if (field.startsWith("tiers")) {
            return "等次设置";
        }
        if (field.startsWith("adjustments")) {
            return "加减分事项";
        }
        return field;
    }

    /** The form as the template lays it out. */
    Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", field("name"));
        v.put("byPeerGroup", "true".equals(get("byPeerGroup")));
        v.put("mode", field("tiers.mode"));
        v.put("problem", problem);
        v.put("general", general);
        List<Map<String, Object>> dims = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            String dp = "dimensions[" + d + "]";
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < items.get(d); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                String ip = dp + ".items[" + i + "].";
                String where = "第" + (d + 1) + "个维度第" + (i + 1) + "项";
                row.put("number", i + 1);
                row.put(
                        "texts",
                        List.of(
                                cell(ip + "code", where, 14),
                                cell(ip + "name", where, 16),
                                cell(ip + "figure", where, 26),
                                cell(ip + "weight", where, 4)));
                row.put("rule", cell(ip + "rule", where, 0));
                row.put(
                        "params",
                        List.of(
                                cell(ip + "benchmark", where, 6),
                                cell(ip + "floor", where, 5),
                                cell(ip + "cap", where, 5)));
                rows.add(row);
            }
            dims.add(Map.of("number", d + 1, "code", field(dp + ".code"), "name", field(dp + ".name"), "items", rows));
        }
        v.put("dimensions", dims);
        List<Map<String, Object>> adj = new ArrayList<>();
        for (int a = 0; a < adjustments; a++) {
            String ap = "adjustments[" + a + "]";
            Map<String, Object> row = new LinkedHashMap<>();
            String where = "加减分事项第" + (a + 1) + "项";
            row.put(
                    "texts",
                    List.of(
                            cell(ap + ".code", where, 14),
                            cell(ap + ".name", where, 24),
                            cell(ap + ".pointsEach", where, 5)));
            row.put("disqualifies", cell(ap + ".disqualifies", where, 0));
            row.put("checked", "true".equals(get(ap + ".disqualifies")));
            adj.add(row);
        }
        v.put("adjustments", adj);
        List<Map<String, Object>> bandRows = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            String bp = "tiers.bands[" + b + "]";
            String where = "第" + (b + 1) + "档";
            bandRows.add(Map.of("texts", List.of(cell(bp + ".tier", where, 8), cell(bp + ".bound", where, 6))));
        }
        v.put("bands", bandRows);
        return v;
    }

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("code", "编码"),
            Map.entry("name", "名称"),
            Map.entry("figure", "口径"),
            Map.entry("weight", "权重"),
            Map.entry("rule", "计分方法"),
            Map.entry("benchmark", "对标值"),
            Map.entry("floor", "保底比例"),
            Map.entry("cap", "得分上限"),
            Map.entry("pointsEach", "每次加减分"),
            Map.entry("disqualifies", "一票否决"),
            Map.entry("tier", "档次名称"),
            Map.entry("bound", "分界值"));

    /** An input of a row, labelled for a screen reader by its place: "第1个维度第3项 权重". */
    private Map<String, Object> cell(String name, String where, int size) {
        Map<String, Object> f = field(name);
        String key = name.substring(name.lastIndexOf('.') + 1);
        f.put("label", where + LABELS.getOrDefault(key, key));
        f.put("width", size);
        return f;
    }

    private Map<String, Object> field(String name) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("id", "f-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
        f.put("value", get(name));
        f.put("error", errors.get(name));
        return f;
    }

    private String get(String name) {
        return values.getOrDefault(name, "");
    }

    private boolean blank(String prefix, List<String> fields) {
        return fields.stream().allMatch(f -> get(prefix + f).isBlank());
    }

    private static void put(Map<String, Object> m, String field, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return;
        }
        if (NUMBERS.contains(field)) {
            try {
                m.put(field, new BigDecimal(v));
                return;
            } catch (NumberFormatException e) {
                // Sent as typed: the API refuses it naming this field, in the same words as any other refusal.
            }
        }
        m.put(field, v);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText();
    }

    /** An index typed into a field name; a huge one is not a row anyone made, and is dropped. */
    private static int small(String digits) {
        if (digits.length() > 3) {
            return -1;
        }
        int n = Integer.parseInt(digits);
        return n < 200 ? n : -1;
    }
}
