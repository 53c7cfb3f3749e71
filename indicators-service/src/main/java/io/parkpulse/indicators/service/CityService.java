package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.indicators.config.ReportingSettings;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.repository.CityQueries;
import io.parkpulse.indicators.repository.IndicatorRepository;
import io.parkpulse.indicators.repository.ParkRepository;
import io.parkpulse.indicators.repository.ReceiptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the bureau looks at across parks for a month: the city table and who has reported. */
@ApplicationScoped
public class CityService {

    @Inject
    CityQueries city;

    @Inject
    IndicatorRepository catalog;

    @Inject
    ParkRepository parks;

    @Inject
    ReportingSettings reporting;

    @Inject
    ReceiptRepository receipts;

    public record Completeness(
            String park,
            String parkName,
            int mandatory,
            int reported,
            List<String> missing,
            OffsetDateTime completedAt,
            OffsetDateTime deadline,
            String status,
            long openFlags,
            LocalDate receivedOn) {}

    /**
     * Which active parks reported every mandatory indicator for the month, and whether on time. The
     * time that counts is when the server first received each value (from the audit trail), never a
     * date the park sets, or the day a bureau admin registered the report as received if that is earlier.
     */
    public List<Completeness> completeness(String periodText, String onlyPark) {
        YearMonth period = Periods.month(periodText, "period");
        OffsetDateTime deadline = ZonedDateTime.of(
                        period.plusMonths(1)
                                .atDay(Math.min(reporting.deadlineDay(), 28))
                                .atTime(23, 59, 59),
                        Periods.ZONE)
                .toOffsetDateTime();
        List<Indicator> mandatory = catalog.mandatoryActive();
        Map<String, Map<String, OffsetDateTime>> firstReceipt = new HashMap<>();
        for (CityQueries.FirstReceipt r : city.firstReceipts(period.toString())) {
            firstReceipt.computeIfAbsent(r.park(), k -> new HashMap<>()).put(r.indicator(), r.first());
        }
        Map<String, Long> openFlags = new HashMap<>();
        for (CityQueries.OpenFlags f : city.openFlags(period.toString())) {
            openFlags.put(f.park(), f.count());
        }
        Map<String, LocalDate> received = receipts.ofMonth(period.toString());
        OffsetDateTime now = OffsetDateTime.now();
        List<Completeness> out = new ArrayList<>();
        for (Park p : onlyPark == null ? parks.active() : parks.only(onlyPark)) {
            Map<String, OffsetDateTime> got = firstReceipt.getOrDefault(p.code, Map.of());
            List<String> missing = new ArrayList<>();
            OffsetDateTime completedAt = null;
            for (Indicator i : mandatory) {
                OffsetDateTime t = got.get(i.code);
                if (t == null) {
                    missing.add(i.code);
                } else if (completedAt == null || t.isAfter(completedAt)) {
                    completedAt = t;
                }
            }
            String status;
            if (!missing.isEmpty()) {
                completedAt = null;
                status = now.isAfter(deadline) ? "OVERDUE" : "INCOMPLETE";
            } else {
                LocalDate receivedOn = received.get(p.code);
                if (receivedOn != null) {
                    OffsetDateTime receipt =
                            receivedOn.atStartOfDay(Periods.ZONE).toOffsetDateTime();
                    if (receipt.isBefore(completedAt)) {
                        completedAt = receipt;
                    }
                }
                status = completedAt.isAfter(deadline) ? "LATE" : "ON_TIME";
            }
            out.add(new Completeness(
                    p.code,
                    p.name,
                    mandatory.size(),
                    mandatory.size() - missing.size(),
                    missing,
                    completedAt,
                    deadline,
                    status,
                    openFlags.getOrDefault(p.code, 0L),
                    received.get(p.code)));
        }
        return out;
    }

    public record CityRow(
            String park, String parkName, String level, String peerGroup, Map<String, BigDecimal> values) {}

    public record CityTable(String period, List<String> indicators, Map<String, String> units, List<CityRow> rows) {}

    /** Every active park's values of the chosen indicators for a month, sorted on one of them. */
    public CityTable table(String periodText, List<String> indicators, String sortBy, boolean ascending) {
        YearMonth period = Periods.month(periodText, "period");
        if (indicators.isEmpty() || indicators.size() > 30) {
            throw ProblemException.badRequest(
                    "indicators", "invalid", "请列出1至30个指标代码，用英文逗号分隔", "name 1 to 30 indicator codes, comma-separated");
        }
        Map<String, String> units = new LinkedHashMap<>();
        for (String code : indicators) {
            Indicator i = catalog.find(code);
            if (i == null) {
                throw ValueService.unknownIndicator(400, "indicators", code);
            }
            units.put(code, i.unit);
        }
        if (sortBy != null && !units.containsKey(sortBy) && !sortBy.equals("park")) {
            throw ProblemException.badRequest(
                    "sort", "invalid", "排序应为 park（按园区）或所选指标代码之一", "sort by 'park' or one of the chosen indicators");
        }
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (CityQueries.ParkValue r : city.values(period.toString(), indicators)) {
            values.computeIfAbsent(r.park(), k -> new LinkedHashMap<>()).put(r.indicator(), r.value());
        }
        List<CityRow> out = new ArrayList<>();
        for (Park p : parks.active()) {
            Map<String, BigDecimal> v = new LinkedHashMap<>();
            for (String code : indicators) {
                v.put(code, values.getOrDefault(p.code, Map.of()).get(code));
            }
            out.add(new CityRow(p.code, p.name, p.level.name(), p.peerGroup, v));
        }
        if (sortBy != null && !sortBy.equals("park")) {
            // Parks that did not report sort last either way.
            Comparator<BigDecimal> byValue = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
            out.sort(Comparator.comparing((CityRow r) -> r.values().get(sortBy), Comparator.nullsLast(byValue))
                    .thenComparing(CityRow::park));
        } else if (!ascending) {
            out.sort(Comparator.comparing(CityRow::park).reversed());
        }
        return new CityTable(period.toString(), indicators, units, out);
    }
}
