package de.kuzmobil.planner.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/** A team works on that date from start to end: leaves the base at start, is back by end. */
public record Shift(String teamId, LocalDate date, LocalTime start, LocalTime end) {

    public Shift {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("shift must end after it starts: " + teamId + " " + date);
        }
    }
}
