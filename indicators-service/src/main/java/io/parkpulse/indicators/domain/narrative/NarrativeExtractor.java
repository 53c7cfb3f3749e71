package io.parkpulse.indicators.domain.narrative;

import io.parkpulse.common.figures.StatedFigureCheck;
import io.parkpulse.indicators.domain.narrative.NarrativeRules.Kind;
import io.parkpulse.indicators.domain.narrative.NarrativeRules.Rule;
import io.parkpulse.indicators.domain.narrative.NarrativeRules.Synonym;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the figures a park's narrative report (工作总结, 工作情况汇报) states about the park, as a draft a person
 * confirms: nothing here is stored. Rules and tables only ({@link NarrativeRules}): a figure is a number with a
 * unit, named by the nearest synonym before it (or, for a count, the phrase right after it: "124家规模以上工业企业"),
 * and classified by the patterns around it. Only the park's own, achieved figures are proposed: of catalog
 * indicators, to be stored, and of the pipeline figures investment-service and projects-service own (到位资金,
 * 签约/开工/竣工项目数), to be checked by reporting-service; forecasts, plans, comparisons, sub-groups and the city's
 * figures are returned apart, so a reader sees what was left out and why. Pure: no CDI, no database, so it is
 * tested with plain JUnit.
 */
public final class NarrativeExtractor {

    /** What the catalog says about an indicator: its canonical unit is the one values are converted to. */
    public record CatalogEntry(String code, String name, String unit) {}

    /** What a figure is. {@code PARK} and {@code PIPELINE} are proposed; only {@code PARK} can become a value. */
    public enum Scope {
        /** the park's own achieved figure of a catalog indicator: proposed */
        PARK,
        /** the park's own achieved figure another service owns (到位资金, 开工项目数): proposed for checking only */
        PIPELINE,
        /** the park's figure of something the catalog does not hold */
        NOT_IN_CATALOG,
        /** a forecast ("预计完成") */
        ESTIMATE,
        /** a target or plan ("力争…") */
        PLAN,
        /** a sub-group of the park's enterprises ("区属61家规上企业") */
        SUBGROUP,
        /** the city's, county's or province's figure */
        CITY,
        /** a comparison base or a change ("同比增加", "去年同期", "新增", "新认定") */
        COMPARISON,
        /** a total since the park was founded ("自建园以来累计引进项目386个"), not the period's */
        SINCE_FOUNDING
    }

    /** The period the document covers, as its own words say it; year or month null when not found. */
    public record DetectedPeriod(Integer year, Integer month, String evidence, Integer start, Integer end) {
        public String text() {
            return year == null || month == null
                    ? null
                    : YearMonth.of(year, month).toString();
        }
    }

    /**
     * One figure. {@code start}/{@code end}: the span in the document (Java string offsets, end exclusive) from
     * the indicator's name to the unit; {@code sentenceStart}/{@code sentenceEnd} the sentence's.
     * {@code value} is in {@code unit}, the catalog's unit (or codes.tsv's for a code the catalog does not hold);
     * {@code rounding} is half a unit of the last digit written, in that unit ("390.7亿元": 500万元): how far the
     * true figure may be from what the text says. {@code owner}: the service whose figure it is ("indicators",
     * "investment", "projects"), null for a code no service holds. {@code growthRounding} and
     * {@code completionRounding} are the same for the rates as written ("4.0%": 0.05), taken when the figure is read,
     * because a draft stored as JSON gives the rate back as 4 and its written precision would be lost.
     */
    public record Figure(
            Scope scope,
            String indicator,
            String owner,
            String phrase,
            String period,
            BigDecimal value,
            String unit,
            String stated,
            BigDecimal growthPct,
            BigDecimal completionPct,
            String sentence,
            int sentenceStart,
            int sentenceEnd,
            int start,
            int end,
            String why,
            BigDecimal confidence,
            BigDecimal rounding,
            BigDecimal growthRounding,
            BigDecimal completionRounding) {
        public Figure {
            if (growthRounding == null) {
                growthRounding = StatedFigureCheck.rounding(growthPct);
            }
            if (completionRounding == null) {
                completionRounding = StatedFigureCheck.rounding(completionPct);
            }
            // Drafts kept before figures named their owner proposed only catalog indicators.
            if (owner == null && scope == Scope.PARK) {
                owner = NarrativeRules.INDICATORS;
            }
        }

        public boolean proposed() {
            return scope == Scope.PARK || scope == Scope.PIPELINE;
        }

        /** The same figure with the growth and completion the text states with it. */
        Figure withRates(BigDecimal growth, BigDecimal completion) {
            return new Figure(
                    scope,
                    indicator,
                    owner,
                    phrase,
                    period,
                    value,
                    unit,
                    stated,
                    growth,
                    completion,
                    sentence,
                    sentenceStart,
                    sentenceEnd,
                    start,
                    end,
                    why,
                    confidence,
                    rounding,
                    null,
                    null);
        }

        /** A proposed figure that may be stored as an indicator value (a pipeline figure is only checked). */
        public boolean storable() {
            return scope == Scope.PARK;
        }
    }

    public record Result(DetectedPeriod detected, String period, List<Figure> figures) {
        public List<Figure> proposed() {
            return figures.stream().filter(Figure::proposed).toList();
        }
    }

    private static final String NUMERALS = "零〇一二两三四五六七八九十百千";
    private static final String CLAUSE_BREAKS = ",，、:：()（）";
    private static final int MAX_GAP = 8;
    /**
     * A real sentence has a few hundred characters; a longer run without a full stop is cut into pieces of this
     * length (at a clause break when there is one), so the work per sentence, which compares figures with names,
     * stays bounded whatever the upload holds.
     */
    static final int MAX_SENTENCE = 1000;
    /** More digits than this is no figure a report states (10^15 万元 is refused by the batch anyway). */
    private static final int MAX_DIGITS = 24;
    /** How far into a document its period is looked for: the title and first lines. */
    private static final int HEAD = 600;

