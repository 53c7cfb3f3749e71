package io.parkpulse.reporting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A written report in the shape bureaus write them: a title, a line saying what it rests on, and
 * numbered sections of paragraphs, listed points and at most one table each. The text is built
 * elsewhere from data; this only lays it out as Markdown or as a printable HTML page, escaping
 * whatever the data holds (a park or project name is user input).
 */
public record Report(String title, String basis, List<Section> sections) {

    public record Section(String heading, List<String> paragraphs, List<String> points, Table table) {

        /** This section, or the same with {@code text} as its paragraph when it would otherwise be empty. */
        public Section paragraphsIfEmpty(String text) {
            return paragraphs.isEmpty() && points.isEmpty() && table == null
                    ? new Section(heading, List.of(text), points, table)
                    : this;
        }
    }

    public record Table(List<String> headers, List<List<String>> rows) {}

    private static final String NUMERALS = "一二三四五六七八九十";

    /**
     * This report with more sections after its own, numbered on from them (一、二、… as the generated
     * sections are): {@code titled} holds each new section's heading without its number.
     */
    public Report followedBy(List<Section> titled) {
        List<Section> all = new ArrayList<>(sections);
        for (Section s : titled) {
            int n = all.size() + 1;
            String number = n <= 10 ? String.valueOf(NUMERALS.charAt(n - 1)) : Integer.toString(n);
            all.add(new Section(number + "、" + s.heading(), s.paragraphs(), s.points(), s.table()));
        }
        return new Report(title, basis, List.copyOf(all));
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# ")
                .append(md(title))
                .append("\n\n> ")
                .append(md(basis))
                .append("\n");
        for (Section s : sections) {
            md.append("\n## ").append(md(s.heading())).append("\n");
            for (String p : s.paragraphs()) {
                md.append('\n').append(md(p)).append('\n');
            }
            if (!s.points().isEmpty()) {
                md.append('\n');
                for (int i = 0; i < s.points().size(); i++) {
                    md.append(i + 1).append(". ").append(md(s.points().get(i))).append('\n');
                }
            }
            if (s.table() != null) {
                md.append("\n| ")
                        .append(String.join(
                                " | ",
                                s.table().headers().stream().map(Report::md).toList()))
                        .append(" |\n|");
                md.append(" --- |".repeat(s.table().headers().size())).append('\n');
                for (List<String> row : s.table().rows()) {
                    md.append("| ")
                            .append(String.join(
                                    " | ", row.stream().map(Report::md).toList()))
                            .append(" |\n");
                }
            }
        }
        return md.toString();
    }

    public String html() {
        StringBuilder h = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>""")
                .append(html(title))
                .append("""
                </title>
                <style>
                body{font-family:"SimSun","Songti SC",serif;max-width:48em;margin:2em auto;line-height:1.8;color:#111}
                h1{text-align:center;font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em}
                p{text-indent:2em;margin:.4em 0}.basis{text-indent:0;color:#555;font-size:.9em;text-align:center}
                table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #333;padding:.2em .6em}
                @media print{body{margin:0}}
                </style></head><body>
                """)
                .append("<h1>")
                .append(html(title))
                .append("</h1>\n<p class=\"basis\">")
                .append(html(basis))
                .append("</p>\n");
        for (Section s : sections) {
            h.append("<h2>").append(html(s.heading())).append("</h2>\n");
            for (String p : s.paragraphs()) {
                h.append("<p>").append(html(p)).append("</p>\n");
            }
            if (!s.points().isEmpty()) {
                h.append("<ol>\n");
                s.points().forEach(p -> h.append("<li>").append(html(p)).append("</li>\n"));
                h.append("</ol>\n");
            }
            if (s.table() != null) {
                h.append("<table>\n<tr>");
                s.table()
                        .headers()
                        .forEach(c -> h.append("<th>").append(html(c)).append("</th>"));
                h.append("</tr>\n");
                for (List<String> row : s.table().rows()) {
                    h.append("<tr>");
                    row.forEach(c -> h.append("<td>").append(html(c)).append("</td>"));
                    h.append("</tr>\n");
                }
                h.append("</table>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    /** Backslash-escapes what Markdown would read as markup, and keeps every text on its own line. */
    static String md(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|#!".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
