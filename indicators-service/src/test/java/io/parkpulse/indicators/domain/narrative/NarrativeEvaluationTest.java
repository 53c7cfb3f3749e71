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
 * The extractor measured against figures labelled by hand from the six real reports of shared/corpus
 * (src/test/resources/narrative/labels.tsv). A proposed figure counts as right when indicator, period and exact
 * value (in the catalog's unit) equal a label's; precision and recall are printed per report and overall. The
 * rules were written with these reports in view, so this is an in-sample measure: it guards against regressions
 * and shows what the rules do on real text; a new corpus report should be labelled before the rules are tuned.
 */
class NarrativeEvaluationTest {

    /** The year the evaluation states for reports that mask theirs ("**年"), as a caller's override would. */
    static final int MASKED_YEAR = 2018;

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

    @Test
    void precisionAndRecallOnTheCorpus() {
        NarrativeExtractor extractor = new NarrativeExtractor();
        List<CatalogEntry> catalog = catalog();
        List<Label> labels = labels();
        Map<String, int[]> table = new LinkedHashMap<>();
        int tp = 0, fp = 0, fn = 0;
        List<String> wrongRates = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (int r = 1; r <= 6; r++) {
            String report = "report-0" + r;
            String text = resource("narrative/" + report + ".txt");
            var result = extractor.extract(text, catalog, null, MASKED_YEAR);
            // The labels hold catalog figures only so far: pipeline figures are measured once they are labelled.
            List<Figure> proposed =
                    result.proposed().stream().filter(Figure::storable).toList();
            detail.append(report)
                    .append(": period ")
                    .append(result.period())
                    .append(" from “")
                    .append(result.detected().evidence())
                    .append("”\n");
            for (Figure f : result.figures()) {
                if (!f.storable()) {
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
            List<Label> expected =
                    labels.stream().filter(l -> l.report().equals(report)).toList();
            List<Label> unmatched = new ArrayList<>(expected);
            int rtp = 0, rfp = 0;
            for (Figure f : proposed) {
                // Every proposed figure points at its own words: the span lies in its sentence and holds the figure.
                assertTrue(f.sentenceStart() <= f.start() && f.end() <= f.sentenceEnd(), f.toString());
                assertTrue(text.substring(f.start(), f.end()).contains(f.stated()), f.toString());
                assertEquals(f.sentence(), text.substring(f.sentenceStart(), f.sentenceEnd()));
                Label hit =
                        unmatched.stream().filter(l -> same(f, l)).findFirst().orElse(null);
                if (hit != null) {
                    unmatched.remove(hit);
                    rtp++;
                    if (!eq(hit.growth(), f.growthPct()) || !eq(hit.completion(), f.completionPct())) {
                        wrongRates.add(report + " " + f.indicator() + ": growth " + f.growthPct() + " completion "
                                + f.completionPct() + ", labelled " + hit.growth() + " / " + hit.completion());
                    }
                } else {
                    rfp++;
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
            table.put(report, new int[] {expected.size(), proposed.size(), rtp});
            tp += rtp;
            fp += rfp;
            fn += unmatched.size();
        }
        StringBuilder out = new StringBuilder(
                "\n| report | labelled | proposed | correct | precision | recall |\n" + "|---|---|---|---|---|---|\n");
        table.forEach((report, v) -> out.append(row(report, v[0], v[1], v[2])));
        out.append(row("overall", tp + fn, tp + fp, tp));
        System.out.println(out);
        System.out.println(detail);
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        assertTrue(precision >= 0.95, "overall precision " + precision + "\n" + detail);
        assertTrue(recall >= 0.85, "overall recall " + recall + "\n" + detail);
        assertEquals(List.of(), wrongRates, "stated growth and completion read with the matched figures");
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String row(String name, int labelled, int proposed, int correct) {
        String p = proposed == 0 ? "—" : String.format("%.1f %%", 100.0 * correct / proposed);
        String r = labelled == 0 ? "—" : String.format("%.1f %%", 100.0 * correct / labelled);
        return "| " + name + " | " + labelled + " | " + proposed + " | " + correct + " | " + p + " | " + r + " |\n";
    }

    @Test
    void aTemplateFullOfPlaceholdersGivesNoFigure() {
        String text = resource("narrative/template-placeholders.txt");
        var result = new NarrativeExtractor().extract(text, catalog(), null, MASKED_YEAR);
        assertEquals(List.of(), result.figures(), "placeholders and stripped numbers are no figures");
    }
}
