package de.kuzmobil.planner.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A declared way to a site that the roads do not reach or reach badly (a ship or the tidal carriage
 * to an island): door-to-door time from any team's base, the same each way, running on some weekdays
 * only. The planner takes it instead of a road time and marks the legs that use it as manual.
 *
 * @param description    what it is, shown to dispatchers ("Schiff ab Cuxhaven")
 * @param minutesEachWay door to door from a base to the site, and back
 * @param days           weekdays it runs; empty means every day
 */
public record AccessLeg(String description, int minutesEachWay, Set<DayOfWeek> days) {

    public static final int MAX_MINUTES = 12 * 60;

    public AccessLeg {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("an access leg needs a description");
        }
        if (minutesEachWay < 1 || minutesEachWay > MAX_MINUTES) {
            throw new IllegalArgumentException("minutesEachWay must be 1.." + MAX_MINUTES + ": " + minutesEachWay);
        }
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean runsOn(LocalDate date) {
        return days.isEmpty() || days.contains(date.getDayOfWeek());
    }

    public long secondsEachWay() {
        return minutesEachWay * 60L;
    }
}
