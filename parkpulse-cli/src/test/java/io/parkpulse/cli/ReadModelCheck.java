package io.parkpulse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.infra.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fault-injection suite's one judgement: NOTHING LOST AND NOTHING COUNTED TWICE. It reads what the owning
 * service holds (indicators-service: every value of the given parks, through its public API with an admin token)
 * and what reporting-service's read model shows (its rankings, one per indicator and month, and the city's
 * totals), and compares them row by row. A lost event leaves a source row missing or at an older value in the
 * read model; an event applied twice, or an old version applied after a new one, leaves a different value or a
 * city total that is not the sum of the parks' values.
 */
final class ReadModelCheck {

    private final String indicators;
    private final String reporting;
    private final List<String> parks;
    private final Api admin = new Api(Tokens.token("bureau-admin", null));

    ReadModelCheck(String indicatorsBase, String reportingBase, List<String> parks) {
        this.indicators = indicatorsBase + "/api/v1";
        this.reporting = reportingBase + "/api/v1";
        this.parks = List.copyOf(parks);
    }

    /** {@code park|indicator|period} → value, as the owning service stores it now. */
    Map<String, BigDecimal> source() {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (String park : parks) {
            for (int page = 0; ; page++) {
                JsonNode body = admin.get(
                                indicators + "/parks/" + park + "/values",
                                Map.of("size", "500", "page", Integer.toString(page)))
                        .expect(200)
                        .body();
                body.get("items")
                        .forEach(v -> out.put(
                                key(
                                        park,
                                        v.get("indicator").asText(),
                                        v.get("period").asText()),
                                v.get("value").decimalValue()));
                if ((long) (page + 1) * 500 >= body.get("total").asLong()) {
                    break;
                }
            }
        }
        return out;
    }

    /** The same rows as reporting-service shows them, for every indicator and month the source has. */
    Map<String, BigDecimal> readModel(Set<String> indicatorMonths) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (String im : indicatorMonths) {
            String[] p = im.split("\\|");
            Api.Reply reply =
                    admin.get(reporting + "/rankings", Map.of("indicator", p[0], "period", p[1], "size", "500"));
            if (reply.status() == 400
                    && "unknown_indicator".equals(reply.body().path("code").asText())) {
                // No event with this indicator has been applied at all: every source row of it is missing.
                continue;
            }
            JsonNode r = reply.expect(200).body();
            r.get("entries").forEach(e -> {
                String park = e.get("park").asText();
                if (parks.contains(park) && !e.get("value").isNull()) {
                    out.put(key(park, p[0], p[1]), e.get("value").decimalValue());
                }
            });
        }
        return out;
    }

    /**
     * Every difference between the source and the read model, one line per row; then, per month, every indicator
     * whose city total is not the sum of the source's values (the read model's aggregate side: a value counted
     * twice shows there even where a ranking would not).
     */
    List<String> differences() {
        Map<String, BigDecimal> source = source();
        Set<String> indicatorMonths = new TreeSet<>();
        source.keySet().forEach(k -> {
            String[] p = k.split("\\|");
            indicatorMonths.add(p[1] + "|" + p[2]);
        });
        Map<String, BigDecimal> read = readModel(indicatorMonths);
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new TreeSet<>(source.keySet());
        keys.addAll(read.keySet());
        for (String k : keys) {
            BigDecimal s = source.get(k);
            BigDecimal r = read.get(k);
            if (s == null || r == null || s.compareTo(r) != 0) {
                diffs.add(k + ": source " + s + ", read model " + r);
            }
        }
        if (!diffs.isEmpty()) {
            return diffs;
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        source.forEach((k, v) -> {
            String[] p = k.split("\\|");
            sums.merge(p[2] + "|" + p[1], v, BigDecimal::add);
        });
        Set<String> months = new TreeSet<>();
        sums.keySet().forEach(k -> months.add(k.split("\\|")[0]));
        for (String month : months) {
            JsonNode city = admin.get(reporting + "/city/figures", Map.of("period", month))
                    .expect(200)
                    .body();
            Map<String, BigDecimal> totals = new TreeMap<>();
            city.get("indicators").forEach(i -> {
                if (!i.get("value").isNull()) {
                    totals.put(i.get("indicator").asText(), i.get("value").decimalValue());
                }
            });
            sums.forEach((k, expected) -> {
                String[] p = k.split("\\|");
                if (p[0].equals(month)) {
                    BigDecimal total = totals.get(p[1]);
                    if (total == null || total.compareTo(expected) != 0) {
                        diffs.add("city total " + k + ": sum of the source " + expected + ", read model " + total);
                    }
                }
            });
        }
        return diffs;
    }

    /**
     * Waits until the read model equals the source (events take a moment to arrive), then returns how many rows
     * were compared; fails naming the rows that still differ when the bound is reached.
     */
    int awaitEqual(String after, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        List<String> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            try {
                last = differences();
            } catch (RuntimeException notAnswering) {
                // a service still starting or recovering: ask again
                last = List.of("not answering: " + notAnswering.getMessage());
            }
            if (last.isEmpty()) {
                return source().size();
            }
            sleep(500);
        }
        throw new AssertionError("after " + after + " the read model does not equal the source within " + bound
                + " (" + last.size() + " differences):\n  "
                + String.join("\n  ", last.subList(0, Math.min(40, last.size()))));
    }

    static String key(String park, String indicator, String period) {
        return park + "|" + indicator + "|" + Objects.requireNonNull(period);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
