package io.parkpulse.common.paging;

import java.util.List;

/** One page of a list. Every list endpoint of every service answers in this shape. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total);
    }
}
