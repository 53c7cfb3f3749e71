package io.parkpulse.reporting.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ECharts options built on the server, so that a page's script only hands them to the library: the
 * figures reach the browser as JSON data, never as code, and every chart has its table beside it.
 */
final class Charts {

    static final String BLUE = "#0b4a8b";
    static final String GREY = "#9aa5b1";

    private Charts() {}

    static Map<String, Object> bar(String title, String unit, List<String> names, List<?> values) {
        return Map.of(
                "title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 70, "right", 20, "bottom", 90),
                "xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("interval", 0, "rotate", 30)),
                "yAxis", Map.of("type", "value", "name", unit),
                "series", List.of(Map.of("type", "bar", "data", values, "itemStyle", Map.of("color", BLUE))),
                "animation", false);
    }

    /** This year against last year, month by month (1月 … 12月), as the reports' trend charts draw it. */
    static Map<String, Object> yearOnYear(String title, String unit, int year, List<?> thisYear, List<?> lastYear) {
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(m + "月");
        }
        return Map.of(
                "title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("bottom", 0),
                "grid", Map.of("left", 80, "right", 20, "bottom", 50),
                "xAxis", Map.of("type", "category", "data", months),
                "yAxis", Map.of("type", "value", "name", unit),
                "series",
                        List.of(
                                Map.of(
                                        "name",
                                        year + "年",
                                        "type",
                                        "line",
                                        "data",
                                        thisYear,
                                        "itemStyle",
                                        Map.of("color", BLUE)),
                                Map.of(
                                        "name",
                                        (year - 1) + "年",
                                        "type",
                                        "line",
                                        "data",
                                        lastYear,
                                        "lineStyle",
                                        Map.of("type", "dashed"),
                                        "itemStyle",
                                        Map.of("color", GREY))),
                "animation", false);
    }

    /** One line per series over the same months: parks side by side over the year, as 走势图 draw them. */
    static Map<String, Object> lines(String title, String unit, List<String> months, List<Map<String, Object>> series) {
        return Map.of(
                "title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("bottom", 0, "type", "scroll"),
                "grid", Map.of("left", 80, "right", 20, "bottom", 60),
                "xAxis", Map.of("type", "category", "data", months),
                "yAxis", Map.of("type", "value", "name", unit),
                "series", series,
                "animation", false);
    }

    /** The investment pipeline, widest stage first. */
    static Map<String, Object> funnel(String title, List<Map<String, Object>> stages) {
        return Map.of(
                "title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)),
                "tooltip", Map.of("trigger", "item"),
                "series",
                        List.of(Map.of(
                                "type",
                                "funnel",
                                "sort",
                                "none",
                                "top",
                                40,
                                "bottom",
                                10,
                                "label",
                                Map.of("position", "inside"),
                                "data",
                                stages)),
                "animation", false);
    }
}
