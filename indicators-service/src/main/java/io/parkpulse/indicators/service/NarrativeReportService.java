package io.parkpulse.indicators.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.NarrativeReportState;
import io.parkpulse.common.events.payload.ReviewFlagsChanged;
import io.parkpulse.common.figures.StatedFigureCheck;
import io.parkpulse.common.figures.StatedFigureCheck.Check;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.NarrativeReport;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.domain.Units;
import io.parkpulse.indicators.domain.ValueFlag;
import io.parkpulse.indicators.domain.narrative.DocumentText;
import io.parkpulse.indicators.domain.narrative.NarrativeExtractor;
import io.parkpulse.indicators.domain.narrative.NarrativeExtractor.CatalogEntry;
import io.parkpulse.indicators.domain.narrative.NarrativeExtractor.Figure;
import io.parkpulse.indicators.domain.narrative.NarrativeRules;
import io.parkpulse.indicators.messaging.FlagEvents;
import io.parkpulse.indicators.repository.IndicatorRepository;
import io.parkpulse.indicators.repository.NarrativeReportRepository;
import io.parkpulse.indicators.repository.ValueQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Narrative reports (docs/narrative-import.md): a park's 工作总结 is kept as evidence, the figures it states about the
 * park are read into a draft, checked against what the park submitted and what the platform computes, and reach
 * the data only when a person confirms rows, through the same batch path as any other report (source NARRATIVE).
 */
@ApplicationScoped
public class NarrativeReportService {

    /**
     * The document's own bound, so raising the body limit for other uploads does not raise it. It stays a little
     * under the service-wide body limit (parkpulse.http.limits.max-body-bytes, 2 MiB = 2,097,152 bytes): the console
     * receives the file as multipart, whose boundaries and form fields add some hundred bytes to the body it is
     * itself limited by, so every document of an accepted size also passes through the console.
     */
    public static final int MAX_BYTES = 2_000_000;

    /**
     * A real report proposes 10–40 figures. Every proposed figure travels in the uploaded and confirmed events,
     * which must stay far below Kafka's 1 MB record limit: an oversized event is refused by the broker, and the
     * outbox relay would retry it forever, holding back every later event of the service.
     */
    public static final int MAX_PROPOSED = 500;

    /**
     * Figures read in all, proposed or shown apart: each is stored in the draft with its sentence, so a text made of
     * nothing but forecasts must not grow the draft without bound either.
     */
    public static final int MAX_FIGURES = 2_000;

    /**
     * Characters of a figure's sentence carried in an event's statedFigures, around the figure. A sentence may have
     * up to 1000 characters, and Chinese takes 3 bytes each in UTF-8: 500 whole sentences alone would be 1.5 MB.
     */
    public static final int MAX_STATED_SENTENCE = 200;

    public static final int MAX_FILE_NAME = 200;

    static final String SOURCE = "NARRATIVE";

    private static final NarrativeExtractor EXTRACTOR = new NarrativeExtractor();

    private static final NarrativeRules RULES = NarrativeRules.defaults();

    @Inject
    ParkService parks;

    @Inject
    IndicatorRepository indicators;

    @Inject
    NarrativeReportRepository reports;

    @Inject
    ValueQueries values;

    @Inject
    FigureService figures;

    @Inject
    BatchService batches;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    /**
     * A figure of the draft as the extractor read it (its fields appear at the row's top level, as clients and the
     * console read them), its place in the draft, the name people read, and what the cross-check found.
     */
    public record Row(int index, @JsonUnwrapped Figure figure, String indicatorName, List<Check> checks) {
        /** Proposed: the park's achieved figure, a catalog indicator's to store or a pipeline figure to check. */
        @JsonProperty
        public boolean proposed() {
            return figure.proposed();
        }
    }

    public record Summary(
            long id,
            String park,
            String fileName,
            String contentType,
            int sizeBytes,
            String sha256,
            String detectedPeriod,
            String detectedEvidence,
            String period,
            boolean periodOverridden,
            String status,
            String uploadedBy,
            OffsetDateTime uploadedAt,
            String confirmedBy,
            OffsetDateTime confirmedAt,
            int proposedRows,
            Integer confirmedRows) {}

