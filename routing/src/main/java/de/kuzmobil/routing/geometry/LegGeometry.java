package de.kuzmobil.routing.geometry;

import de.kuzmobil.planner.travel.TravelSource;

import java.util.List;

/**
 * The drawn route of one leg of a tour.
 *
 * @param coordinates [longitude, latitude] pairs in driving order, GeoJSON LineString order
 * @param seconds     driving time, rounded like the matrix
 * @param meters      driving distance, rounded like the matrix
 * @param source      ROAD for a routed polyline; ESTIMATED for the straight line of the fallback
 */
public record LegGeometry(List<double[]> coordinates, long seconds, long meters, TravelSource source) {

    public LegGeometry {
        coordinates = List.copyOf(coordinates);
    }
}
