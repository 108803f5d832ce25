package de.kuzmobil.routing.geometry;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.util.PointList;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.graph.RoadGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Polylines on demand: one GraphHopper point-to-point route per leg (only legs a map shows, so
 * N² is not a concern here). Same profile and snapping as the matrix, so the leg's time and
 * distance equal the matrix entry.
 */
public final class RouteGeometry {

    private final RoadGraph graph;

    public RouteGeometry(RoadGraph graph) {
        this.graph = graph;
    }

    /** Raw GraphHopper route (also the reference the matrix is verified against). */
    public GHResponse route(Location from, Location to) {
        GHRequest request = new GHRequest(from.latitude(), from.longitude(), to.latitude(), to.longitude())
                .setProfile(graph.profileName());
        return graph.hopper().route(request);
    }

    /** Empty when GraphHopper finds no road path (e.g. between an island and the mainland). */
    public Optional<LegGeometry> leg(Location from, Location to) {
        GHResponse response = route(from, to);
        if (response.hasErrors()) {
            return Optional.empty();
        }
        ResponsePath best = response.getBest();
        PointList points = best.getPoints();
        List<double[]> coordinates = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            coordinates.add(new double[]{points.getLon(i), points.getLat(i)});
        }
        return Optional.of(new LegGeometry(coordinates, Math.round(best.getTime() / 1000.0),
                Math.round(best.getDistance()), TravelSource.ROAD));
    }
}
