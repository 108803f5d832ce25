package de.kuzmobil.planner.domain;

import de.kuzmobil.planner.travel.Location;

import java.util.Set;

/**
 * A mobile team with its kit. Tours start and end at its base (a service centre).
 *
 * @param maxAppointmentsPerDay what the team can serve in one day, whatever the minutes say
 */
public record Team(String id, String name, Location base, Set<String> skills, int maxAppointmentsPerDay,
                   BreakRule breakRule) {

    public Team {
        skills = Set.copyOf(skills);
    }
}
