package de.kuzmobil.api.system;

import java.util.List;
import java.util.function.Function;

/** One page of a list: its items and where it stands among all of them. */
public record Page<T>(List<T> content, PageInfo page) {

    /** Page number (from 0), size, and totals. */
    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(content.stream().map(f).toList(), page);
    }
}
