package io.parkpulse.indicators.domain.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.indicators.domain.narrative.NarrativeExtractor.CatalogEntry;
import io.parkpulse.indicators.domain.narrative.NarrativeExtractor.Figure;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The extractor measured against figures labelled by hand (src/test/resources/narrative/labels.tsv), on three sets:
 * the six real reports of shared/corpus; the development reports, heldout-01 and -02, written by someone who did not
 * know the rules, first measured blind and since tuned on; and the test reports, heldout-03 and -04, written and
 * labelled by someone else before anyone ran the rules on them, and never tuned on. A proposed figure counts as
 * right when code, period and exact value (in the code's unit) equal a label's; precision and recall are printed
 * per report, and per code family: the catalog's indicators and the pipeline figures other services own. Only the
 * test set says how the rules generalise: the other two are in-sample and guard against regressions (a test report
 * used for tuning stops being one: write new ones).
 */
class NarrativeEvaluationTest {

    /** The year the evaluation states for reports that mask theirs ("**年"), as a caller's override would. */
    static final int MASKED_YEAR = 2018;

    static final List<String> CORPUS =
            List.of("report-01", "report-02", "report-03", "report-04", "report-05", "report-06");

    /** Written blind to the rules, measured once blind (precision 60.6 %, recall 80.0 %), then tuned on. */
    static final List<String> DEVELOPMENT = List.of("heldout-01", "heldout-02");

    /** Written and labelled blind to the rules and never tuned on; measured only when their files are there. */
    static final List<String> TEST = List.of("heldout-03", "heldout-04");

    record Label(
            String report,
            String indicator,
            String period,
            BigDecimal value,
            String unit,
            BigDecimal growth,
            BigDecimal completion,
            String sentence) {}

    /** The seeded catalog, read from the migration that seeds it, so the test proposes what the service would. */
    static List<CatalogEntry> catalog() {
        String sql = resource("db/migration/V1__registry_catalog_values.sql");
        Matcher m = Pattern.compile("\\('([a-z_]+)',\\s*'([^']*)',\\s*'[^']*',\\s*'([^']*)',\\s*'(CUMULATIVE|STOCK)'")
                .matcher(sql);
        List<CatalogEntry> out = new ArrayList<>();
        while (m.find()) {
            out.add(new CatalogEntry(m.group(1), m.group(2), m.group(3)));
        }
        assertEquals(21, out.size(), "the seeded catalog has 21 indicators");
        return out;
    }

    static boolean exists(String path) {
        return NarrativeEvaluationTest.class.getClassLoader().getResource(path) != null;
    }

    static String resource(String path) {
        try (InputStream in = NarrativeEvaluationTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    static List<Label> labels() {
        List<Label> out = new ArrayList<>();
        for (String line : resource("narrative/labels.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            out.add(new Label(
                    c[0],
                    c[1],
                    c[2].replace("YYYY", String.valueOf(MASKED_YEAR)),
                    new BigDecimal(c[3]),
                    c[4],
                    c[5].isEmpty() ? null : new BigDecimal(c[5]),
                    c[6].isEmpty() ? null : new BigDecimal(c[6]),
                    c[7]));
        }
        return out;
    }

    static boolean same(Figure f, Label l) {
        return f.indicator().equals(l.indicator())
                && l.period().equals(f.period())
                && f.value().compareTo(l.value()) == 0
                && f.unit().equals(l.unit());
    }

    /** The code family: a figure another service owns (codes.tsv), or one of the catalog's indicators. */
    static String family(String code) {
        return NarrativeRules.defaults().pipeline(code) ? "pipeline" : "catalog";
    }

    /** Labelled, proposed and correct figures of one report or family. */
    static final class Count {
        int labelled;
        int proposed;
        int correct;

        void add(Count o) {
            labelled += o.labelled;
            proposed += o.proposed;
            correct += o.correct;
        }

        double precision() {
            return proposed == 0 ? 1 : (double) correct / proposed;
        }

        double recall() {
            return labelled == 0 ? 1 : (double) correct / labelled;
        }
    }

    /** One evaluation: counts per report, per family, the growth and completion read wrong, and what went wrong. */
    record Evaluation(
            Map<String, Count> reports,
            Map<String, Count> families,
            Count overall,
            List<String> wrongRates,
            String detail) {

        String table() {
            StringBuilder out = new StringBuilder(
                    "| report | labelled | proposed | correct | precision | recall |\n|---|---|---|---|---|---|\n");
            reports.forEach((report, c) -> out.append(row(report, c)));
            out.append(row("overall", overall));
            out.append(
                    "\n| family | labelled | proposed | correct | precision | recall |\n|---|---|---|---|---|---|\n");
            families.forEach((family, c) -> out.append(row(family, c)));
            return out.toString();
        }
    }

    static Evaluation evaluate(List<String> reports) {
        NarrativeExtractor extractor = new NarrativeExtractor();
        List<CatalogEntry> catalog = catalog();
        List<Label> labels = labels();
        Map<String, Count> byReport = new LinkedHashMap<>();
        Map<String, Count> byFamily = new LinkedHashMap<>();
        byFamily.put("catalog", new Count());
        byFamily.put("pipeline", new Count());
        Count overall = new Count();
        List<String> wrongRates = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (String report : reports) {
            String text = resource("narrative/" + report + ".txt");
            var result = extractor.extract(text, catalog, null, MASKED_YEAR);
            detail.append(report)
                    .append(": period ")
                    .append(result.period())
                    .append(" from “")
                    .append(result.detected().evidence())
                    .append("”\n");
            for (Figure f : result.figures()) {
                if (!f.proposed()) {
                    detail.append("  apart ")
                            .append(f.scope())
                            .append(' ')
                            .append(f.indicator())
                            .append(' ')
                            .append(f.stated())
                            .append(" — ")
                            .append(f.why())
                            .append('\n');
                }
            }
            Count here = new Count();
            List<Label> unmatched = new ArrayList<>(
                    labels.stream().filter(l -> l.report().equals(report)).toList());
            here.labelled = unmatched.size();
            unmatched.forEach(l -> byFamily.get(family(l.indicator())).labelled++);
            for (Figure f : result.proposed()) {
                // Every proposed figure points at its own words: the span lies in its sentence and holds the figure.
                assertTrue(f.sentenceStart() <= f.start() && f.end() <= f.sentenceEnd(), f.toString());
                assertTrue(text.substring(f.start(), f.end()).contains(f.stated()), f.toString());
                assertEquals(f.sentence(), text.substring(f.sentenceStart(), f.sentenceEnd()));
                Count family = byFamily.get(family(f.indicator()));
                here.proposed++;
                family.proposed++;
                Label hit =
                        unmatched.stream().filter(l -> same(f, l)).findFirst().orElse(null);
                if (hit != null) {
                    unmatched.remove(hit);
                    here.correct++;
                    family.correct++;
                    if (!eq(hit.growth(), f.growthPct()) || !eq(hit.completion(), f.completionPct())) {
                        wrongRates.add(report + " " + f.indicator() + ": growth " + f.growthPct() + " completion "
                                + f.completionPct() + ", labelled " + hit.growth() + " / " + hit.completion());
                    }
                } else {
                    detail.append("  false positive ")
                            .append(report)
                            .append(": ")
                            .append(f)
                            .append('\n');
                }
            }
            for (Label l : unmatched) {
                detail.append("  missed ").append(report).append(": ").append(l).append('\n');
            }
            byReport.put(report, here);
            overall.add(here);
        }
        return new Evaluation(byReport, byFamily, overall, wrongRates, detail.toString());
    }

    @Test
    void precisionAndRecallOnTheCorpus() {
        Evaluation e = evaluate(CORPUS);
        System.out.println("\nCorpus (in-sample: the rules were tuned on these reports)\n" + e.table());
        System.out.println(e.detail());
        assertTrue(
                e.overall().precision() >= 0.95,
                "overall precision " + e.overall().precision() + "\n" + e.detail());
        assertTrue(e.overall().recall() >= 0.85, "overall recall " + e.overall().recall() + "\n" + e.detail());
        assertEquals(List.of(), e.wrongRates(), "stated growth and completion read with the matched figures");
    }

    /**
     * The development reports: written blind to the rules and first measured so (precision 60.6 %, recall 80.0 %),
     * then tuned on, which made them in-sample. The floor sits just under what the tuned rules reach (100 % and
     * 100 %: 25 figures, so one figure is 4 points), as a regression guard like the corpus's.
     */
    @Test
    void precisionAndRecallOnTheDevelopmentReports() {
        Evaluation e = evaluate(DEVELOPMENT);
        System.out.println("\nDevelopment (written blind to the rules, then tuned on)\n" + e.table());
        System.out.println(e.detail());
        assertTrue(e.overall().labelled > 0, "the development reports are labelled");
        assertTrue(
                e.overall().precision() >= 0.95,
                "development precision " + e.overall().precision() + "\n" + e.detail());
        assertTrue(
                e.overall().recall() >= 0.95,
                "development recall " + e.overall().recall() + "\n" + e.detail());
        assertEquals(List.of(), e.wrongRates(), "stated growth and completion read with the matched figures");
    }

    /**
     * The test reports, written and labelled blind to the rules and never tuned on: the only measure of how the
     * rules generalise. Printed in full; the assertion is only a low floor (precision 50 %, recall 60 %) against a
     * change that breaks what generalises, no target to tune for. Reports whose file is not there are left out,
     * and with none there is nothing to measure.
     */
    @Test
    void precisionAndRecallOnTheTestReports() {
        List<String> present =
                TEST.stream().filter(r -> exists("narrative/" + r + ".txt")).toList();
        if (present.isEmpty()) {
            System.out.println("\nTest (never tuned on): no test report present, nothing measured");
            return;
        }
        Evaluation e = evaluate(present);
        System.out.println("\nTest (written and labelled blind to the rules, never tuned on)\n" + e.table());
        System.out.println(e.detail());
        System.out.println("growth or completion read wrong: " + e.wrongRates());
        assertTrue(e.overall().labelled > 0, "the test reports are labelled");
        assertTrue(
                e.overall().precision() >= 0.50, "test precision " + e.overall().precision());
        assertTrue(e.overall().recall() >= 0.60, "test recall " + e.overall().recall());
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String row(String name, Count c) {
        String p = c.proposed == 0 ? "—" : String.format("%.1f %%", 100.0 * c.correct / c.proposed);
        String r = c.labelled == 0 ? "—" : String.format("%.1f %%", 100.0 * c.correct / c.labelled);
        return "| " + name + " | " + c.labelled + " | " + c.proposed + " | " + c.correct + " | " + p + " | " + r
                + " |\n";
    }

    @Test
    void aTemplateFullOfPlaceholdersGivesNoFigure() {
        String text = resource("narrative/template-placeholders.txt");
        var result = new NarrativeExtractor().extract(text, catalog(), null, MASKED_YEAR);
        assertEquals(List.of(), result.figures(), "placeholders and stripped numbers are no figures");
    }
}
