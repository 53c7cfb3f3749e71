package io.parkpulse.common.republish;

import io.parkpulse.common.outbox.Outbox;
import java.util.List;

/**
 * One kind of state a service owns, listed page by page as the events that already carry it (full states with
 * their versions), so that {@link Republisher} can publish everything again. A service implements one per kind
 * and lists nothing else: paging, transactions and the outbox are shared.
 */
public interface SnapshotSource {

    /** What the answer calls it: {@code parks}, {@code values}, … */
    String name();

    /**
     * Page {@code page} (from 0) of at most {@code size} rows, in an order that does not change between pages,
     * as the events to publish: one per row, or fewer where a type carries many (a batch of values). Called
     * inside the page's transaction.
     */
    Snapshot page(int page, int size);

    /** The rows a page read (fewer than asked: the last page) and the events they make. */
    record Snapshot(int rows, List<Outbox.Message> events) {}
}
