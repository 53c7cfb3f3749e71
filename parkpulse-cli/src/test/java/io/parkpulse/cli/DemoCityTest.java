package io.parkpulse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo city must read like a real one to a bureau analyst. The bounds are those in docs/demo.md, written here
 * again on purpose: loosening the generator must fail this test rather than move the goalposts with it.
 */
class DemoCityTest {

    /** The demo's default seed with a late month, and other seeds and months where the year has barely begun. */
    static Stream<Arguments> cities() {
        return Stream.of(
                Arguments.of(20261122L, YearMonth.of(2026, 10)),
                Arguments.of(20261122L, YearMonth.of(2026, 12)),
                Arguments.of(7L, YearMonth.of(2025, 6)),
                Arguments.of(42L, YearMonth.of(2027, 2)));
    }

    private static final Map<String, double[]> TAX_PER_MU = Map.of(
            "HIGH_TECH_ZONE", new double[] {10, 45},
            "ECONOMIC_DEVELOPMENT_ZONE", new double[] {6, 35},
            "INDUSTRIAL_PARK", new double[] {2, 15});

    private static final Map<String, double[]> OUTPUT_YI = Map.of(
            "NATIONAL", new double[] {250, 1200},
            "PROVINCIAL", new double[] {40, 350},
            "MUNICIPAL", new double[] {10, 120});

    private static Map<String, BigDecimal> byKey(DemoCity city) {
        Map<String, BigDecimal> m = new HashMap<>();
        city.values.forEach(v -> m.put(v.park() + "/" + v.period() + "/" + v.indicator(), v.value()));
        return m;
    }

    @ParameterizedTest
    @MethodSource("cities")
    void mostReportsArriveOnTimeAndTheLastMonthHasLateAndMissingParks(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        int months = 24 + last.getMonthValue();
        assertEquals(city.parks.size() * months - 2, city.receipts.size(), "one receipt a park and month, but two");
        long late = city.receipts.stream()
                .filter(r -> r.receivedOn().getDayOfMonth() > 10)
                .count();
        assertTrue(late > 2 && late < city.receipts.size() / 10, late + " late of " + city.receipts.size());
        city.receipts.forEach(
                r -> assertEquals(r.period().plusMonths(1), YearMonth.from(r.receivedOn()), r.toString()));
        List<DemoCity.Receipt> lastMonth =
                city.receipts.stream().filter(r -> r.period().equals(last)).toList();
        assertEquals(city.parks.size() - 2, lastMonth.size());
        assertEquals(
                2,
                lastMonth.stream()
                        .filter(r -> r.receivedOn().getDayOfMonth() > 10)
                        .count());
        assertEquals(
                Set.of("employees", "above_scale_enterprises"),
                Set.copyOf(city.withheld.stream().map(DemoCity.Value::indicator).toList()));
        assertEquals(2, city.withheld.size());
        for (DemoCity.Value w : city.withheld) {
            assertEquals(last.toString(), w.period());
            assertTrue(city.receipts.stream()
                    .noneMatch(r -> r.park().equals(w.park()) && r.period().equals(last)));
            assertTrue(city.values.stream()
                    .noneMatch(v -> v.park().equals(w.park())
                            && v.period().equals(w.period())
                            && v.indicator().equals(w.indicator())));
        }
    }

    @ParameterizedTest
    @MethodSource("cities")
    void noTwoFlowIndicatorsOfAParkGrowAlikeInAMonth(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        Map<String, BigDecimal> v = byKey(city);
        int compared = 0;
        for (DemoCity.Park p : city.parks) {
            for (YearMonth m = YearMonth.of(last.getYear() - 1, 1); !m.isAfter(last); m = m.plusMonths(1)) {
                Map<BigDecimal, String> seen = new HashMap<>();
                for (String indicator : DemoCity.FLOWS) {
                    BigDecimal now = v.get(p.code() + "/" + m + "/" + indicator);
                    BigDecimal before = v.get(p.code() + "/" + m.minusYears(1) + "/" + indicator);
                    if (before.signum() <= 0) {
                        continue;
                    }
                    String other = seen.put(DemoCity.growth(now, before), indicator);
                    assertEquals(
                            null,
                            other,
                            p.code() + " " + m + ": " + indicator + " and " + other + " both grow "
                                    + DemoCity.growth(now, before) + " %");
                    compared++;
                }
            }
        }
        assertTrue(compared > 12 * 11 * 12, "compared only " + compared + " growth rates");
    }

