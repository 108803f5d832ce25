package de.kuzmobil.api.system;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Finds the JSON property path of a body that could not be read. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String fieldOf(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // databind errors carry the path; so do parser errors (a number out of range) passed through it
            if (t instanceof JacksonException de && !de.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (var ref : de.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    /** What a field expects, from the type it could not be read as; null when unknown. */
    static String expectedOf(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InvalidFormatException e && e.getTargetType() != null && e.getTargetType().isEnum()) {
                return "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", "));
            }
            if (t instanceof InvalidFormatException e && (e.getTargetType() == String.class
                    || e.getTargetType() == LocalDate.class)) {
                return e.getOriginalMessage(); // StrictJson's own words, without the input
            }
            if (t instanceof MismatchedInputException e && e.getTargetType() != null) {
                return expected(e.getTargetType());
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == LocalDate.class) {
            return "must be a date as text, YYYY-MM-DD";
        }
        if (type == LocalTime.class) {
            return "must be a time as text, HH:MM";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return type.isRecord() ? "must be an object" : null;
    }
}
