package de.kuzmobil.planner.domain;

import de.kuzmobil.planner.travel.Location;

/**
 * A place a mobile team serves.
 *
 * @param setUpMinutes unpacking and packing the mobile kit, counted once per visit
 */
public record Site(String id, String name, SiteKind kind, Location location, int setUpMinutes,
                   OpeningRules opening) {

    public Site {
        if (setUpMinutes < 0) {
            throw new IllegalArgumentException("setUpMinutes must not be negative for " + id);
        }
    }
}
