package de.kuzmobil.api.system;

import java.time.LocalDate;

/** What any text or date given to the API must be, wherever it comes from (JSON, CSV, a query). */
public final class InputRules {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    /** No text is longer; most fields have a shorter limit of their own. */
    public static final int MAX_TEXT = 10_000;

    private InputRules() {
    }

    /** Why the text is refused, or null: too long, a control character (but tab and line breaks), a lone surrogate. */
    public static String textProblem(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            return "longer than " + MAX_TEXT + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a broken character (an unpaired UTF-16 surrogate)";
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    /** Why the date is refused, or null. */
    public static String dateProblem(LocalDate date) {
        return date == null || !date.isBefore(EARLIEST) && !date.isAfter(LATEST) ? null
                : "must lie between " + EARLIEST + " and " + LATEST;
    }

    /** At most {@code max} characters of what a client sent, to quote it in a problem. */
    public static String quote(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
