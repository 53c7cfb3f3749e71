package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.indicators.domain.CorrectionWindow;
import io.parkpulse.indicators.domain.PeriodLock;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.repository.CorrectionWindowRepository;
import io.parkpulse.indicators.repository.LockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Correction windows: a bureau admin lets one park correct one locked month, with a reason, for a while. */
@ApplicationScoped
public class CorrectionService {

    static final Duration MAX = Duration.ofDays(30);

    @Inject
    ParkService parks;

    @Inject
    CorrectionWindowRepository windows;

    @Inject
    LockRepository locks;

    /** The park's correction windows, open and past, oldest first. */
    public List<CorrectionWindow> list(String park) {
        parks.require(park);
        return windows.ofPark(park);
    }

    @Transactional
    public CorrectionWindow open(String park, String periodText, String reason, Integer hours, String user) {
        parks.require(park);
        String period = Periods.month(periodText, "period").toString();
        if (locks.find(period) == null) {
            throw ProblemException.unprocessable(
                    "period",
                    "not_locked",
                    Periods.chinese(YearMonth.parse(period)) + "的数据未锁定，可直接修改，无需开启更正窗口",
                    period + " is not locked; it can be changed as it is");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.badRequest(
                    "reason",
                    "required",
                    "请用不超过500个字说明重新开放该月数据的原因",
                    "say in up to 500 characters why the month is reopened");
        }
        Duration length = Duration.ofHours(hours == null ? 72 : hours);
        if (length.isNegative() || length.isZero() || length.compareTo(MAX) > 0) {
            throw ProblemException.badRequest(
                    "hours",
                    "out_of_range",
                    "更正窗口开放时长应为1至" + MAX.toHours() + "小时",
                    "between 1 and " + MAX.toHours() + " hours");
        }
        if (windows.open(park, period).isPresent()) {
            throw ProblemException.conflict(
                    "window_open",
                    "园区“" + park + "”" + Periods.chinese(YearMonth.parse(period)) + "的更正窗口已经开放",
                    "a correction window is already open for " + park + " " + period,
                    null);
        }
        CorrectionWindow w = new CorrectionWindow();
        w.park = park;
        w.period = period;
        w.reason = reason;
        w.openedBy = user;
        w.openedAt = OffsetDateTime.now();
        w.expiresAt = w.openedAt.plus(length);
        w.persist();
        return w;
    }

    @Transactional
    public CorrectionWindow close(String park, long id, String user) {
        CorrectionWindow w = windows.find(id);
        if (w == null || !w.park.equals(park)) {
            throw ProblemException.notFound("更正窗口", "correction window", Long.toString(id));
        }
        if (w.closedAt != null) {
            throw ProblemException.conflict(
                    "window_closed", "该更正窗口已由" + w.closedBy + "关闭", "this window was closed by " + w.closedBy, null);
        }
        w.closedAt = OffsetDateTime.now();
        w.closedBy = user;
        return w;
    }

    /**
     * Whether a value of this park and month may be written, and as what source: refused with the
     * assessment that locked it, allowed as a correction while a window is open, or as an onboarding load
     * when the park registered after the lock (the assessment did not include it, and does not change).
     */
    public String sourceFor(String park, String period, String requested) {
        PeriodLock lock = locks.find(period);
        if (lock == null) {
            return requested;
        }
        if (windows.open(park, period).isPresent()) {
            return "CORRECTION";
        }
        if (lock.lockedBefore(parks.require(park).createdAt)) {
            return "ONBOARDING";
        }
        throw ProblemException.conflict(
                "period_locked",
                Periods.chinese(YearMonth.parse(period)) + "的数据已随" + Periods.chineseQuarter(lock.quarter) + "考核结果（"
                        + lock.assessmentId + "，第" + lock.revision + "版）发布而锁定；如需更正，请由市局管理员开启更正窗口",
                period + " was locked when the " + lock.quarter
                        + " assessment (" + lock.assessmentId + ", revision " + lock.revision
                        + ") was published; a bureau admin can open a correction window",
                Map.of("assessmentId", lock.assessmentId, "quarter", lock.quarter, "revision", lock.revision));
    }
}
