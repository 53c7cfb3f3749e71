package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.SummaryNote;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.Report;
import io.parkpulse.reporting.domain.summary.NoteSection;
import io.parkpulse.reporting.repository.SummaryNoteRepository;
import io.parkpulse.reporting.repository.SummaryNoteRepository.NoteRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sections of a summary that people write (主要工作及成效, 存在的问题和建议, 下步工作打算), kept with the
 * period: every save is a new version, and a save names the version it replaces so that nobody overwrites a
 * colleague's text unseen.
 */
@ApplicationScoped
public class SummaryNotes {

    public static final String CITY = "CITY";
    static final int MAX_TEXT = 5000;

    @Inject
    SummaryNoteRepository notes;

    @Inject
    Outbox outbox;

    /** A section as it stands: version 0 and no text when nobody has written it. */
    public record Note(
            NoteSection section, String heading, int version, String text, String writtenBy, OffsetDateTime writtenAt) {

        static Note of(NoteRow r) {
            NoteSection s = NoteSection.valueOf(r.section());
            return new Note(s, s.heading, r.version(), r.text(), r.writtenBy(), r.writtenAt());
        }

        static Note empty(NoteSection s) {
            return new Note(s, s.heading, 0, null, null, null);
        }
    }

    /** Every section of the summary, in the order the summary prints them. */
    public List<Note> current(String scope, ReportingPeriod period) {
        requireScope(scope);
        Map<String, NoteRow> latest = notes.current(scope, period.text()).stream()
                .collect(Collectors.toMap(NoteRow::section, Function.identity()));
        List<Note> out = new ArrayList<>();
        for (NoteSection s : NoteSection.values()) {
            NoteRow r = latest.get(s.name());
            out.add(r == null ? Note.empty(s) : Note.of(r));
        }
        return out;
    }

    /** The sections with text, for the summary itself. */
    public List<Note> written(String scope, ReportingPeriod period) {
        return notes.current(scope, period.text()).stream()
                .map(Note::of)
                .filter(n -> n.text() != null && !n.text().isBlank())
                .sorted((a, b) -> a.section().compareTo(b.section()))
                .toList();
    }

    /**
     * The report followed by the sections people wrote for it, one paragraph per paragraph of their text;
     * a section nobody wrote is left out rather than printed empty.
     */
    public Report appendTo(Report report, String scope, ReportingPeriod period) {
        List<Report.Section> sections = written(scope, period).stream()
                .map(n -> new Report.Section(
                        n.heading(),
                        Arrays.stream(n.text().split("\\R+"))
                                .map(String::strip)
                                .filter(p -> !p.isEmpty())
                                .toList(),
                        List.of(),
                        null))
                .toList();
        return sections.isEmpty() ? report : report.followedBy(sections);
    }

    public List<Note> history(String scope, ReportingPeriod period, String sectionText) {
        requireScope(scope);
        NoteSection section = section(sectionText);
        return notes.history(scope, period.text(), section.name()).stream()
                .map(Note::of)
                .toList();
    }

    /**
     * Saves {@code text} as the next version of the section; {@code replaces} is the version the writer read
     * (0 for a section nobody has written). An empty text leaves the section out of the summary.
     */
    @Transactional
    public Note write(
            String scope, ReportingPeriod period, String sectionText, String text, Integer replaces, String user) {
        requireScope(scope);
        NoteSection section = section(sectionText);
        if (text == null || text.length() > MAX_TEXT) {
            throw ProblemException.badRequest(
                    "text",
                    "invalid",
                    "正文必填，不超过" + MAX_TEXT + "个字（可为空字符串，表示本节不写）",
                    "required, at most " + MAX_TEXT + " characters (an empty text leaves the section out)");
        }
        if (replaces == null || replaces < 0) {
            throw ProblemException.badRequest(
                    "version",
                    "required",
                    "请给出所修改的版本号（首次填写为0）",
                    "the version you read is required (0 for a section nobody has written)");
        }
        notes.lock(scope, period.text(), section.name());
        int latest = notes.latestVersion(scope, period.text(), section.name());
        if (latest != replaces) {
            throw new ProblemException(
                    409,
                    "stale_version",
                    latest == 0
                            ? "“" + section.heading + "”尚未填写，首次填写请提交版本号0"
                            : "“" + section.heading + "”已有第" + latest + "版，请刷新后在其基础上修改",
                    "the section is at version " + latest + ", not " + replaces + "; read it again and edit that",
                    List.of(),
                    Map.of("version", latest));
        }
        NoteRow row =
                new NoteRow(scope, period.text(), section.name(), latest + 1, text.strip(), user, OffsetDateTime.now());
        notes.insert(row);
        outbox.publish(
                Topics.ASSESSMENTS,
                EventTypes.SUMMARY_NOTE_WRITTEN,
                scope,
                new SummaryNote(
                        row.scope(),
                        row.period(),
                        row.section(),
                        row.version(),
                        row.text(),
                        row.writtenBy(),
                        row.writtenAt()));
        return Note.of(row);
    }

    /**
     * A park's notes are this service's own data: once written they stay readable while a rebuild of the
     * read model has not yet brought the park back.
     */
    private void requireScope(String scope) {
        if (!CITY.equals(scope) && !notes.parkExists(scope) && !notes.hasNotes(scope)) {
            throw ProblemException.notFound("园区", "park", scope);
        }
    }

    /**
     * A park's scope. A park registered with the code CITY (a legal code) must not reach the city's notes
     * through the park endpoints: it has none of its own.
     */
    public static String parkScope(String park) {
        if (CITY.equals(park)) {
            throw ProblemException.notFound("园区", "park", park);
        }
        return park;
    }

    private static NoteSection section(String text) {
        try {
            return NoteSection.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(NoteSection.values())
                    .map(s -> s.name() + "（" + s.heading + "）")
                    .collect(Collectors.joining("、"));
            throw ProblemException.badRequest(
                    "section", "invalid", "栏目只能是" + allowed, "one of HIGHLIGHTS, ISSUES, NEXT_STEPS");
        }
    }
}
