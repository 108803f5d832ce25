package de.kuzmobil.planner.domain;

import de.kuzmobil.planner.travel.Location;

import java.time.LocalDate;

/**
 * A place a mobile team serves.
 *
 * @param setUpMinutes unpacking and packing the mobile kit, counted once per visit
 * @param access       a declared way there (ship, tidal carriage), or null: roads only
 */
public record Site(String id, String name, SiteKind kind, Location location, int setUpMinutes,
                   OpeningRules opening, AccessLeg access) {

    public Site {
        if (setUpMinutes < 0) {
            throw new IllegalArgumentException("setUpMinutes must not be negative for " + id);
        }
    }

    /** A site reached by road only. */
    public Site(String id, String name, SiteKind kind, Location location, int setUpMinutes, OpeningRules opening) {
        this(id, name, kind, location, setUpMinutes, opening, null);
    }

    /** False on dates its declared access leg does not run: a team cannot get there then. */
    public boolean reachableOn(LocalDate date) {
        return access == null || access.runsOn(date);
    }
}
