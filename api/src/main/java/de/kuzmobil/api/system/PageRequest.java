package de.kuzmobil.api.system;

import de.kuzmobil.api.system.ProblemHandler.FieldError;
import java.util.List;

/**
 * The {@code page} (from 0) and {@code size} query parameters of a list, checked: every list answers
 * in pages so that no request reads a table whole.
 */
public record PageRequest(int page, int size) {

    /** What lists give without a size, and the most they give at once. */
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    public static PageRequest of(int page, int size) {
        return of(page, size, MAX_SIZE);
    }

    public static PageRequest of(int page, int size, int maxSize) {
        if (page < 0 || size < 1 || size > maxSize) {
            throw new BadRequestException("Invalid page", List.of(page < 0
                    ? new FieldError("page", "must be 0 or more")
                    : new FieldError("size", "must be between 1 and " + maxSize)));
        }
        return new PageRequest(page, size);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The page of a list read whole (lists bounded by nature, e.g. a city's teams). */
    public <T> Page<T> slice(List<T> all) {
        int from = (int) Math.min(offset(), all.size());
        int to = Math.min(from + size, all.size());
        return of(all.subList(from, to), all.size());
    }

    /** This page of {@code content} among {@code total} items. */
    public <T> Page<T> of(List<T> content, long total) {
        return new Page<>(List.copyOf(content), new Page.PageInfo(page, size, total, (int) ((total + size - 1) / size)));
    }
}
