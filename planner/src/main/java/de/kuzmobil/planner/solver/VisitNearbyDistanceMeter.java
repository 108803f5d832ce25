package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import org.optaplanner.core.impl.heuristic.selector.common.nearby.NearbyDistanceMeter;

/**
 * Nearby selection for list moves: how far a visit is from a destination, which is either another
 * visit (insert after it) or a tour (insert first, i.e. after the base). Driving seconds from the
 * matrix; the unassigned tour is "far" so nearby moves prefer real tours (the plain selectors
 * still move visits in and out of it).
 */
public class VisitNearbyDistanceMeter implements NearbyDistanceMeter<Visit, Object> {

    @Override
    public double getNearbyDistance(Visit origin, Object destination) {
        if (destination instanceof Visit other) {
            TeamDay tour = other.getTeamDay();
            if (tour == null || tour.getMatrix() == null) {
                return Double.MAX_VALUE;
            }
            return distance(tour, other.getLocationIndex(), origin.getLocationIndex());
        }
        TeamDay tour = (TeamDay) destination;
        if (tour.isUnassignedTour()) {
            return Double.MAX_VALUE;
        }
        return distance(tour, tour.getBaseIndex(), origin.getLocationIndex());
    }

    private static double distance(TeamDay tour, int from, int to) {
        long seconds = tour.getMatrix().seconds(from, to);
        return seconds < 0 ? Double.MAX_VALUE : seconds;
    }
}
