package de.kuzmobil.data.plan;

import java.time.LocalDate;
import java.time.LocalTime;

/** A team's lunch break on a date, as placed in its tour. */
public record PlanBreakRecord(long teamId, LocalDate date, LocalTime start, LocalTime end) {
}
