package de.kuzmobil.data.site;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * A declared way to a site the roads do not reach (ship, tidal carriage): door to door from any team's
 * base, the same time each way, on these weekdays (empty: every day).
 */
public record AccessLegRecord(String description, int minutesEachWay, Set<DayOfWeek> weekdays) {

    public AccessLegRecord {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
    }
}