    /** A review flag the cross-check raised (or found already open) for a stored value. */
    public record RaisedFlag(long id, String indicator, String period, String reason, String message, String status) {}

    /**
     * The draft: {@code rows} are proposed as the park's values; {@code apart} are figures shown but not proposed
     * (forecasts, plans, sub-groups, the city's, comparisons, indicators the catalog does not hold); {@code written}:
     * the value versions its confirmation stored.
     */
    public record Draft(
            Summary report,
            List<Row> rows,
            List<Row> apart,
            List<RaisedFlag> flags,
            BatchService.Result outcome,
            List<NarrativeReportRepository.WrittenValue> written) {}

    /** One row to confirm: an accepted or edited figure. */
    public record Accepted(String indicator, String period, BigDecimal value, String unit) {}

    // ---- upload -------------------------------------------------------------------------------------------

    @Transactional
    public Draft upload(
            String park, byte[] bytes, String contentType, String fileName, String periodText, String user) {
        parks.require(park);
        YearMonth override = periodText == null || periodText.isBlank() ? null : Periods.month(periodText, "period");
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.badRequest(
                    "file", "required", "请上传报告文件（.docx 或纯文本）", "upload the report (.docx or plain text)");
        }
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.unprocessable(
                    "file",
                    "document_too_large",
                    "报告文件有" + bytes.length + "字节，应不超过2MB（" + MAX_BYTES + "字节）",
                    "the report has " + bytes.length + " bytes; at most 2 MB (" + MAX_BYTES + " bytes) are accepted");
        }
        if (fileName != null && fileName.length() > MAX_FILE_NAME) {
            throw ProblemException.badRequest(
                    "fileName",
                    "too_long",
                    "文件名最多" + MAX_FILE_NAME + "个字符",
                    "the file name has at most " + MAX_FILE_NAME + " characters");
        }
        String text = DocumentText.read(bytes, contentType);
        NarrativeExtractor.Result result =
                EXTRACTOR.extract(text, catalog(), override, override == null ? null : override.getYear());
        bounded(result.figures());

        NarrativeReport r = new NarrativeReport();
        r.park = park;
        r.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        r.contentType = contentType == null ? DocumentText.TEXT : contentType.split(";")[0].strip();
        r.sizeBytes = bytes.length;
        r.sha256 = sha256(bytes);
        r.content = bytes;
        r.text = text;
        r.detectedPeriod = result.detected().text();
        r.detectedEvidence = result.detected().evidence() == null
                ? null
                : result.detected()
                        .evidence()
                        .substring(0, Math.min(100, result.detected().evidence().length()));
        r.period = result.period();
        r.periodOverridden = override != null;
        r.draft = write(result.figures());
        r.proposedRows = proposedRows(result.figures());
        r.status = NarrativeReport.DRAFT;
        r.uploadedBy = user;
        r.uploadedAt = OffsetDateTime.now();
        r.version = 1;
        r.persist();

        List<Row> rows = rows(r, result.figures());
        List<ReviewFlagsChanged.Flag> changed = new ArrayList<>();
        List<RaisedFlag> flags = raiseFlags(r, rows, user, changed);
        List<Outbox.Message> messages = new ArrayList<>();
        messages.add(new Outbox.Message(Topics.INDICATORS, EventTypes.NARRATIVE_REPORT_UPLOADED, park, state(r, rows)));
        if (!changed.isEmpty()) {
            messages.add(FlagEvents.changed(park, changed));
        }
        outbox.publishAll(messages);
        return draft(r, rows, flags);
    }

    /** Refused before anything is kept: no real report comes near these bounds (see their comments). */
    private static void bounded(List<Figure> figures) {
        long proposed = figures.stream().filter(Figure::proposed).count();
        if (proposed > MAX_PROPOSED) {
            throw ProblemException.unprocessable(
                    "file",
                    "too_many_figures",
                    "报告中识别出" + proposed + "个拟采用的数字，最多接受" + MAX_PROPOSED + "个（一份工作报告通常只有几十个）；请确认上传的是工作报告",
                    "the report gives " + proposed + " figures to propose; at most " + MAX_PROPOSED
                            + " are accepted (a work report has a few dozen): check that this is the report");
        }
        if (figures.size() > MAX_FIGURES) {
            throw ProblemException.unprocessable(
                    "file",
                    "too_many_figures",
                    "报告中识别出" + figures.size() + "个数字，最多接受" + MAX_FIGURES + "个（一份工作报告通常只有几十个）；请确认上传的是工作报告",
                    "the report states " + figures.size() + " figures; at most " + MAX_FIGURES
                            + " are accepted (a work report has a few dozen): check that this is the report");
        }
    }

    /** The values the draft proposes to store: the catalog's rows, not the pipeline's (only checked). */
    static int proposedRows(List<Figure> figures) {
        return (int) figures.stream().filter(Figure::storable).count();
    }

    private List<CatalogEntry> catalog() {
        return indicators.active().stream()
                .map(i -> new CatalogEntry(i.code, i.nameZh, i.unit))
                .toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // ---- reads --------------------------------------------------------------------------------------------

    public <T> Page<T> list(String park, PageRequest page, java.util.function.Function<Summary, T> view) {
        parks.require(park);
        return reports.ofPark(
                park,
                page,
                r -> view.apply(new Summary(
                        r.id(),
                        r.park(),
                        r.fileName(),
                        r.contentType(),
                        r.sizeBytes(),
                        r.sha256(),
                        r.detectedPeriod(),
                        r.detectedEvidence(),
                        r.period(),
                        r.periodOverridden(),
                        r.status(),
                        r.uploadedBy(),
                        r.uploadedAt(),
                        r.confirmedBy(),
                        r.confirmedAt(),
                        r.proposedRows(),
                        r.confirmedRows())));
    }

    /** The draft with a cross-check against the values stored now (they may have changed since the upload). */
    public Draft get(String park, long id) {
        NarrativeReport r = find(park, id);
        List<Row> rows = rows(r, read(r.draft));
        return draft(r, rows, existingFlags(r, rows));
    }

    private NarrativeReport find(String park, long id) {
        parks.require(park);
        NarrativeReport r = reports.find(id);
        // Another park's report answers exactly as one that does not exist.
        if (r == null || !r.park.equals(park)) {
            throw ProblemException.notFound("报告", "report", String.valueOf(id));
        }
        return r;
    }

    // ---- confirm ------------------------------------------------------------------------------------------

    public record Confirmed(int status, Draft draft, BatchService.Result outcome, boolean repeated) {}

    /**
     * Submits the accepted rows as one batch through the batch path. A draft is confirmed once: a second
     * confirmation answers the first one's outcome and stores nothing (the row lock makes two concurrent ones
     * wait for each other).
     */
    @Transactional
    public Confirmed confirm(
            String park, long id, List<Accepted> accepted, boolean atomic, String user, boolean english) {
        find(park, id);
        NarrativeReport r = reports.forUpdate(id);
        if (NarrativeReport.CONFIRMED.equals(r.status)) {
            BatchService.Result earlier = readOutcome(r.outcome);
            List<Row> rows = rows(r, read(r.draft));
            return new Confirmed(200, draft(r, rows, existingFlags(r, rows)), earlier, true);
        }
        if (accepted == null || accepted.isEmpty()) {
            throw ProblemException.badRequest("rows", "required", "请至少确认一行数据", "confirm at least one row");
        }
        notPipeline(accepted);
        List<BatchService.FileRow> batch = new ArrayList<>();
        for (Accepted a : accepted) {
            batch.add(
                    a == null
                            ? null
                            : new BatchService.FileRow(a.indicator(), a.value(), a.unit(), a.period(), null, null));
        }
        // The batch validates every row as it would any report's; a batch refused whole rolls this back too.
        BatchService.Answer answer =
                batches.submitRows(park, r.period, batch, false, atomic, user, SOURCE, null, english);
        BatchService.Result outcome = answer.result();
        r.status = NarrativeReport.CONFIRMED;
        r.confirmedBy = user;
        r.confirmedAt = OffsetDateTime.now();
        r.outcome = writeValue(outcome);
        r.confirmedRows = accepted.size();
        r.version++;
        // Which versions this confirmation wrote, read back after the batch: the link from each value to the document.
        List<NarrativeReportRepository.WrittenValue> written = new ArrayList<>();
        Map<String, Map<String, IndicatorValue>> byMonth = new HashMap<>();
        for (BatchService.RowResult row : outcome.rows()) {
            if ("imported".equals(row.outcome()) || "updated".equals(row.outcome())) {
                IndicatorValue v = byMonth.computeIfAbsent(row.period(), m -> {
                            Map<String, IndicatorValue> month = new HashMap<>();
                            values.ofMonth(park, m).forEach(x -> month.put(x.id.indicator(), x));
                            return month;
                        })
                        .get(row.indicator());
                if (v != null) {
                    written.add(new NarrativeReportRepository.WrittenValue(row.indicator(), row.period(), v.version));
                }
            }
        }
        reports.written(r.id, park, written);
        List<Figure> found = read(r.draft);
        List<Row> rows = rows(r, found);
        List<ReviewFlagsChanged.Flag> changed = new ArrayList<>();
        List<RaisedFlag> flags = raiseFlags(r, rows, user, changed);
        List<Outbox.Message> messages = new ArrayList<>();
        messages.add(new Outbox.Message(
                Topics.INDICATORS,
                EventTypes.NARRATIVE_REPORT_CONFIRMED,
                park,
                stateWith(r, confirmedFigures(found, outcome))));
        if (!changed.isEmpty()) {
            messages.add(FlagEvents.changed(park, changed));
        }
        outbox.publishAll(messages);
        return new Confirmed(200, draft(r, rows, flags), outcome, false);
    }

    /**
     * A pipeline figure (到位资金, 开工项目数) is another service's: the draft shows it for reporting-service's check,
     * and it is refused here before the batch, whole, so that the person learns why before anything is stored —
     * the batch alone would store the other rows and call this one an unknown indicator.
     */
    private static void notPipeline(List<Accepted> accepted) {
        for (int i = 0; i < accepted.size(); i++) {
            Accepted a = accepted.get(i);
            NarrativeRules.Code code = a == null ? null : RULES.code(a.indicator());
            if (code == null || !code.pipeline()) {
                continue;
            }
            boolean investment = "investment".equals(code.owner());
            throw ProblemException.badRequest(
                    "rows[" + i + "].indicator",
                    "not_an_indicator",
                    "第" + (i + 1) + "行“" + code.name() + "”（" + code.code() + "）由"
                            + (investment ? "招商引资（investment-service）" : "项目建设（projects-service）")
                            + "管理，报告中的这个数字只用于核对，不能作为指标数值保存；请去掉这一行",
                    "row " + (i + 1) + ": " + code.code() + " is owned by " + code.owner() + "-service ("
                            + (investment ? "investment attraction" : "construction projects")
                            + "); the report's figure is only checked against it and cannot be stored as an indicator"
                            + " value: leave this row out");
        }
    }

    // ---- the cross-check ----------------------------------------------------------------------------------

    /** What the platform holds for a park and month: the stored values and the derived figures. */
    private record Platform(Map<String, IndicatorValue> stored, Map<String, FigureService.Figure> figures) {}

    private List<Row> rows(NarrativeReport r, List<Figure> found) {
        Map<String, Indicator> byCode = indicators.byCode();
        Map<String, Platform> platform = new HashMap<>();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Figure f = found.get(i);
            List<Check> checks = new ArrayList<>();
            // A pipeline figure is checked by reporting-service, which reads the other services' data.
            if (f.storable() && f.period() != null) {
                Platform p = platform.computeIfAbsent(f.period(), period -> platform(r.park, period));
                if (p != null) {
                    IndicatorValue stored = p.stored().get(f.indicator());
                    FigureService.Figure fig = p.figures().get(f.indicator());
                    checks.add(StatedFigureCheck.value(f.value(), f.rounding(), stored == null ? null : stored.value));
                    Check g = StatedFigureCheck.percent(
                            "growth", f.growthPct(), f.growthRounding(), fig == null ? null : fig.growthPct());
                    if (g != null) {
                        checks.add(g);
                    }
                    Check c = StatedFigureCheck.percent(
                            "completion",
                            f.completionPct(),
                            f.completionRounding(),
                            fig == null ? null : fig.completionPct());
                    if (c != null) {
                        checks.add(c);
                    }
                }
            }
            out.add(new Row(i, f, name(byCode, f.indicator()), checks));
        }
        return out;
    }

    /** The catalog's name, or for a pipeline code its owner's ("到位资金"), or null for a code no one holds. */
    private static String name(Map<String, Indicator> byCode, String code) {
        NarrativeRules.Code other = RULES.code(code);
        if (other != null && other.pipeline()) {
            return other.name();
        }
        Indicator ind = byCode.get(code);
        return ind != null ? ind.nameZh : other != null ? other.name() : null;
    }

    /** Null when the month is outside the platform's calendar: such a figure cannot be checked (nor stored). */
    private Platform platform(String park, String period) {
        try {
            Map<String, IndicatorValue> stored = new HashMap<>();
            for (IndicatorValue v : values.ofMonth(park, period)) {
                stored.put(v.id.indicator(), v);
            }
            Map<String, FigureService.Figure> derived = new HashMap<>();
            for (FigureService.Figure f : figures.compute(park, period, null).figures()) {
                derived.put(f.indicator(), f);
            }
            return new Platform(stored, derived);
        } catch (ProblemException outsideTheCalendar) {
            return null;
        }
    }

    static String reason(String kind) {
        return "narrative_" + kind + "_differs";
    }

    /**
     * A review flag on the stored value for every disagreement, unless the same one is already open for that
     * version: a report is evidence against a submitted figure, exactly like a jump is.
     */
    private List<RaisedFlag> raiseFlags(
            NarrativeReport r, List<Row> rows, String user, List<ReviewFlagsChanged.Flag> changed) {
        List<RaisedFlag> out = new ArrayList<>();
        Map<String, Platform> platform = new HashMap<>();
        for (Row row : rows) {
            Figure fig = row.figure();
            for (Check c : row.checks()) {
                if (!c.disagrees()) {
                    continue;
                }
                Platform p = platform.computeIfAbsent(fig.period(), period -> platform(r.park, period));
                IndicatorValue stored = p == null ? null : p.stored().get(fig.indicator());
                if (stored == null) {
                    continue;
                }
                String reason = reason(c.kind());
                List<ValueFlag> open = reports.openFlags(r.park, fig.indicator(), fig.period(), stored.version, reason);
                if (!open.isEmpty()) {
                    open.forEach(f -> out.add(view(f)));
                    continue;
                }
                ValueFlag f = new ValueFlag();
                f.park = r.park;
                f.indicator = fig.indicator();
                f.period = fig.period();
                f.version = stored.version;
                f.reason = reason;
                f.message = message(r, row, c);
                f.flaggedAt = OffsetDateTime.now();
                f.persist();
                changed.add(FlagEvents.state(f));
                out.add(view(f));
            }
        }
        return out;
    }

    private List<RaisedFlag> existingFlags(NarrativeReport r, List<Row> rows) {
        List<RaisedFlag> out = new ArrayList<>();
        Map<String, Platform> platform = new HashMap<>();
        for (Row row : rows) {
            Figure fig = row.figure();
            for (Check c : row.checks()) {
                if (!c.disagrees()) {
                    continue;
                }
                Platform p = platform.computeIfAbsent(fig.period(), period -> platform(r.park, period));
                IndicatorValue stored = p == null ? null : p.stored().get(fig.indicator());
                if (stored != null) {
                    reports.openFlags(r.park, fig.indicator(), fig.period(), stored.version, reason(c.kind()))
                            .forEach(f -> out.add(view(f)));
                }
            }
        }
        return out;
    }

    private static RaisedFlag view(ValueFlag f) {
        return new RaisedFlag(f.id, f.indicator, f.period, f.reason, f.message, f.status.name());
    }

    /** The flag's message, in the words of a 数据核查单: what the report says and what the platform has. */
    static String message(NarrativeReport r, Row row, Check c) {
        String doc = "报告#" + r.id + (r.fileName == null ? "" : "《" + r.fileName + "》");
        String name =
                Objects.requireNonNullElse(row.indicatorName(), row.figure().indicator());
        String unit = row.figure().unit();
        String m = switch (c.kind()) {
            case "value" ->
                doc + "称" + name + "为" + Units.chinese(c.stated(), unit) + "，已报数值为" + Units.chinese(c.platform(), unit)
                        + "，相差" + Units.chinese(c.difference(), unit);
            case "growth" ->
                doc + "称" + name + "增长" + Units.plain(c.stated()) + "%，按已报数值计算为" + Units.plain(c.platform()) + "%";
            default ->
                doc + "称" + name + "完成全年任务的" + Units.plain(c.stated()) + "%，按已报数值和目标计算为" + Units.plain(c.platform())
                        + "%";
        };
        return m.length() > 500 ? m.substring(0, 500) : m;
    }

    // ---- views and JSON ---------------------------------------------------------------------------------

    private Draft draft(NarrativeReport r, List<Row> rows, List<RaisedFlag> flags) {
        return new Draft(
                summary(r),
                rows.stream().filter(Row::proposed).toList(),
                rows.stream().filter(x -> !x.proposed()).toList(),
                flags,
                r.outcome == null ? null : readOutcome(r.outcome),
                r.outcome == null ? List.of() : reports.written(r.id));
    }

    static Summary summary(NarrativeReport r) {
        return new Summary(
                r.id,
                r.park,
                r.fileName,
                r.contentType,
                r.sizeBytes,
                r.sha256,
                r.detectedPeriod,
                r.detectedEvidence,
                r.period,
                r.periodOverridden,
                r.status,
                r.uploadedBy,
                r.uploadedAt,
                r.confirmedBy,
                r.confirmedAt,
                r.proposedRows,
                r.confirmedRows);
    }

    /** The report's state with the figures it states: every proposed one, as the draft read it. */
    private static NarrativeReportState state(NarrativeReport r, List<Row> rows) {
        return stateWith(
                r,
                rows.stream().filter(Row::proposed).map(x -> stated(x.figure())).toList());
    }

    private static NarrativeReportState stateWith(NarrativeReport r, List<NarrativeReportState.StatedFigure> figures) {
        return new NarrativeReportState(
                r.id,
                r.park,
                r.fileName,
                r.contentType,
                r.sizeBytes,
                r.sha256,
                r.period,
                r.detectedPeriod,
                r.status,
                r.proposedRows,
                r.confirmedRows,
                r.uploadedBy,
                r.uploadedAt,
                r.confirmedBy,
                r.confirmedAt,
                r.version,
                figures);
    }

    /** A proposed figure, the catalog's or the pipeline's, with its owner: reporting-service checks the latter. */
    private static NarrativeReportState.StatedFigure stated(Figure f) {
        return new NarrativeReportState.StatedFigure(
                f.indicator(),
                f.owner(),
                f.period(),
                f.value(),
                f.unit(),
                f.rounding(),
                f.stated(),
                f.growthPct(),
                f.completionPct(),
                around(f),
                f.start(),
                f.end(),
                f.growthRounding(),
                f.completionRounding());
    }

    /**
     * What the confirmed event states: the catalog rows the person sent and the batch took, with period, value and
     * unit as it took them (the value sent, in the catalog's unit), then the draft's pipeline figures, which no one
     * edits — they are only checked. A row the batch refused is absent: nothing of it was confirmed, and it may name
     * no indicator or carry no value. The report's words (stated, sentence, span, stated rates) come from the draft
     * row the sent one matches; its rounding too, unless the person changed the value, which is then exact.
     */
    static List<NarrativeReportState.StatedFigure> confirmedFigures(List<Figure> draft, BatchService.Result outcome) {
        List<NarrativeReportState.StatedFigure> out = new ArrayList<>();
        for (BatchService.RowResult row : outcome.rows()) {
            if ("rejected".equals(row.outcome()) || row.value() == null || row.unit() == null) {
                continue;
            }
            Figure from = source(draft, row.indicator(), row.period(), row.value());
            boolean asRead =
                    from != null && from.value() != null && from.value().compareTo(row.value()) == 0;
            out.add(new NarrativeReportState.StatedFigure(
                    row.indicator(),
                    NarrativeRules.INDICATORS,
                    row.period(),
                    row.value(),
                    row.unit(),
                    asRead ? from.rounding() : BigDecimal.ZERO,
                    from != null ? from.stated() : Units.chinese(row.value(), row.unit()),
                    from == null ? null : from.growthPct(),
                    from == null ? null : from.completionPct(),
                    from == null ? "" : around(from),
                    from == null ? 0 : from.start(),
                    from == null ? 0 : from.end(),
                    from == null ? null : from.growthRounding(),
                    from == null ? null : from.completionRounding()));
        }
        for (Figure f : draft) {
            if (f.proposed() && !f.storable()) {
                out.add(stated(f));
            }
        }
        return out;
    }

    /**
     * The draft's catalog figure a sent row confirms: of those of its indicator, the one of its period and value, else
     * of its period (the value edited), else of its value (the period edited), else the first; null for a row the
     * person added.
     */
    private static Figure source(List<Figure> draft, String indicator, String period, BigDecimal value) {
        Figure samePeriod = null, sameValue = null, any = null;
        for (Figure f : draft) {
            if (!f.storable() || !Objects.equals(f.indicator(), indicator)) {
                continue;
            }
            boolean p = Objects.equals(f.period(), period);
            boolean v = f.value() != null && f.value().compareTo(value) == 0;
            if (p && v) {
                return f;
            }
            samePeriod = p && samePeriod == null ? f : samePeriod;
            sameValue = v && sameValue == null ? f : sameValue;
            any = any == null ? f : any;
        }
        return samePeriod != null ? samePeriod : sameValue != null ? sameValue : any;
    }

    /**
     * At most {@link #MAX_STATED_SENTENCE} characters of the figure's sentence, around the figure and containing it:
     * still a piece of the document's text, so that the figure's start/end, offsets into the whole text, find it.
     */
    static String around(Figure f) {
        String s = f.sentence();
        if (s == null || s.length() <= MAX_STATED_SENTENCE) {
            return s;
        }
        int from = f.start() - f.sentenceStart(), to = f.end() - f.sentenceStart();
        int a, b;
        if (from < 0 || to > s.length() || from > to) {
            // A span outside its sentence (not written by the extractor): the sentence's head.
            a = 0;
            b = MAX_STATED_SENTENCE;
        } else if (to - from >= MAX_STATED_SENTENCE) {
            a = from;
            b = from + MAX_STATED_SENTENCE;
        } else {
            // As much before the figure as after it: the name and period markers stand before, the rates after.
            int spare = MAX_STATED_SENTENCE - (to - from);
            a = Math.max(0, from - spare / 2);
            b = Math.min(s.length(), a + MAX_STATED_SENTENCE);
            a = Math.max(0, b - MAX_STATED_SENTENCE);
        }
        // Never half of a surrogate pair: the event is UTF-8.
        if (a > 0 && Character.isLowSurrogate(s.charAt(a))) {
            a++;
        }
        if (b < s.length() && Character.isHighSurrogate(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private String write(List<Figure> figures) {
        return writeValue(figures);
    }

    private String writeValue(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft is always writable as JSON", e);
        }
    }

    private List<Figure> read(String draft) {
        try {
            return json.readValue(draft, new TypeReference<List<Figure>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft is always readable", e);
        }
    }

    private BatchService.Result readOutcome(String outcome) {
        try {
            return json.readValue(outcome, BatchService.Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored outcome is always readable", e);
        }
    }
}