    private final NarrativeRules rules;
    private final Pattern figure;

    public NarrativeExtractor(NarrativeRules rules) {
        this.rules = rules;
        String units = rules.units().stream()
                .map(u -> Pattern.quote(u.written()))
                .distinct()
                .collect(Collectors.joining("|"));
        // A number not run into another one (ASCII digits after normalising, or Chinese numerals for counts)
        // followed at once by a unit: "8.97亿元", "124家", "三十五家". Bounded lengths: no report states a figure with
        // more than twelve digits before the point, and a longer run is not a figure but an attempt to store one
        // that the draft's own JSON could not read back.
        this.figure = Pattern.compile("(?<![0-9.])([0-9]{1,12}(?:\\.[0-9]{1,6})?)(" + units + ")" + "|(?<![" + NUMERALS
                + "第])([" + NUMERALS + "]{1,12})(家|户|个|人)");
    }

    public NarrativeExtractor() {
        this(NarrativeRules.defaults());
    }

    /**
     * @param override the period the caller says the document covers (null: detect it)
     * @param fallbackYear the year used when neither the override nor the document names one (a report whose
     *     year was masked, "**年"); null leaves such figures without a period
     */
    public Result extract(String text, Collection<CatalogEntry> catalog, YearMonth override, Integer fallbackYear) {
        String norm = normalise(text);
        Map<String, CatalogEntry> byCode =
                catalog.stream().collect(Collectors.toMap(CatalogEntry::code, Function.identity(), (a, b) -> a));
        DetectedPeriod detected = detect(norm, text);
        Integer docYear = override != null ? Integer.valueOf(override.getYear()) : detected.year();
        if (docYear == null) {
            docYear = fallbackYear;
        }
        Integer docMonth = override != null ? Integer.valueOf(override.getMonthValue()) : detected.month();
        List<Figure> out = new ArrayList<>();
        int p = 0;
        State state = new State();
        Section plan = null;
        boolean continues = false;
        while (p < norm.length()) {
            int nl = norm.indexOf('\n', p);
            int paraEnd = nl < 0 ? norm.length() : nl;
            String line = norm.substring(p, paraEnd).strip();
            plan = section(line, plan);
            // A line that stops at a comma or semicolon goes on in the next one (a list an editor broke into
            // lines): "预计全年完成…390亿元;" then "入库税收10.5亿元;" is still the forecast.
            if (!continues) {
                state = new State();
            }
            paragraph(text, norm, p, paraEnd, docYear, docMonth, byCode, state, plan, out);
            if (!line.isEmpty()) {
                continues = ",;:、".indexOf(line.charAt(line.length() - 1)) >= 0;
            }
            p = paraEnd + 1;
        }
        namedCompletions(norm, out);
        String period = docYear == null || docMonth == null
                ? null
                : YearMonth.of(docYear, docMonth).toString();
        return new Result(detected, period, out);
    }

