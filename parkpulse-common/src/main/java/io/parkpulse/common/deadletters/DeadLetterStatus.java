package io.parkpulse.common.deadletters;

/** Where a dead letter stands: waiting for an operator, applied after all, or given up with a reason. */
public enum DeadLetterStatus {
    OPEN,
    REPROCESSED,
    DISCARDED
}
