package io.parkpulse.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.FuzzMutations.Mutation;
import io.parkpulse.infra.FuzzMutations.Where;
import io.parkpulse.infra.FuzzRequest.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ApiFuzzer} demands of every answer, and the findings grouped so that one bug met by
 * forty requests reads as one line with one example.
 */
final class FuzzFindings {

    /** Text that only an exception or a library puts into a message; a client must never see it. */
    private static final List<String> LEAKS = List.of(
            "For input string",
            "Invalid UUID string",
            "com.fasterxml",
            "jackson",
            "java.lang",
            "java.util",
            "java.time",
            "java.math",
            "java.io",
            "jakarta.",
            "javax.",
            "org.hibernate",
            "org.postgresql",
            "io.quarkus",
            "io.vertx",
            "io.smallrye",
            "org.jboss",
            "Exception",
            "at [Source",
            "reference chain",
            "SQLState",
            "ERROR:",
            "Caused by");

    /** How the caller fared with the valid request: the checks differ for an admitted and a refused caller. */
    record Standing(boolean admitted, int status) {}

    private static final class Group {
        final String check;
        final String detail;
        final Set<String> operations = new LinkedHashSet<>();
        final Set<String> kinds = new LinkedHashSet<>();
        int requests;
        String example;

        Group(String check, String detail) {
            this.check = check;
            this.detail = detail;
        }
    }

    private final String service;
    private final long slowMillis;
    private final boolean checkLanguage;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Integer> byClass = new LinkedHashMap<>();
    private final Map<String, Long> millisByOperation = new LinkedHashMap<>();
    /** One line per request, for reading what was sent when a finding needs explaining. */
    private final StringBuilder log = new StringBuilder();

    private int requests;
    private int resent;
    private int inEnglish;

    FuzzFindings(String service, long slowMillis, boolean checkLanguage) {
        this.service = service;
        this.slowMillis = slowMillis;
        this.checkLanguage = checkLanguage;
        for (String c : List.of("2xx", "3xx", "4xx", "5xx", "no answer")) {
            byClass.put(c, 0);
        }
    }

    void counted(Answer a) {
        requests++;
        String c = a.status() < 0 ? "no answer" : (a.status() / 100) + "xx";
        byClass.merge(c, 1, Integer::sum);
    }

    void resent(int n) {
        resent += n;
    }

    void timed(String operation, long millis) {
        millisByOperation.merge(operation, millis, Long::sum);
    }

    /** Every check an answer must pass; {@code m} is null for the valid request itself. */
    void check(
            String operation, String caller, Standing standing, Mutation m, FuzzRequest req, Answer a, String secret) {
        String where = operation + " as " + caller;
        String kind = m == null ? "valid request" : m.kind();
        log.append(String.format(
                Locale.ROOT,
                "%s\t%s\t%s\t%d\t%d ms\t%s%n",
                operation,
                caller,
                m == null ? "(valid request)" : m.label(),
                a.status(),
                a.millis(),
                a.status() >= 400 ? abbreviate(a.body(), 200) : ""));
        String example =
                where + ": " + req.describe() + (m == null ? " (the fixture's valid request)" : " with " + m.label())
                        + " → " + (a.status() < 0 ? a.error() : a.status() + " " + abbreviate(a.body(), 160));
        if (a.status() < 0) {
            add("no answer", kind, where, kind, example);
            return;
        }
        if (a.status() >= 500) {
            add("5xx", kind, where, kind, example);
        }
        if (a.millis() > slowMillis) {
            add("slower than " + slowMillis + " ms", kind, where, kind, example + " (" + a.millis() + " ms)");
        }
        if (a.status() >= 400) {
            problem(a).ifPresent(p -> add("not a problem document", p, where, kind, example));
            String leak = leak(a.body());
            if (leak != null) {
                add("exception text", "\"" + leak + "\"", where, kind, example);
            }
            if (checkLanguage && a.status() < 500) {
                boolean english = Languages.asksForEnglish(req.headers());
                inEnglish += english ? 1 : 0;
                Languages.wrongLanguage(a.body(), english)
                        .ifPresent(text -> add(
                                english ? "Chinese in an English answer" : "not in Chinese",
                                text + ", problem code " + code(a.body()),
                                where,
                                kind,
                                example + (english ? " (Accept-Language: en)" : "")));
            }
        }
        if (standing.admitted()) {
            admittedChecks(where, kind, m, a, example);
        } else if (a.success() && (!req.method().equals("GET") || standing.status() == 401)) {
            add(
                    "refused caller admitted",
                    kind,
                    where,
                    kind,
                    example + " (the valid request got " + standing.status() + ")");
        }
        if (!standing.admitted()
                && a.body() != null
                && secret != null
                && !secret.isEmpty()
                && a.body().contains(secret)) {
            add("refusal shows the park's data", kind, where, kind, example);
        }
    }

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^rows\\[(\\d+)]\\.");

