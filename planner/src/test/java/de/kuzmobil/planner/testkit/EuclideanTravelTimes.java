package de.kuzmobil.planner.testkit;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.planner.travel.TravelTimes;

import java.util.List;
import java.util.Map;

/**
 * Test travel times from coordinates: straight line × 1.3 detour at 35 km/h plus 2 minutes to
 * park. Good enough to generate city-sized weeks; the real port routes on roads.
 */
public final class EuclideanTravelTimes implements TravelTimes {

    @Override
    public TravelMatrix matrix(List<Location> locations) {
        int n = locations.size();
        long[][] seconds = new long[n][n];
        long[][] meters = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double km = km(locations.get(i), locations.get(j)) * 1.3;
                    meters[i][j] = Math.round(km * 1000);
                    seconds[i][j] = Math.round(km / 35.0 * 3600) + 120;
                }
            }
        }
        return new TravelMatrix(locations, seconds, meters, TravelSource.ESTIMATED, Map.of());
    }

    private static double km(Location a, Location b) {
        double dy = (a.latitude() - b.latitude()) * 110.57;
        double dx = (a.longitude() - b.longitude()) * 111.32 * Math.cos(Math.toRadians(a.latitude()));
        return Math.sqrt(dx * dx + dy * dy);
    }
}
