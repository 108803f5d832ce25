package de.kuzmobil.planner.domain;

import java.time.LocalTime;

/**
 * Lunch break of a team. Default from the German working-time law (ArbZG §4): at least 30 minutes
 * when working time exceeds 6 hours, 45 minutes when it exceeds 9 hours; taken inside a span
 * (e.g. 11:30-14:00) so that it is a real lunch break and not the end of the day.
 */
public record BreakRule(LocalTime spanStart, LocalTime spanEnd,
                        int shortAfterMinutes, int shortBreakMinutes,
                        int longAfterMinutes, int longBreakMinutes) {

    public BreakRule {
        if (!spanStart.isBefore(spanEnd)) {
            throw new IllegalArgumentException("break span must end after it starts");
        }
    }

    public static BreakRule arbZG(LocalTime spanStart, LocalTime spanEnd) {
        return new BreakRule(spanStart, spanEnd, 6 * 60, 30, 9 * 60, 45);
    }

    /** ArbZG defaults in the span 11:30-14:00. */
    public static BreakRule defaultRule() {
        return arbZG(LocalTime.of(11, 30), LocalTime.of(14, 0));
    }

    /** Break length in seconds for a working time (seconds); 0 when no break is due. */
    public long requiredSeconds(long workSeconds) {
        if (workSeconds > longAfterMinutes * 60L) {
            return longBreakMinutes * 60L;
        }
        if (workSeconds > shortAfterMinutes * 60L) {
            return shortBreakMinutes * 60L;
        }
        return 0;
    }
}
