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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The extractor's tables, read from {@code narrative-rules/*.tsv} on the classpath: the synonyms that name
 * an indicator, the codes the catalog does not hold with the service that owns each, the units a figure may be
 * written in, and the patterns that say what a figure is (a forecast, a plan, a comparison, a sub-group's). Kept as
 * data so that a new synonym, pattern or pipeline code is one line, reviewed like any other change, not code.
 */
public final class NarrativeRules {

    /** The owner of the catalog's indicators: this service. */
    public static final String INDICATORS = "indicators";

    /**
     * How reports name an indicator. {@code countFirst}: a count written right before the phrase is read wherever
     * it stands in its clause; {@code after}: the phrase names a figure only right after a figure of that code;
     * {@code sized}: the phrase is still the name with a size class written inside it ("新签约10亿元以上重大项目").
     */
    public record Synonym(
            String phrase, String code, BigDecimal confidence, boolean countFirst, String after, boolean sized) {}

    /**
     * A code the catalog does not hold: {@code owner} the service that owns its figures (investment, projects), or
     * null when none does; figures are converted to {@code unit}; {@code name} is what people read.
     */
    public record Code(String code, String owner, String unit, String name) {
        /** A figure another service owns: proposed for that service's check, never stored as a value here. */
        public boolean pipeline() {
            return owner != null;
        }
    }

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
        PLACEHOLDER,
        APPROXIMATE,
        NAMED_COMPLETION,
        ADDITION,
        SINCE_FOUNDING,
        PART,
        PARK_SUBJECT,
        HEADING,
        PLAN_HEADING,
        PART_WORD,
        PRIOR_PERIOD,
        SIZE_CLASS
    }

    public record Rule(Kind kind, Pattern pattern, String why) {}

    private final List<Synonym> synonyms;
    private final Map<String, Code> codes;
    private final List<UnitRule> units;
    private final Map<Kind, List<Rule>> rules;

    public NarrativeRules(List<Synonym> synonyms, List<Code> codes, List<UnitRule> units, Map<Kind, List<Rule>> rules) {
        // Longest phrase first, so "规模以上工业总产值" is tried before "工业总产值" and "产值".
        this.synonyms = synonyms.stream()
                .sorted(Comparator.comparingInt((Synonym s) -> s.phrase().length())
                        .reversed())
                .toList();
        Map<String, Code> byCode = new LinkedHashMap<>();
        codes.forEach(c -> byCode.put(c.code(), c));
        this.codes = Map.copyOf(byCode);
        for (Synonym syn : this.synonyms) {
            if (syn.after() != null && syn.after().equals(syn.code())) {
                throw new IllegalStateException("synonym " + syn.phrase() + " cannot follow its own code");
            }
        }
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
                    read("synonyms.tsv", 3).stream()
                            .map(NarrativeRules::synonym)
                            .toList(),
                    read("codes.tsv", 4).stream()
                            .map(c -> new Code(c.get(0), "-".equals(c.get(1)) ? null : c.get(1), c.get(2), c.get(3)))
                            .toList(),
                    read("units.tsv", 3).stream()
                            .map(c -> new UnitRule(c.get(0), c.get(1), Integer.parseInt(c.get(2))))
                            .toList(),
                    rules(read("patterns.tsv", 2)));
        }
        return defaults;
    }

    private static Synonym synonym(List<String> c) {
        String condition = c.size() > 3 ? c.get(3) : "";
        boolean countFirst = false;
        boolean sized = false;
        String after = null;
        if (condition.equals("count-first")) {
            countFirst = true;
        } else if (condition.equals("sized")) {
            sized = true;
        } else if (condition.startsWith("after:")) {
            after = condition.substring("after:".length());
        } else if (!condition.isEmpty()) {
            throw new IllegalStateException("synonyms.tsv: unknown condition " + condition + " of " + c.get(0));
        }
        return new Synonym(c.get(0), c.get(1), new BigDecimal(c.get(2)), countFirst, after, sized);
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
    static List<List<String>> read(String name, int columns) {
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
                if (cells.size() < columns) {
                    throw new IllegalStateException(
                            path + " line " + n + ": expected " + columns + " tab-separated columns");
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

    /** A code the catalog does not hold, or null. */
    public Code code(String code) {
        return code == null ? null : codes.get(code);
    }

    /** Whether figures of this code belong to another service and are only checked, never stored here. */
    public boolean pipeline(String code) {
        Code c = code(code);
        return c != null && c.pipeline();
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
