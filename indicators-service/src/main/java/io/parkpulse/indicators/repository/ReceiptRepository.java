package io.parkpulse.indicators.repository;

import io.parkpulse.indicators.domain.ReportReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The register of the days the bureau received the parks' monthly reports. */
@ApplicationScoped
public class ReceiptRepository {

    public List<ReportReceived> ofPark(String park) {
        return ReportReceived.list("id.park = ?1 order by id.period", park);
    }

    /** The month's registered receipts, by park. */
    public Map<String, LocalDate> ofMonth(String period) {
        Map<String, LocalDate> out = new HashMap<>();
        for (ReportReceived r : ReportReceived.<ReportReceived>list("id.period = ?1", period)) {
            out.put(r.id.park(), r.receivedOn);
        }
        return out;
    }

    /** The receipt, locked until the transaction ends: two admins registering one report do not both make version 2. */
    public ReportReceived forUpdate(String park, String period) {
        return ReportReceived.findById(new ReportReceived.Key(park, period), LockModeType.PESSIMISTIC_WRITE);
    }
}
