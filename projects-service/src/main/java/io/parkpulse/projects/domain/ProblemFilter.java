package io.parkpulse.projects.domain;

import io.parkpulse.common.periods.ReportingPeriod;
import java.time.LocalDate;

/**
 * Problem ledger filters; a null field does not filter. {@code raisedIn} keeps problems raised in the period,
 * {@code overdueOn} those overdue on that day ({@link ProblemRules#overdue}): raised by then, open then and due
 * before it, whatever has happened since.
 */
public record ProblemFilter(String park, Problem.Status status, ReportingPeriod raisedIn, LocalDate overdueOn) {}
