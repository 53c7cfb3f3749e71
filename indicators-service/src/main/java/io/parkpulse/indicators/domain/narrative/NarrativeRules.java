package io.parkpulse.indicators.domain.narrative;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The extractor's tables, read from {@code narrative-rules/*.tsv} on the classpath: the synonyms that name
 * an indicator, the units a figure may be written in, and the patterns that say what a figure is (a forecast,
 * a plan, a comparison, a sub-group's). Kept as data so that a new synonym or pattern is one line, reviewed
 * like any other change, not code.
 */
public final class NarrativeRules {

    /** How reports name an indicator; {@code unit} only for a code the catalog does not hold. */
    public record Synonym(String phrase, String code, BigDecimal confidence, String unit) {}

    /** {@code written} converts to {@code canonical} by moving the decimal point {@code shift} places right. */
    public record UnitRule(String written, String canonical, int shift) {}

    public enum Kind {
        ESTIMATE,
        PLAN,
        COMPARISON,
        CITY,
        PARK_SELF,
        GROUP,
        GROWTH,
        DECLINE,
        COMPLETION,
        PERIOD_MONTH,
        PERIOD_QUARTER,
        PERIOD_HALF,
        PERIOD_YEAR,
        YEAR,
        ACTUAL,
        PLACEHOLDER
    }

    public record Rule(Kind kind, Pattern pattern, String why) {}

    private final List<Synonym> synonyms;
    private final List<UnitRule> units;
    private final Map<Kind, List<Rule>> rules;

    public NarrativeRules(List<Synonym> synonyms, List<UnitRule> units, Map<Kind, List<Rule>> rules) {
        // Longest phrase first, so "规模以上工业总产值" is tried before "工业总产值" and "产值".
        this.synonyms = synonyms.stream()
                .sorted(Comparator.comparingInt((Synonym s) -> s.phrase().length())
                        .reversed())
                .toList();
        this.units = units.stream()
                .sorted(Comparator.comparingInt((UnitRule u) -> u.written().length())
                        .reversed())
                .toList();
        this.rules = rules;
    }

    private static NarrativeRules defaults;

    /** The tables shipped with the service. */
    public static synchronized NarrativeRules defaults() {
        if (defaults == null) {
            defaults = new NarrativeRules(
                    read("synonyms.tsv").stream()
                            .map(c -> new Synonym(
                                    c.get(0), c.get(1), new BigDecimal(c.get(2)), c.size() > 3 ? c.get(3) : null))
                            .toList(),
                    read("units.tsv").stream()
                            .map(c -> new UnitRule(c.get(0), c.get(1), Integer.parseInt(c.get(2))))
                            .toList(),
                    rules(read("patterns.tsv")));
        }
        return defaults;
    }

    private static Map<Kind, List<Rule>> rules(List<List<String>> lines) {
        Map<Kind, List<Rule>> m = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            m.put(k, new ArrayList<>());
        }
        for (List<String> c : lines) {
            Kind kind = Kind.valueOf(c.get(0));
            m.get(kind).add(new Rule(kind, Pattern.compile(c.get(1)), c.size() > 2 ? c.get(2) : ""));
        }
        return m;
    }

    /** Tab-separated lines; blank lines and lines starting with # are comments. */
    static List<List<String>> read(String name) {
        String path = "narrative-rules/" + name;
        try (InputStream in = NarrativeRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            List<List<String>> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\t"));
                if (cells.size() < 2) {
                    throw new IllegalStateException(path + " line " + n + ": expected tab-separated columns");
                }
                out.add(cells.stream().map(String::strip).toList());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Synonym> synonyms() {
        return synonyms;
    }

    public List<UnitRule> units() {
        return units;
    }

    public List<Rule> rules(Kind kind) {
        return rules.get(kind);
    }

    /** The shift from a written unit to a canonical one, or null when the one cannot be read as the other. */
    public Integer shift(String written, String canonical) {
        for (UnitRule u : units) {
            if (u.written().equals(written) && u.canonical().equals(canonical)) {
                return u.shift();
            }
        }
        return null;
    }
}
