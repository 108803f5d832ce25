package de.kuzmobil.routing.snap;

import de.kuzmobil.planner.travel.Location;

import java.util.Optional;

/**
 * Where a site lies on the road network, or why it cannot be routed.
 *
 * @param distanceMeters   from the site to the nearest usable road (NaN if none was found)
 * @param snappedLatitude  the point on that road (NaN if none)
 * @param component        road component id (see {@link RoadComponents}), -1 if not snapped
 * @param componentSize    junctions in that component
 * @param mainNetwork      whether that component is the largest one (the city's road network)
 * @param problem          why the site is not routed, empty if it is
 */
public record SnapReport(Location location, double distanceMeters, double snappedLatitude, double snappedLongitude,
                         int component, int componentSize, boolean mainNetwork, Optional<String> problem) {

    public boolean routable() {
        return problem.isEmpty();
    }
}
