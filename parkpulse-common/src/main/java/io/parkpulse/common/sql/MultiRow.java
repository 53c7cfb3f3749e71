package io.parkpulse.common.sql;

import java.util.Collections;
import java.util.List;

/**
 * Many rows in one statement ({@code insert … values (?, ?), (?, ?)}): what a batch of changes writes,
 * one round trip and one statement for the server instead of one per row.
 */
public final class MultiRow {

    /**
     * Rows per statement: PostgreSQL allows 32,767 parameters in one statement, so up to 32 columns
     * fit 1000 rows.
     */
    public static final int CHUNK = 1000;

    /** {@code (?, ?, ?), (?, ?, ?)}: {@code rows} groups of {@code columns} JDBC placeholders. */
    public static String placeholders(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /** The list cut into statements of at most {@link #CHUNK} rows. */
    public static <T> List<List<T>> chunks(List<T> rows) {
        int n = (rows.size() + CHUNK - 1) / CHUNK;
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> rows.subList(i * CHUNK, Math.min((i + 1) * CHUNK, rows.size())))
                .toList();
    }

    private MultiRow() {}
}
