package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ReportReceipt;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.domain.ReportReceived;
import io.parkpulse.indicators.repository.ReceiptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * 报表签收登记: a bureau admin registers the day a park's monthly report reached the bureau. Completeness judges
 * "on time" on the earlier of that day and the moment the values were first stored, so a report handed in on
 * paper before the deadline and keyed in afterwards is not counted late.
 */
@ApplicationScoped
public class ReceiptService {

    static final int MAX_NOTE = 500;

    @Inject
    ParkService parks;

    @Inject
    Outbox outbox;

    @Inject
    ReceiptRepository receipts;

    public List<ReportReceived> list(String park) {
        parks.require(park);
        return receipts.ofPark(park);
    }

    @Transactional
    public ReportReceived record(String park, String periodText, LocalDate receivedOn, String note, String user) {
        parks.require(park);
        YearMonth period = Periods.month(periodText, "period");
        if (receivedOn == null) {
            throw ProblemException.badRequest(
                    "receivedOn", "required", "请填写收到报表的日期（YYYY-MM-DD）", "give the day the report arrived (YYYY-MM-DD)");
        }
        LocalDate today = LocalDate.now(Periods.ZONE);
        if (receivedOn.isAfter(today)) {
            throw ProblemException.unprocessable(
                    "receivedOn",
                    "in_future",
                    "收到日期" + chinese(receivedOn) + "晚于今天（" + chinese(today) + "），不能预先登记",
                    "the day " + receivedOn + " is after today (" + today + ")");
        }
        if (receivedOn.isBefore(period.atDay(1))) {
            throw ProblemException.unprocessable(
                    "receivedOn",
                    "before_period",
                    "收到日期" + chinese(receivedOn) + "早于报告期" + Periods.chinese(period) + "，" + Periods.chinese(period)
                            + "的月报不可能在此之前报送",
                    "the day " + receivedOn + " is before the month " + period + " it reports");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw ProblemException.badRequest(
                    "note",
                    "too_long",
                    "备注最多" + MAX_NOTE + "个字，现有" + note.length() + "个字",
                    "at most " + MAX_NOTE + " characters");
        }
        ReportReceived r = receipts.forUpdate(park, period.toString());
        if (r == null) {
            r = new ReportReceived();
            r.id = new ReportReceived.Key(park, period.toString());
            r.version = 1;
        } else {
            r.version++;
        }
        r.receivedOn = receivedOn;
        r.note = note == null || note.isBlank() ? null : note.strip();
        r.recordedBy = user;
        r.recordedAt = OffsetDateTime.now();
        r.persist();
        outbox.publishAll(List.of(new Outbox.Message(
                Topics.INDICATORS,
                EventTypes.REPORT_RECEIVED,
                park,
                new ReportReceipt(park, r.id.period(), r.receivedOn, r.note, r.version, r.recordedBy, r.recordedAt))));
        return r;
    }

    private static String chinese(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }
}
