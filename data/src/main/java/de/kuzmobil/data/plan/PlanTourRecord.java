package de.kuzmobil.data.plan;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A team's day in a stored plan: when it leaves its base, when it is back, its lunch break.
 *
 * @param returnToBase null for tours stored before returns were kept
 * @param returnManual the drive back uses a declared access leg (ship, tidal carriage)
 * @param breakStart   null when no break was placed
 */
public record PlanTourRecord(long teamId, LocalDate date, LocalTime departure, LocalTime returnToBase,
                             boolean returnManual, LocalTime breakStart, LocalTime breakEnd) {
}
