package de.kuzmobil.data.team;

import java.time.LocalDate;
import java.time.LocalTime;

/** A team works on this date from start to end (tour leaves and returns to base inside it). */
public record Shift(LocalDate date, LocalTime start, LocalTime end) {
}
