package io.parkpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names deploy/monitoring's Grafana dashboard and Prometheus alert rules query, read from their PromQL.
 * A name there that no service exports draws an empty panel or an alert that can never fire, and nothing else
 * would notice: BrokerOutageCheck compares these names with real scrapes of the four services.
 */
final class MonitoringFiles {

    /** Series Prometheus makes itself for every target; no service exports them. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "inf",
            "nan");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?[smhdwy]?\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MonitoringFiles() {}

    static Path dashboard(Path root) {
        return root.resolve("deploy/monitoring/grafana-dashboard.json");
    }

    static Path alerts(Path root) {
        return root.resolve("deploy/monitoring/alerts.yaml");
    }

    /** Every PromQL expression of the dashboard (panel targets and template variable queries). */
    static List<String> dashboardExpressions(Path root) {
        JsonNode d = read(new ObjectMapper(), dashboard(root));
        List<String> out = new ArrayList<>();
        d.findValues("expr").forEach(e -> out.add(e.asText()));
        for (JsonNode v : d.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                out.add(v.path("query").path("query").asText());
            }
        }
        return out;
    }

    /** Every alert rule, as read from the rule file. */
    static List<JsonNode> alertRules(Path root) {
        JsonNode d = read(new ObjectMapper(new YAMLFactory()), alerts(root));
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode g : d.path("groups")) {
            g.path("rules").forEach(out::add);
        }
        return out;
    }

    /** The metric names both files query. */
    static Set<String> metricNames(Path root) {
        Set<String> out = new TreeSet<>();
        dashboardExpressions(root).forEach(e -> out.addAll(namesIn(e)));
        alertRules(root).forEach(r -> out.addAll(namesIn(r.path("expr").asText())));
        return out;
    }

    /**
     * The metric names in one expression: what is left once strings, label matchers, ranges, grouping label lists,
     * dashboard variables and numbers are gone, minus functions (a name before a parenthesis) and keywords.
     * label_values(metric, label) names a metric and then a label.
     */
    static Set<String> namesIn(String promql) {
        String e = STRING.matcher(promql).replaceAll("\"\"");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = RANGE.matcher(e).replaceAll(" ");
        e = LABEL_LIST.matcher(e).replaceAll(" ");
        e = e.replaceAll("label_values\\s*\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
        e = VARIABLE.matcher(e).replaceAll(" ");
        e = NUMBER.matcher(e).replaceAll(" ");
        Set<String> out = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String id = m.group();
            boolean function = e.substring(m.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(id.toLowerCase())) {
                out.add(id);
            }
        }
        return out;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
