package de.kuzmobil.planner.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * "The nth weekday of the month", e.g. the bank-branch slots "2nd Thursday 09:30-18:00".
 *
 * @param nth 1..5 for the first to fifth occurrence, -1 for the last one in the month
 */
public record MonthlyRule(int nth, DayOfWeek dayOfWeek, OpeningWindow window) {

    public MonthlyRule {
        if (nth == 0 || nth < -1 || nth > 5) {
            throw new IllegalArgumentException("nth must be 1..5 or -1 (last), was " + nth);
        }
    }

    public boolean appliesTo(LocalDate date) {
        if (date.getDayOfWeek() != dayOfWeek) {
            return false;
        }
        if (nth == -1) {
            return date.plusWeeks(1).getMonthValue() != date.getMonthValue();
        }
        return (date.getDayOfMonth() - 1) / 7 + 1 == nth;
    }
}