    @ParameterizedTest
    @MethodSource("cities")
    void aParksGrowthVariesFromMonthToMonth(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        Map<String, BigDecimal> v = byKey(city);
        for (DemoCity.Park p : city.parks) {
            for (String indicator : DemoCity.FLOWS) {
                Map<BigDecimal, Integer> times = new HashMap<>();
                for (YearMonth m = YearMonth.of(last.getYear() - 1, 1); !m.isAfter(last); m = m.plusMonths(1)) {
                    BigDecimal before = v.get(p.code() + "/" + m.minusYears(1) + "/" + indicator);
                    if (before.signum() > 0) {
                        BigDecimal g = DemoCity.growth(v.get(p.code() + "/" + m + "/" + indicator), before);
                        int n = times.merge(g, 1, Integer::sum);
                        // Cumulative growth settles late in the year, so a rate may recur a few months, never most of
                        // them.
                        assertTrue(n <= 3, p.code() + " " + indicator + " grows " + g + " % in " + n + " months");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cities")
    void februaryIsTheWeakestMonthAndDecemberTheStrongest(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        Map<String, BigDecimal> v = byKey(city);
        for (DemoCity.Park p : city.parks) {
            for (int year = last.getYear() - 2; year < last.getYear(); year++) {
                List<BigDecimal> flows = new ArrayList<>();
                BigDecimal before = BigDecimal.ZERO;
                for (int month = 1; month <= 12; month++) {
                    BigDecimal cum = v.get(p.code() + "/" + YearMonth.of(year, month) + "/industrial_output");
                    flows.add(cum.subtract(before));
                    before = cum;
                }
                BigDecimal feb = flows.get(1);
                BigDecimal dec = flows.get(11);
                assertEquals(feb, flows.stream().min(BigDecimal::compareTo).orElseThrow(), p.code() + " " + year);
                assertEquals(dec, flows.stream().max(BigDecimal::compareTo).orElseThrow(), p.code() + " " + year);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cities")
    void taxPerMuStaysWithinItsKindsRange(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        Map<String, BigDecimal> v = byKey(city);
        for (DemoCity.Park p : city.parks) {
            double[] bounds = TAX_PER_MU.get(p.kind());
            for (int year = last.getYear() - 2; year < last.getYear(); year++) {
                double perMu = v.get(p.code() + "/" + year + "-12/tax_revenue").doubleValue()
                        / p.landMu().doubleValue();
                assertTrue(
                        perMu >= bounds[0] && perMu <= bounds[1],
                        p.code() + " (" + p.kind() + ") " + year + ": 亩均税收 " + perMu + " 万元/亩");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cities")
    void outputFitsTheParksLevel(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        Map<String, BigDecimal> v = byKey(city);
        for (int year = last.getYear() - 2; year < last.getYear(); year++) {
            double nationalLeast = Double.MAX_VALUE;
            double municipalMost = 0;
            for (DemoCity.Park p : city.parks) {
                double yi =
                        v.get(p.code() + "/" + year + "-12/industrial_output").doubleValue() / 10_000;
                double[] bounds = OUTPUT_YI.get(p.level());
                assertTrue(
                        yi >= bounds[0] && yi <= bounds[1],
                        p.code() + " (" + p.level() + ") " + year + ": 工业总产值 " + yi + " 亿元");
                if (p.level().equals("NATIONAL")) {
                    nationalLeast = Math.min(nationalLeast, yi);
                }
                if (p.level().equals("MUNICIPAL")) {
                    municipalMost = Math.max(municipalMost, yi);
                }
            }
            assertTrue(nationalLeast > 2 * municipalMost, year + ": a national zone is not far above a municipal park");
        }
    }

    @ParameterizedTest
    @MethodSource("cities")
    void leadBornProjectsProgressAfterLanding(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        LocalDate end = last.atEndOfMonth();
        int started = 0;
        int completed = 0;
        for (DemoCity.Lead l : city.leads) {
            if (l.startedOn() != null) {
                started++;
                assertTrue(l.startedOn().isAfter(l.landedOn()) && !l.startedOn().isAfter(end), l.toString());
            }
            if (l.completedOn() != null) {
                completed++;
                assertTrue(
                        l.completedOn().isAfter(l.startedOn())
                                && !l.completedOn().isAfter(end),
                        l.toString());
            }
        }
        assertTrue(started - completed >= 1, "no lead-born project under construction");
        assertTrue(completed >= 1, "no lead-born project completed");
    }

    @ParameterizedTest
    @MethodSource("cities")
    void datesAreSpreadOverTheYear(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        LocalDate end = last.atEndOfMonth();
        List<LocalDate> suspended = new ArrayList<>();
        for (DemoCity.Project p : city.projects) {
            if (p.suspendedOn() != null) {
                suspended.add(p.suspendedOn());
                assertTrue(
                        p.suspendedOn().isAfter(p.stageSince())
                                && !p.suspendedOn().isAfter(end),
                        p.toString());
            }
        }
        assertTrue(suspended.size() >= 2, "too few suspensions to judge: " + suspended);
        assertTrue(new HashSet<>(suspended).size() > suspended.size() / 2, "suspensions bunch up: " + suspended);
        Set<LocalDate> signings = new HashSet<>();
        city.leads.stream().filter(l -> l.signedOn() != null).forEach(l -> signings.add(l.signedOn()));
        city.projects.forEach(p -> signings.add(p.signedOn()));
        long signed = city.leads.stream().filter(l -> l.signedOn() != null).count() + city.projects.size();
        assertTrue(signings.size() > signed * 3 / 4, signings.size() + " signing dates for " + signed + " signings");
        Set<Integer> days = new HashSet<>();
        signings.forEach(d -> days.add(d.getDayOfMonth()));
        assertTrue(days.size() >= 10, "signings fall on only these days of the month: " + days);
    }

    @ParameterizedTest
    @MethodSource("cities")
    void fundsInPlaceStayWithinTheContractAndGrowPlausibly(long seed, YearMonth last) {
        DemoCity city = new DemoCity(seed, last);
        BigDecimal thisYear = BigDecimal.ZERO;
        BigDecimal lastYear = BigDecimal.ZERO;
        int landed = 0;
        for (DemoCity.Lead l : city.leads) {
            BigDecimal total = BigDecimal.ZERO;
            for (var f : l.funds().entrySet()) {
                YearMonth m = YearMonth.parse(f.getKey());
                assertFalse(m.isBefore(YearMonth.from(l.landedOn())) || m.isAfter(last), l.toString());
                assertTrue(f.getValue().signum() > 0, l.toString());
                total = total.add(f.getValue());
                if (m.getYear() == last.getYear()) {
                    thisYear = thisYear.add(f.getValue());
                }
                if (m.getYear() == last.getYear() - 1 && m.getMonthValue() <= last.getMonthValue()) {
                    lastYear = lastYear.add(f.getValue());
                }
            }
            if (l.landedOn() != null) {
                landed++;
                assertTrue(total.compareTo(l.contracted()) <= 0, "funds " + total + " above contracted: " + l);
            }
        }
        assertTrue(landed >= 5, "only " + landed + " landed leads");
        assertTrue(lastYear.signum() > 0, "no funds in the same period last year");
        BigDecimal growth = DemoCity.growth(thisYear, lastYear);
        System.out.println(
                seed + " " + last + " funds YTD growth " + growth + " % (" + thisYear + " vs " + lastYear + ")");
        assertTrue(
                growth.compareTo(BigDecimal.valueOf(-40)) >= 0 && growth.compareTo(BigDecimal.valueOf(150)) <= 0,
                "funds in place grow " + growth.setScale(2, RoundingMode.HALF_UP) + " % year on year");
    }
}
