package de.kuzmobil.planner.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A team lead fixed a visit to a team and date, optionally to a start time (null: any time).
 * Pinned visits never move to another tour; they may change position inside their own tour.
 */
public record Pin(String visitId, String teamId, LocalDate date, LocalTime start) {
}
