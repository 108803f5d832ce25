package de.kuzmobil.data.site;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** Open every given weekday from start to end; a site may have several per day. */
public record WeeklyWindow(DayOfWeek weekday, LocalTime start, LocalTime end) {
}
