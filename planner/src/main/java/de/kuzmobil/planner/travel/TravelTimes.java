package de.kuzmobil.planner.travel;

import java.util.List;

/**
 * The planner's port for travel times. The road implementation lives in {@code routing/},
 * a cached one in the API wiring; the planner only ever asks for a whole matrix up front so
 * that the solver's hot path is an array lookup.
 */
public interface TravelTimes {

    TravelMatrix matrix(List<Location> locations);
}
