package io.parkpulse.reporting.domain.summary;

/**
 * The sections of a summary that the park office or the bureau writes itself, with the headings the
 * corpus reports use; the figures, projects and problems sections are generated.
 */
public enum NoteSection {
    HIGHLIGHTS("主要工作及成效"),
    ISSUES("存在的问题和建议"),
    NEXT_STEPS("下步工作打算");

    public final String heading;

    NoteSection(String heading) {
        this.heading = heading;
    }
}
