package de.kuzmobil.data.site;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * Open on the n-th given weekday of each month ("2nd Thursday 09:30-18:00"), as the Haspa
 * branches are; {@code weekOfMonth} 5 means the last one.
 */
public record MonthlyWindow(int weekOfMonth, DayOfWeek weekday, LocalTime start, LocalTime end) {
}
