package io.parkpulse.investment.domain;

import io.parkpulse.common.periods.ReportingPeriod;
import java.util.UUID;

/** Activity search filters; a null field does not filter. */
public record ActivityFilter(String park, ActivityKind kind, ReportingPeriod heldIn, UUID lead) {}
