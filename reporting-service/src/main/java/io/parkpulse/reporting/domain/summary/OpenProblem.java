package io.parkpulse.reporting.domain.summary;

import java.time.LocalDate;

/** A problem raised on a project and not resolved by the month's end; description, department and due date may be unknown. */
public record OpenProblem(
        String park, String parkName, String project, String description, String department, LocalDate dueOn) {}