    /**
     * A batch answers 200 with an outcome per row: a forbidden value in one row is refused by rejecting
     * that row, named in {@code rows[i].field}, while the others may be stored.
     */
    static boolean rowRejected(String target, String body) {
        java.util.regex.Matcher m = target == null ? null : ROW.matcher(target);
        if (m == null || !m.find() || body == null) {
            return false;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode row = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(body)
                    .path("rows")
                    .path(Integer.parseInt(m.group(1)));
            return "rejected".equals(row.path("outcome").asText())
                    && row.path("field").asText().equals(target);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private void admittedChecks(String where, String kind, Mutation m, Answer a, String example) {
        if (m == null) {
            return;
        }
        String place = m.where().name().toLowerCase(Locale.ROOT);
        if (m.forbidden() != null) {
            // Grouped by what is wrong with the input, not by the value: "is not a boolean" is one bug whatever was
            // sent.
            String reason = m.forbidden().replaceAll("\\[.*]", "[…]").replaceAll("-?\\d[\\d.]*", "N");
            if (a.success() && !rowRejected(m.target(), a.body())) {
                add("accepted", place + " that " + reason, where, kind, example + " (it " + m.forbidden() + ")");
            } else if (a.refused() && !refusalFits(m.where(), a.status())) {
                add(
                        "refused with " + a.status() + " instead of 400/422",
                        place,
                        where,
                        kind,
                        example + " (it " + m.forbidden() + ")");
            }
        }
        // Only a value the document forbids is surely the named field's fault; an allowed one may break a rule across
        // fields.
        if (m.forbidden() != null
                && m.target() != null
                && (a.status() == 400 || a.status() == 422)
                && a.body() != null
                && !a.body().contains(leaf(m.target()))) {
            add(
                    "refusal does not name the field",
                    place + ", problem code " + code(a.body()),
                    where,
                    kind,
                    example + " (expected \"" + leaf(m.target()) + "\")");
        }
    }

    /**
     * A wrong path may name no resource (404); a wrong query, header or body is the client's error (400,
     * 422), or too large (413, 414, 431), or of the wrong type (415).
     */
    private static boolean refusalFits(Where where, int status) {
        if (where == Where.PATH) {
            return status >= 400 && status < 500;
        }
        return status == 400 || status == 422 || status == 413 || status == 414 || status == 415 || status == 431;
    }

    private static String code(String body) {
        try {
            return FuzzOpenApi.JSON.readTree(body).path("code").asText("(none)");
        } catch (Exception e) {
            return "(no JSON)";
        }
    }

    void stateChanged(String operation, String caller, Mutation m, FuzzRequest req, String note) {
        String where = operation + " as " + caller;
        String kind = m == null ? "valid request" : m.kind();
        String example = where + ": "
                + (req == null
                        ? note
                        : req.describe() + (m == null ? " (the fixture's valid request)" : " with " + m.label()) + " "
                                + note);
        add("refused write changed the state", kind, where, kind, example);
    }

    private void add(String check, String detail, String where, String kind, String example) {
        Group g = groups.computeIfAbsent(check + "|" + detail, k -> new Group(check, detail));
        g.requests++;
        g.operations.add(where.replaceFirst(" as .*$", ""));
        g.kinds.add(kind);
        if (g.example == null) {
            g.example = example;
        }
    }

    /** Empty if the answer is a problem document with a code; else what is wrong with it. */
    private static java.util.Optional<String> problem(Answer a) {
        if (a.status() >= 500) {
            return java.util.Optional.empty(); // reported as a 5xx already
        }
        if (a.contentType() == null || !a.contentType().startsWith("application/problem+json")) {
            return java.util.Optional.of("Content-Type "
                    + (a.contentType() == null || a.contentType().isEmpty() ? "(none)" : a.contentType()));
        }
        try {
            JsonNode body = FuzzOpenApi.JSON.readTree(a.body());
            if (!body.path("code").isTextual() || body.path("code").asText().isEmpty()) {
                return java.util.Optional.of("no code");
            }
        } catch (Exception e) {
            return java.util.Optional.of("body is not JSON");
        }
        return java.util.Optional.empty();
    }

    private static String leak(String body) {
        if (body == null) {
            return null;
        }
        for (String marker : LEAKS) {
            boolean found =
                    marker.equals("jackson") ? body.toLowerCase(Locale.ROOT).contains(marker) : body.contains(marker);
            if (found) {
                return marker;
            }
        }
        return null;
    }

    private static String leaf(String target) {
        String t = target.replaceAll("\\[\\d+]", "");
        return t.substring(t.lastIndexOf('.') + 1);
    }

    static String abbreviate(String s, int max) {
        return s == null ? "" : FuzzRequest.Shown.value(s, max);
    }

    int failures() {
        return groups.size();
    }

    /** The per-service line and the grouped findings, printed, appended to target/fuzz-report.txt, and returned. */
    String report(int operations, long millis, long seed) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "fuzz %s: %,d requests, %,d × 5xx, %,d × 4xx, %,d × 2xx, %,d × 3xx, %,d without answer; "
                        + "%,d refused requests sent again for state checks; %s; %d operations × %d callers, seed %d, %.1f s",
                service,
                requests,
                byClass.get("5xx"),
                byClass.get("4xx"),
                byClass.get("2xx"),
                byClass.get("3xx"),
                byClass.get("no answer"),
                resent,
                checkLanguage
                        ? String.format(Locale.ROOT, "languages checked (%,d refusals asked in English)", inEnglish)
                        : "languages not checked",
                operations,
                AuthorizationMatrix.CALLERS.size(),
                seed,
                millis / 1000.0));
        sb.append(String.format(
                Locale.ROOT,
                "%n  slowest operations: %s",
                String.join(
                        ", ",
                        millisByOperation.entrySet().stream()
                                .sorted(Map.Entry.<String, Long>comparingByValue()
                                        .reversed())
                                .limit(3)
                                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1000.0))
                                .toList())));
        if (!groups.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%d distinct findings:", groups.size()));
            for (Group g : groups.values()) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%n- [%s] %s: %,d request(s), %d operation(s): %s",
                        g.check,
                        g.detail,
                        g.requests,
                        g.operations.size(),
                        abbreviate(String.join(", ", g.operations), 300)));
                if (g.kinds.size() > 1 || !g.kinds.contains(g.detail)) {
                    sb.append(String.format(
                            Locale.ROOT, "%n    mutations: %s", abbreviate(String.join(", ", g.kinds), 300)));
                }
                sb.append(String.format(Locale.ROOT, "%n    e.g. %s", g.example));
            }
        }
        String text = sb.toString();
        System.out.println(text);
        try {
            Path file = Path.of("target", "fuzz-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    text + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Files.writeString(Path.of("target", "fuzz-" + service + "-requests.tsv"), log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("cannot write the fuzz report under target/: " + e);
        }
        return text;
    }
}