    /** Full-width digits and punctuation as ASCII, one character for one, so every offset stays the same. */
    static String normalise(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch >= '０' && ch <= '９') {
                c[i] = (char) ('0' + (ch - '０'));
            } else if (ch == '．') {
                c[i] = '.';
            } else if (ch == '％') {
                c[i] = '%';
            } else if (ch == '；') {
                c[i] = ';';
            } else if (ch == '，') {
                c[i] = ',';
            } else if (ch == '：') {
                c[i] = ':';
            } else if (ch == '\r') {
                c[i] = '\n';
            }
        }
        return new String(c);
    }

    // ---- the document's period --------------------------------------------------------------------------

    DetectedPeriod detect(String norm, String text) {
        String head = norm.substring(0, Math.min(HEAD, norm.length()));
        Integer year = null;
        Matcher y = first(Kind.YEAR, head);
        if (y != null) {
            year = Integer.valueOf(y.group("y"));
        }
        // The first year-to-date marker that is not a forecast's ("预计到12月底") is the period the figures cover;
        // failing one, an annual report covers December.
        Marker best = null;
        for (Marker m : markers(head, 0)) {
            if (!forecastBefore(head, m.start)) {
                best = m;
                break;
            }
        }
        if (best != null) {
            return new DetectedPeriod(
                    best.year != null ? best.year : year,
                    best.month,
                    text.substring(best.start, best.end),
                    best.start,
                    best.end);
        }
        Matcher a = first(Kind.PERIOD_YEAR, head);
        if (a != null) {
            return new DetectedPeriod(year, 12, text.substring(a.start(), a.end()), a.start(), a.end());
        }
        return new DetectedPeriod(year, null, null, null, null);
    }

    /** Whether the clause holding {@code at} says "预计" before it. */
    private boolean forecastBefore(String s, int at) {
        int from = at;
        while (from > 0 && ",;。\n".indexOf(s.charAt(from - 1)) < 0) {
            from--;
        }
        String clause = s.substring(from, at);
        return rules.rules(Kind.ESTIMATE).stream()
                .anyMatch(r -> r.pattern().matcher(clause).find());
    }

    /** A period marker: the month it ends in, its year if it names one, where it is. */
    record Marker(Integer year, int month, int start, int end) {}

    List<Marker> markers(String s, int offset) {
        List<Marker> all = new ArrayList<>();
        for (Rule r : rules.rules(Kind.PERIOD_MONTH)) {
            Matcher m = r.pattern().matcher(s);
            while (m.find()) {
                Integer month = chineseOrDigits(m.group("m"));
                if (month != null && month >= 1 && month <= 12) {
                    all.add(new Marker(year(m), month, offset + m.start(), offset + m.end()));
                }
            }
        }
        for (Rule r : rules.rules(Kind.PERIOD_QUARTER)) {
            Matcher m = r.pattern().matcher(s);
            while (m.find()) {
                Integer q = chineseOrDigits(m.group("q"));
                if (q != null && q >= 1 && q <= 4) {
                    all.add(new Marker(year(m), q * 3, offset + m.start(), offset + m.end()));
                }
            }
        }
        for (Rule r : rules.rules(Kind.PERIOD_HALF)) {
            Matcher m = r.pattern().matcher(s);
            while (m.find()) {
                all.add(new Marker(null, 6, offset + m.start(), offset + m.end()));
            }
        }
        all.sort((a, b) -> Integer.compare(a.start, b.start));
        return all;
    }

    private static Integer year(Matcher m) {
        try {
            String y = m.group("y");
            return y == null ? null : Integer.valueOf(y);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    private Matcher first(Kind kind, String s) {
        Matcher best = null;
        for (Rule r : rules.rules(kind)) {
            Matcher m = r.pattern().matcher(s);
            if (m.find() && (best == null || m.start() < best.start())) {
                best = m;
            }
        }
        return best;
    }

    private boolean any(Kind kind, String s) {
        return rules.rules(kind).stream().anyMatch(r -> r.pattern().matcher(s).find());
    }

    /** Start offsets of every match of a kind in s (shifted by offset). */
    private List<int[]> spans(Kind kind, String s, int offset) {
        List<int[]> out = new ArrayList<>();
        for (Rule r : rules.rules(kind)) {
            Matcher m = r.pattern().matcher(s);
            while (m.find()) {
                out.add(new int[] {offset + m.start(), offset + m.end()});
            }
        }
        return out;
    }

    // ---- sections ---------------------------------------------------------------------------------------

    /** A plan section: the heading that opened it and its level (0 outermost), in force until one as outer. */
    record Section(int level, String heading) {}

    /** A heading is read up to its first full stop, and no further than this: "(一)工业经济稳中有升。1-6月,…". */
    private static final int HEADING_CHARS = 40;
    /** A line this short, without a sentence's punctuation, may be a heading without a number ("下步打算"). */
    private static final int BARE_HEADING_CHARS = 20;

    /** The plan section in force after this line: opened by a plan heading, closed by a heading as outer. */
    Section section(String line, Section current) {
        int level = headingLevel(line);
        int stop = line.indexOf('。');
        String head = line.substring(0, Math.min(stop < 0 ? line.length() : stop, HEADING_CHARS));
        if (level >= 0) {
            if (current != null && level <= current.level()) {
                current = null;
            }
            if (current == null && any(Kind.PLAN_HEADING, head)) {
                return new Section(level, head);
            }
            return current;
        }
        // A bare plan heading ("下步工作打算") counts as outer as "一、" (HEADING's second line): the next "二、" ends it.
        // A line ending in a colon ("明年主要目标:") is a lead-in to a list, which ends with the list.
        boolean bare = line.length() <= BARE_HEADING_CHARS && line.chars().noneMatch(c -> "。;,!?:".indexOf(c) >= 0);
        if (current == null && bare && !line.isEmpty() && any(Kind.PLAN_HEADING, line)) {
            return new Section(1, line);
        }
        return current;
    }

    /** The level of the heading a line opens with (the HEADING pattern's place in the table), or -1. */
    private int headingLevel(String line) {
        List<Rule> headings = rules.rules(Kind.HEADING);
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).pattern().matcher(line).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    // ---- paragraphs and sentences -------------------------------------------------------------------------

    /** What a sentence hands on to the next one of its paragraph. */
    private static final class State {
        Integer year;
        Integer month;
        boolean estimate;
        /** the last figure was a plan's: a sentence without verb or period after it is one too */
        boolean plan;
        /** a plan's lead-in ("明年主要目标:"): what follows up to the end of the list is planned */
        boolean planList;
        /** the last figure of the paragraph so far: a "其中" part of the same indicator is a part of it */
        Figure last;
    }

    private void paragraph(
            String text,
            String norm,
            int from,
            int to,
            Integer docYear,
            Integer docMonth,
            Map<String, CatalogEntry> catalog,
            State state,
            Section plan,
            List<Figure> out) {
        int s = from;
        for (int i = from; i <= to; i++) {
            boolean end = i == to || "。;!?！？".indexOf(norm.charAt(i)) >= 0;
            if (!end && i - s >= MAX_SENTENCE) {
                // Cut an overlong run at its last clause break, or here.
                int cut = i;
                for (int k = i; k > s + MAX_SENTENCE / 2; k--) {
                    if (CLAUSE_BREAKS.indexOf(norm.charAt(k - 1)) >= 0) {
                        cut = k;
                        break;
                    }
                }
                sentence(text, norm, s, cut, state, docYear, docMonth, catalog, plan, out);
                s = cut;
                continue;
            }
            if (!end) {
                continue;
            }
            int e = i == to ? to : i + 1;
            int a = s, b = e;
            while (a < b && Character.isWhitespace(norm.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(norm.charAt(b - 1))) {
                b--;
            }
            if (b > a) {
                sentence(text, norm, a, b, state, docYear, docMonth, catalog, plan, out);
            }
            s = e;
        }
    }

    private void sentence(
            String text,
            String norm,
            int from,
            int to,
            State state,
            Integer docYear,
            Integer docMonth,
            Map<String, CatalogEntry> catalog,
            Section section,
            List<Figure> out) {
        String s = norm.substring(from, to);
        List<Marker> periods = markers(s, from);
        boolean actual = any(Kind.ACTUAL, s);
        boolean inheritEstimate = state.estimate && !actual && periods.isEmpty();
        boolean inheritPlan = state.planList || (state.plan && !actual && periods.isEmpty());
        List<int[]> estimates = spans(Kind.ESTIMATE, s, from);
        List<int[]> plans = spans(Kind.PLAN, s, from);
        List<int[]> sinceFounding = spans(Kind.SINCE_FOUNDING, s, from);
        List<int[]> parkSubjects = spans(Kind.PARK_SUBJECT, s, from);
        List<int[]> partWords = spans(Kind.PART_WORD, s, from);
        List<int[]> placeholders = spans(Kind.PLACEHOLDER, s, from);
        // Matched once per sentence, not once per figure: an upload of one endless sentence stays linear.
        List<int[]> cities = spans(Kind.CITY, s, from);
        List<Hit> names = names(s, from);
        Subgroup subgroup = subgroup(s, from);
        List<Subgroup> parts = parts(s, from);
        int subgroupFrom = subgroup == null ? -1 : subgroup.start();

        List<Figure> found = new ArrayList<>();
        List<Integer> unitEnds = new ArrayList<>();
        Matcher m = figure.matcher(s);
        List<int[]> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(new int[] {from + m.start(), from + m.end()});
        }
        Map<Integer, Hit> respectively = respectively(norm, from, to, names, tokens);
        for (int t = 0; t < tokens.size(); t++) {
            m.find(tokens.get(t)[0] - from);
            boolean chinese = m.group(1) == null;
            String digits = chinese ? m.group(3) : m.group(1);
            String unit = chinese ? m.group(4) : m.group(2);
            int numStart = from + (chinese ? m.start(3) : m.start(1));
            int unitEnd = from + m.end();
            String after = norm.substring(unitEnd, Math.min(to, unitEnd + 3));
            // "5亿元以上项目" is a threshold, "4.3个百分点" a difference: neither is a figure.
            // "25万元/亩" a ratio.
            if (after.startsWith("以上")
                    || after.startsWith("以下")
                    || after.startsWith("左右")
                    || after.startsWith("百分点")
                    || after.startsWith("/")) {
                continue;
            }
            if (overlaps(placeholders, numStart - 1, unitEnd)) {
                continue;
            }
            if (any(Kind.APPROXIMATE, norm.substring(Math.max(from, numStart - 4), numStart))) {
                continue;
            }
            if (digits.length() > MAX_DIGITS) {
                continue;
            }
            BigDecimal number = chinese ? chineseNumber(digits) : new BigDecimal(digits);
            if (number == null) {
                continue;
            }
            Figure previous = found.isEmpty() ? null : found.get(found.size() - 1);
            Named named;
            if (respectively.containsKey(numStart)) {
                Hit h = respectively.get(numStart);
                named = h == null
                        ? null
                        : convert(h, unit, catalog, numStart - h.end, false, "named in order before “分别”");
            } else {
                named = name(norm, names, numStart, unitEnd, unit, to, subgroupFrom, previous, catalog);
            }
            if (named == null) {
                continue;
            }
            int spanStart = Math.min(named.hit.start, numStart);
            int spanEnd = Math.max(named.hit.end, unitEnd);

            // The period: the last marker of the sentence before the figure, else what the paragraph said.
            Integer year = state.year, month = state.month;
            for (Marker pm : periods) {
                if (pm.start < spanStart) {
                    month = pm.month;
                    year = pm.year != null ? pm.year : null;
                }
            }
            Integer y = year != null ? year : docYear;
            Integer mo = month != null ? month : docMonth;
            String period = y == null || mo == null ? null : YearMonth.of(y, mo).toString();

            Scope scope;
            String why;
            int[] est = lastBefore(estimates, spanStart);
            if (inheritEstimate || (est != null && !newPeriod(norm, periods, est, spanStart))) {
                scope = Scope.ESTIMATE;
                why = inheritEstimate
                        ? "continues the forecast of the sentence before"
                        : "forecast: “" + text.substring(est[0], est[1]) + "”";
            } else if (lastBefore(plans, spanStart) != null) {
                int[] pl = lastBefore(plans, spanStart);
                scope = Scope.PLAN;
                why = "target or plan: “" + text.substring(pl[0], pl[1]) + "”";
            } else if (section != null) {
                scope = Scope.PLAN;
                why = "in the plan section “" + section.heading() + "”";
            } else if (inheritPlan) {
                scope = Scope.PLAN;
                why = "continues the plan before it";
            } else if (lastBefore(sinceFounding, spanStart) != null
                    && !newPeriod(norm, periods, lastBefore(sinceFounding, spanStart), spanStart)) {
                int[] sf = lastBefore(sinceFounding, spanStart);
                scope = Scope.SINCE_FOUNDING;
                why = "a total since the park was founded: “" + text.substring(sf[0], sf[1]) + "”";
            } else if (about(subgroup, named, spanStart, parkSubjects)
                    || about(partAt(parts, spanStart), named, spanStart, parkSubjects)) {
                Subgroup g = about(subgroup, named, spanStart, parkSubjects) ? subgroup : partAt(parts, spanStart);
                scope = Scope.SUBGROUP;
                why = "about a sub-group: “" + text.substring(g.start(), Math.min(to, g.start() + 12)) + "…”";
            } else if (partOfTheFigureBefore(
                    partWords, found.isEmpty() ? state.last : previous, named, spanStart, from)) {
                scope = Scope.SUBGROUP;
                why = "a part of the " + named.synonym.code() + " stated before it (“其中”)";
            } else if (city(cities, parkSubjects, named.hit.start)) {
                scope = Scope.CITY;
                why = "about the city, county or province";
            } else if (comparison(norm, named, numStart, from)) {
                scope = Scope.COMPARISON;
                why = "a change or a comparison base";
            } else if (inClause(Kind.ADDITION, norm, named, numStart, from) != null) {
                scope = Scope.COMPARISON;
                why = "an addition of the period, not the stock: “"
                        + inClause(Kind.ADDITION, norm, named, numStart, from) + "”";
            } else if (inClause(Kind.PRIOR_PERIOD, norm, named, numStart, from) != null
                    || earlierYear(norm, named, numStart, from, docYear)) {
                scope = Scope.COMPARISON;
                why = "an earlier period's figure, a comparison base";
            } else if (rules.pipeline(named.synonym.code())) {
                scope = Scope.PIPELINE;
                why = "a figure " + owner(named.synonym.code(), catalog)
                        + "-service owns: proposed for its check by reporting-service, never stored here";
            } else if (!catalog.containsKey(named.synonym.code())) {
                scope = Scope.NOT_IN_CATALOG;
                why = "“" + named.synonym.phrase() + "” names " + named.synonym.code()
                        + ", which the catalog does not hold";
            } else {
                scope = Scope.PARK;
                why = "the park's achieved figure";
            }
            BigDecimal confidence = named.synonym.confidence();
            if (named.gap > 2) {
                confidence = confidence.multiply(new BigDecimal("0.9"));
            }
            if (chinese) {
                confidence = confidence.multiply(new BigDecimal("0.95"));
            }
            found.add(new Figure(
                    scope,
                    named.synonym.code(),
                    owner(named.synonym.code(), catalog),
                    named.synonym.phrase(),
                    period,
                    number.movePointRight(named.shift),
                    named.unit,
                    text.substring(numStart, unitEnd),
                    null,
                    null,
                    text.substring(from, to),
                    from,
                    to,
                    spanStart,
                    spanEnd,
                    "synonym “" + named.synonym.phrase() + "” → " + named.synonym.code() + " (" + named.how + "); "
                            + why,
                    confidence.setScale(2, RoundingMode.HALF_UP),
                    new BigDecimal("0.5")
                            .movePointLeft(Math.max(0, number.scale()))
                            .movePointRight(named.shift),
                    null,
                    null));
            unitEnds.add(unitEnd);
        }
        // The rates written after a figure, up to the next figure or the next amount that names nothing: "签约总投资
        // 206.8亿元,同比增长18.6%" is the amount's growth, not the count's before it. An amount in brackets is an aside
        // ("新签约重大项目4个(恒基机电5亿元)完成全年目标任务的66.7%": 66.7 is the count's), a difference in
        // 百分点 is no amount.
        int k = 0;
        for (int i = 0; i < found.size(); i++) {
            int unitEnd = unitEnds.get(i);
            int next = i + 1 < found.size() ? Math.max(unitEnd, found.get(i + 1).start()) : to;
            while (k < tokens.size() && tokens.get(k)[0] < unitEnd) {
                k++;
            }
            int depth = 0;
            int scanned = unitEnd;
            for (int j = k; j < tokens.size() && tokens.get(j)[0] < next; j++) {
                int at = tokens.get(j)[0];
                depth += brackets(norm, scanned, at);
                scanned = at;
                if (depth <= 0 && !norm.startsWith("百分点", tokens.get(j)[1])) {
                    next = at;
                    break;
                }
            }
            String tail = norm.substring(unitEnd, next);
            // "分别增长10%、8%" gives each figure of a list its own rate: not read here.
            int each = tail.indexOf(RESPECTIVELY);
            if (each >= 0) {
                tail = tail.substring(0, each);
            }
            BigDecimal growth = percent(Kind.GROWTH, tail, false);
            if (growth == null) {
                growth = percent(Kind.DECLINE, tail, true);
            }
            found.set(i, found.get(i).withRates(growth, percent(Kind.COMPLETION, tail, false)));
        }
        out.addAll(found);
        if (!periods.isEmpty()) {
            Marker last = periods.get(periods.size() - 1);
            state.month = last.month;
            state.year = last.year;
        }
        if (!found.isEmpty()) {
            state.estimate = found.get(found.size() - 1).scope() == Scope.ESTIMATE;
            state.plan = found.get(found.size() - 1).scope() == Scope.PLAN;
            state.last = found.get(found.size() - 1);
        } else if (actual || !periods.isEmpty()) {
            state.estimate = false;
            state.plan = false;
        }
        // "明年主要目标:" announces a list of targets, which runs to the first full stop.
        String last = s.strip();
        if (found.isEmpty() && last.endsWith(":") && (!plans.isEmpty() || any(Kind.PLAN_HEADING, last))) {
            state.planList = true;
        } else if (last.endsWith("。")) {
            state.planList = false;
        }
    }

    private static final String RESPECTIVELY = "分别";
    /** How far after "分别" the first of its numbers may stand ("分别为", "分别完成", "分别达到"). */
    private static final int RESPECTIVELY_GAP = 4;

    /**
     * "工业投资、技改投资分别完成12亿元、8亿元": the names before "分别" in its clause go to the numbers after it, in
     * order, when there are as many of each; otherwise those numbers are named by nothing (the nearest name before
     * the first is not its own). Keyed by the number's start; a null value names nothing.
     */
    private Map<Integer, Hit> respectively(String norm, int from, int to, List<Hit> names, List<int[]> tokens) {
        Map<Integer, Hit> out = new java.util.HashMap<>();
        int f = norm.indexOf(RESPECTIVELY, from);
        while (f >= 0 && f < to) {
            int word = f;
            int c = f;
            while (c > from && ",;:。".indexOf(norm.charAt(c - 1)) < 0) {
                c--;
            }
            int clause = c;
            List<Hit> before = names.stream()
                    .filter(h -> h.start >= clause && h.end <= word && h.synonym.after() == null)
                    .sorted((a, b) -> Integer.compare(a.start, b.start))
                    .toList();
            List<Integer> numbers = new ArrayList<>();
            int p = f + RESPECTIVELY.length();
            for (int[] t : tokens) {
                if (t[0] < p) {
                    continue;
                }
                String between = norm.substring(p, t[0]);
                boolean first = numbers.isEmpty();
                if ((first && between.length() > RESPECTIVELY_GAP)
                        || (!first && !between.matches("[、和及与]"))
                        || between.chars().anyMatch(ch -> ",;:。".indexOf(ch) >= 0)) {
                    break;
                }
                numbers.add(t[0]);
                p = t[1];
            }
            for (int i = 0; i < numbers.size(); i++) {
                out.put(numbers.get(i), before.size() == numbers.size() ? before.get(i) : null);
            }
            f = norm.indexOf(RESPECTIVELY, f + 1);
        }
        return out;
    }

    /** How many brackets open between two offsets, less those closed. */
    private static int brackets(String norm, int a, int b) {
        int d = 0;
        for (int i = a; i < b; i++) {
            char c = norm.charAt(i);
            if (c == '(' || c == '（') {
                d++;
            } else if (c == ')' || c == '）') {
                d--;
            }
        }
        return d;
    }

    /**
     * Whether a period marker in a later clause than some words ("预计", "建园以来") and before a figure starts
     * something new ("预计全年完成7000万元,1-6月完成3200万元"). A marker in the words' own clause is what they
     * speak of ("预计1-9月实现…", "预计一季度…"), still a forecast.
     */
    private static boolean newPeriod(String norm, List<Marker> periods, int[] words, int at) {
        for (Marker pm : periods) {
            if (pm.start >= words[1] && pm.start < at) {
                for (int i = words[1]; i < pm.start; i++) {
                    if (CLAUSE_BREAKS.indexOf(norm.charAt(i)) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a CITY word before the name speaks for it: not when a clause naming the park as its subject stands
     * between ("全市完成工业总产值1000亿元,园区完成…").
     */
    private static boolean city(List<int[]> cities, List<int[]> parkSubjects, int at) {
        int[] c = lastBefore(cities, at);
        return c != null && parkSubjects.stream().noneMatch(p -> p[0] >= c[1] && p[0] < at);
    }

    /**
     * How far before the name a clause's words may stand ("新认定国家级高新技术企业12家、专精特新企业5家",
     * "去年同期园区…").
     */
    private static final int CLAUSE_REACH = 24;

    /** The clause before a figure's name, up to {@link #CLAUSE_REACH}: a list after "、" keeps its verb. */
    private static String clauseBefore(String norm, int at, int sentenceFrom) {
        int c = at;
        while (c > sentenceFrom && c > at - CLAUSE_REACH && ",;:。".indexOf(norm.charAt(c - 1)) < 0) {
            c--;
        }
        return norm.substring(c, at);
    }

    /**
     * The words of a kind in the figure's clause before the name or between the name and the number ("新认定高新技术
     * 企业15家、专精特新企业8家"), or null.
     */
    private String inClause(Kind kind, String norm, Named named, int numStart, int sentenceFrom) {
        int a = Math.min(named.hit.start, numStart);
        String gap = named.forward ? "" : norm.substring(named.hit.end, numStart);
        for (String part : List.of(clauseBefore(norm, a, sentenceFrom), gap)) {
            Matcher m = first(kind, part);
            if (m != null) {
                return m.group();
            }
        }
        return null;
    }

    /** Whether the figure's clause names a year before the document's ("2023年园区税收4.8亿元" in a 2024 report). */
    private boolean earlierYear(String norm, Named named, int numStart, int sentenceFrom, Integer docYear) {
        if (docYear == null) {
            return false;
        }
        String clause = clauseBefore(norm, Math.min(named.hit.start, numStart), sentenceFrom);
        for (Rule r : rules.rules(Kind.YEAR)) {
            Matcher m = r.pattern().matcher(clause);
            while (m.find()) {
                if (Integer.parseInt(m.group("y")) < docYear) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a figure is a "其中" part of the figure before it: the same indicator, with "其中" between them
     * ("实缴税收4.5亿元,其中民营企业2.1亿元" — whatever the part is called).
     */
    private static boolean partOfTheFigureBefore(
            List<int[]> partWords, Figure before, Named named, int spanStart, int sentenceFrom) {
        if (before == null || !before.indicator().equals(named.synonym.code())) {
            return false;
        }
        int after = Math.max(sentenceFrom, before.end());
        return partWords.stream().anyMatch(p -> p[0] >= after && p[0] < spanStart);
    }

    /**
     * How far before a completion stated by name ("完成全年开工项目目标任务的133%") its figure may stand: the next
     * lines of the same passage, not another section's figure of that name.
     */
    private static final int NAMED_COMPLETION_REACH = 200;

    /**
     * A completion stated with the indicator's name instead of its value goes to the nearest proposed figure of
     * that name before it, when the text gave that figure none. Figures are in document order, so one pass with a
     * pointer keeps this linear in the document.
     */
    private void namedCompletions(String norm, List<Figure> out) {
        for (Rule r : rules.rules(Kind.NAMED_COMPLETION)) {
            Matcher m = r.pattern().matcher(norm);
            int p = 0;
            while (m.find()) {
                while (p < out.size() && out.get(p).start() < m.start()) {
                    p++;
                }
                Synonym syn = endingWith(m.group("name"));
                // "预计完成全年…任务的150%" is a forecast's completion, not the figure's.
                if (syn == null || forecastBefore(norm, m.start())) {
                    continue;
                }
                for (int k = p - 1; k >= 0 && out.get(k).end() >= m.start() - NAMED_COMPLETION_REACH; k--) {
                    Figure f = out.get(k);
                    if (f.proposed() && f.indicator().equals(syn.code())) {
                        if (f.completionPct() == null) {
                            out.set(k, f.withRates(f.growthPct(), new BigDecimal(m.group("pct"))));
                        }
                        break;
                    }
                }
            }
        }
    }

    /** The longest synonym a name ends with ("全年开工项目" → 开工项目), or null. */
    private Synonym endingWith(String name) {
        for (Synonym syn : rules.synonyms()) {
            if (syn.after() == null && name.endsWith(syn.phrase())) {
                return syn;
            }
        }
        return null;
    }

    private static boolean overlaps(List<int[]> spans, int a, int b) {
        return spans.stream().anyMatch(x -> x[0] < b && x[1] > a);
    }

    private static int[] lastBefore(List<int[]> spans, int at) {
        int[] best = null;
        for (int[] x : spans) {
            if (x[0] < at && (best == null || x[0] > best[0])) {
                best = x;
            }
        }
        return best;
    }

    /** The service a code's figures belong to: another service's by codes.tsv, else the catalog's, else none. */
    private String owner(String code, Map<String, CatalogEntry> catalog) {
        NarrativeRules.Code c = rules.code(code);
        if (c != null && c.pipeline()) {
            return c.owner();
        }
        return catalog.containsKey(code) ? NarrativeRules.INDICATORS : null;
    }

    private boolean comparison(String norm, Named named, int numStart, int sentenceFrom) {
        int a = Math.min(named.hit.start, numStart);
        String around = norm.substring(Math.max(sentenceFrom, a - 4), a);
        String gap = named.forward ? "" : norm.substring(named.hit.end, numStart);
        return any(Kind.COMPARISON, around) || any(Kind.COMPARISON, gap);
    }

    private BigDecimal percent(Kind kind, String tail, boolean negative) {
        for (Rule r : rules.rules(kind)) {
            Matcher m = r.pattern().matcher(tail);
            if (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        BigDecimal v = new BigDecimal(m.group(g));
                        return negative ? v.negate() : v;
                    }
                }
            }
        }
        return null;
    }

    /**
     * A sub-group's clause and the rest of its sentence, from {@code start}; for a "其中<group>" clause ({@code
     * part}) up to the next such clause, and not for a figure named by the group itself ({@code groupStart}–{@code
     * groupEnd}: "其中高新技术企业12家" counts the park's).
     */
    private record Subgroup(int start, int groupStart, int groupEnd, boolean part) {
        boolean covers(Hit name, int spanStart) {
            return start <= spanStart && !(part && name.start < groupEnd && name.end > groupStart);
        }
    }

    /** The "其中<group>" clauses of a sentence, in order. */
    private List<Subgroup> parts(String s, int offset) {
        List<Subgroup> out = new ArrayList<>();
        for (Rule r : rules.rules(Kind.PART)) {
            Matcher m = r.pattern().matcher(s);
            for (int c = 0; c < s.length(); c++) {
                if (c > 0 && CLAUSE_BREAKS.indexOf(s.charAt(c - 1)) < 0) {
                    continue;
                }
                m.region(c, s.length());
                m.useAnchoringBounds(true);
                if (m.lookingAt()) {
                    out.add(new Subgroup(offset + c, offset + m.start("group"), offset + m.end("group"), true));
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** Whether a sub-group speaks for a figure: no clause naming the park as its subject stands between them. */
    private static boolean about(Subgroup g, Named named, int spanStart, List<int[]> parkSubjects) {
        return g != null
                && g.covers(named.hit, spanStart)
                && parkSubjects.stream().noneMatch(p -> p[0] > g.start() && p[0] < spanStart);
    }

    /** The last of the parts that opens before a position, or null. */
    private static Subgroup partAt(List<Subgroup> parts, int at) {
        Subgroup best = null;
        for (Subgroup p : parts) {
            if (p.start() <= at) {
                best = p;
            }
        }
        return best;
    }

    /** The first clause that opens with a sub-group of enterprises ("区属61家", "区属企业入库…"), or null. */
    private Subgroup subgroup(String s, int offset) {
        for (int c = 0; c < s.length(); c++) {
            if (c > 0 && CLAUSE_BREAKS.indexOf(s.charAt(c - 1)) < 0) {
                continue;
            }
            for (Rule r : rules.rules(Kind.GROUP)) {
                // A region, not a substring: an upload's long sentence is not copied once per clause.
                Matcher m = r.pattern().matcher(s).region(c, s.length());
                m.useAnchoringBounds(true);
                if (m.lookingAt()) {
                    String group = m.group("group");
                    boolean self = rules.rules(Kind.PARK_SELF).stream()
                            .anyMatch(x -> x.pattern().matcher(group).find());
                    // "园区规上企业34户" counts the park's enterprises: the words before the count name the indicator.
                    boolean count = rules.synonyms().stream().anyMatch(syn -> group.contains(syn.phrase()));
                    if (!self && !count) {
                        return new Subgroup(offset + c, offset + c, offset + c, false);
                    }
                }
            }
        }
        return null;
    }

    // ---- naming a figure --------------------------------------------------------------------------------

    private record Hit(Synonym synonym, int start, int end) {}

    private record Named(Hit hit, Synonym synonym, String unit, int shift, int gap, boolean forward, String how) {}

    /** Every synonym occurrence in the sentence, shorter ones inside a longer one dropped. */
    private List<Hit> names(String s, int offset) {
        List<Hit> all = new ArrayList<>();
        for (Synonym syn : rules.synonyms()) {
            int i = s.indexOf(syn.phrase());
            while (i >= 0) {
                all.add(new Hit(syn, offset + i, offset + i + syn.phrase().length()));
                i = s.indexOf(syn.phrase(), i + 1);
            }
        }
        sizedNames(s, offset, all);
        List<Hit> kept = new ArrayList<>();
        for (Hit h : all) {
            // A name that holds only after a figure of some code ("完成产值" after the count of 规上企业) does not
            // hide the plain one inside it, which holds wherever the other does not.
            boolean inside = all.stream()
                    .anyMatch(o -> o != h
                            && o.start <= h.start
                            && o.end >= h.end
                            && (o.end - o.start) > (h.end - h.start)
                            && (o.synonym.after() == null || h.synonym.after() != null));
            if (!inside) {
                kept.add(h);
            }
        }
        return kept;
    }

    /**
     * The names of {@code sized} synonyms written with a size class inside ("新签约10亿元以上重大项目"): found in the
     * sentence with its size classes left out, and spanning them in the text.
     */
    private void sizedNames(String s, int offset, List<Hit> all) {
        List<int[]> sizes = spans(Kind.SIZE_CLASS, s, 0);
        if (sizes.isEmpty()) {
            return;
        }
        sizes.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder kept = new StringBuilder();
        int[] at = new int[s.length() + 1];
        int p = 0;
        for (int[] x : sizes) {
            for (int i = p; i < x[0]; i++) {
                at[kept.length()] = i;
                kept.append(s.charAt(i));
            }
            p = Math.max(p, x[1]);
        }
        for (int i = p; i < s.length(); i++) {
            at[kept.length()] = i;
            kept.append(s.charAt(i));
        }
        for (Synonym syn : rules.synonyms()) {
            if (!syn.sized()) {
                continue;
            }
            int len = syn.phrase().length();
            int i = kept.indexOf(syn.phrase());
            while (i >= 0) {
                int start = at[i];
                int end = at[i + len - 1] + 1;
                // Only where a size class stands inside: elsewhere the plain search found it.
                if (end - start > len) {
                    all.add(new Hit(syn, offset + start, offset + end));
                }
                i = kept.indexOf(syn.phrase(), i + 1);
            }
        }
    }

    private Named name(
            String norm,
            List<Hit> names,
            int numStart,
            int unitEnd,
            String unit,
            int sentenceEnd,
            int subgroupFrom,
            Figure previous,
            Map<String, CatalogEntry> catalog) {
        // The name nearest before the number, with only a few words and no punctuation or number between.
        Hit best = null;
        for (Hit h : names) {
            if (h.end <= numStart
                    && numStart - h.end <= MAX_GAP
                    && (best == null || h.end > best.end || (h.end == best.end && conditional(h, best)))
                    && follows(norm, h, previous)) {
                best = h;
            }
        }
        if (best != null) {
            String gap = norm.substring(best.end, numStart);
            boolean clean = gap.chars()
                    .noneMatch(c -> CLAUSE_BREAKS.indexOf(c) >= 0 || ";。%".indexOf(c) >= 0 || Character.isDigit(c));
            if (clean) {
                Named n = convert(best, unit, catalog, gap.length(), false, "value after the name");
                if (n != null) {
                    return n;
                }
            }
        }
        // A count written before its name: "124家规模以上工业企业". Only at the head of its clause, after nothing
        // or the park's own name ("园区124家…") or a sub-group's ("区属61家…", shown apart): inside a sentence about
        // something else ("安排5名干部进驻5户规上工业企业") the count is not the park's number of such enterprises.
        int clause = numStart;
        while (clause > 0
                && CLAUSE_BREAKS.indexOf(norm.charAt(clause - 1)) < 0
                && ";。\n".indexOf(norm.charAt(clause - 1)) < 0) {
            clause--;
        }
        String prefix = norm.substring(clause, numStart);
        boolean head = prefix.isEmpty()
                || rules.rules(Kind.PARK_SELF).stream()
                        .anyMatch(r -> r.pattern().matcher(prefix).matches())
                || clause == subgroupFrom;
        Named forward = null;
        for (Synonym syn : rules.synonyms()) {
            // A phrase that says what was counted ("7个项目竣工投产") names its count wherever it stands.
            if ((head || syn.countFirst())
                    && syn.after() == null
                    && norm.startsWith(syn.phrase(), unitEnd)
                    && unitEnd + syn.phrase().length() <= sentenceEnd) {
                Named n = convert(
                        new Hit(syn, unitEnd, unitEnd + syn.phrase().length()),
                        unit,
                        catalog,
                        0,
                        true,
                        "count before the name");
                if (n != null
                        && (forward == null
                                || syn.phrase().length()
                                        > forward.synonym.phrase().length())) {
                    forward = n;
                }
            }
        }
        return forward;
    }

    /** Of two names ending at the same place, one that holds only after a given figure, and holds, is the closer. */
    private static boolean conditional(Hit h, Hit best) {
        return h.synonym.after() != null && best.synonym.after() == null;
    }

    /**
     * Whether a synonym that names a figure only after a figure of another code ("新引进项目13个,总投资15.13亿元")
     * stands in the clause right after such a figure; any other synonym always may.
     */
    private boolean follows(String norm, Hit h, Figure previous) {
        if (h.synonym.after() == null) {
            return true;
        }
        if (previous == null
                || !h.synonym.after().equals(previous.indicator())
                || previous.end() > h.start
                || h.start - previous.end() > FOLLOW_REACH) {
            return false;
        }
        // "新签约项目26个,其中重大项目8个": a part word or a size class between them still follows.
        String between = norm.substring(previous.end(), h.start);
        for (Kind k : List.of(Kind.PART_WORD, Kind.SIZE_CLASS)) {
            for (Rule r : rules.rules(k)) {
                between = r.pattern().matcher(between).replaceAll("");
            }
        }
        return between.chars().allMatch(c -> CLAUSE_BREAKS.indexOf(c) >= 0 || Character.isWhitespace(c));
    }

    /** How far after the figure it follows an {@code after:} name may stand ("13个,其中10亿元以上重大项目"). */
    private static final int FOLLOW_REACH = 16;

    private Named convert(Hit h, String unit, Map<String, CatalogEntry> catalog, int gap, boolean forward, String how) {
        CatalogEntry entry = catalog.get(h.synonym.code());
        NarrativeRules.Code other = rules.code(h.synonym.code());
        // A pipeline code keeps its owner's unit even if the catalog had an indicator of that name.
        String target = other != null && other.pipeline()
                ? other.unit()
                : entry != null ? entry.unit() : other != null ? other.unit() : null;
        if (target == null) {
            return null;
        }
        Integer shift = rules.shift(unit, target);
        if (shift == null) {
            return null;
        }
        return new Named(h, h.synonym, target, shift, gap, forward, how);
    }

    // ---- numerals ---------------------------------------------------------------------------------------

    static Integer chineseOrDigits(String s) {
        if (s == null) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(s);
        }
        BigDecimal v = chineseNumber(s);
        return v == null ? null : v.intValue();
    }

    /** 三十五 → 35, 一百二十 → 120, 两千零八 → 2008; null for what is not a numeral. */
    static BigDecimal chineseNumber(String s) {
        long total = 0, current = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = "零〇一二三四五六七八九".indexOf(c);
            if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                current = c == '零' || c == '〇' ? current : (c == '两' ? 2 : d - 1);
                any = true;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
            if (unit == 0) {
                return null;
            }
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
            any = true;
        }
        return any ? BigDecimal.valueOf(total + current) : null;
    }
}
