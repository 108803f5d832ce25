package de.kuzmobil.planner.travel;

/** Where travel times come from; shown to users so that estimates are never taken for road times. */
public enum TravelSource {
    /** Shortest paths on a road network. */
    ROAD,
    /** Great-circle distance times a detour factor at a fixed speed: a labelled fallback. */
    ESTIMATED
}
