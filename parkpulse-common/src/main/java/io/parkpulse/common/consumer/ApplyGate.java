package io.parkpulse.common.consumer;

/**
 * Lets a service hold its group consumer. Asked inside each record's transaction, before the record is marked
 * processed, so a gate that takes a lock there can order every group transaction against its own closing one:
 * a record is applied either wholly before the gate closed or after it opened again. A held record is not a
 * failure: it is read again from the same offset once the gate opens, without counting as an attempt.
 */
public interface ApplyGate {

    /** Whether the group consumer may apply a record now. */
    boolean admits();
}
