package io.parkpulse.common.events.payload;

import java.time.LocalDate;
import java.util.UUID;

/** An entry of a project's problem ledger (问题台账) after a change. */
public record ProjectProblem(
        UUID id,
        UUID projectId,
        String park,
        String description,
        LocalDate raisedOn,
        String department,
        LocalDate dueOn,
        String status,
        String resolution,
        LocalDate resolvedOn,
        long version) {}
