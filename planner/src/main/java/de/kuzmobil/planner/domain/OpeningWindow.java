package de.kuzmobil.planner.domain;

import java.time.LocalTime;

/** One span of a day in which a site receives a team, e.g. 09:30-12:00. */
public record OpeningWindow(LocalTime start, LocalTime end) {

    public OpeningWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window must end after it starts: " + start + "-" + end);
        }
    }

    public static OpeningWindow of(String start, String end) {
        return new OpeningWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public long startSecond() {
        return start.toSecondOfDay();
    }

    public long endSecond() {
        return end.toSecondOfDay();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
