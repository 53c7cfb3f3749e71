package io.parkpulse.common.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list. Every list endpoint of every service answers in this shape. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total);
    }

    /** The requested page of a list already in memory (for filters that are computed, not queried). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        return new Page<>(window(all, request.page, request.size), request.page, request.size, all.size());
    }

    /** The items of one page of a list in memory, for answers that page a list inside a larger shape. */
    public static <T> List<T> window(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return List.copyOf(all.subList(from, to));
    }

    /** Runs a Panache query for the requested page and maps its entities to views. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        query.page(request.panache());
        return new Page<>(query.list().stream().map(view).toList(), request.page, request.size, query.count());
    }
}
