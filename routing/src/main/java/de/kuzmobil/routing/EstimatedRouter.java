package de.kuzmobil.routing;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.geometry.LegGeometry;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fallback when no OSM file is configured: great-circle distance × detour factor, driven at a
 * constant speed. Always labelled {@link TravelSource#ESTIMATED}, so plans and API responses built
 * on it can say so and never pass these numbers off as road times.
 */
public final class EstimatedRouter implements MatrixRouter {

    /** Road distance in a city is typically 1.3-1.4 × the straight line. */
    public static final double DEFAULT_DETOUR_FACTOR = 1.35;
    /** Door-to-door average in Hamburg city traffic, including lights and parking search. */
    public static final double DEFAULT_SPEED_KMH = 25;

    private static final double EARTH_RADIUS_METERS = 6_371_000;

    private final double detourFactor;
    private final double speedKmh;

    public EstimatedRouter(double detourFactor, double speedKmh) {
        if (!(detourFactor >= 1) || !(speedKmh > 0)) {
            throw new IllegalArgumentException("detour factor must be >= 1 and speed > 0");
        }
        this.detourFactor = detourFactor;
        this.speedKmh = speedKmh;
    }

    public static EstimatedRouter withDefaults() {
        return new EstimatedRouter(DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH);
    }

    @Override
    public String profile() {
        return "estimated";
    }

    @Override
    public String graphVersion() {
        return String.format(Locale.ROOT, "estimated;detour=%.3f;speed=%.1fkmh", detourFactor, speedKmh);
    }

    @Override
    public TravelSource source() {
        return TravelSource.ESTIMATED;
    }

    @Override
    public Block route(List<Location> sources, List<Location> targets) {
        long[][] seconds = new long[sources.size()][targets.size()];
        long[][] meters = new long[sources.size()][targets.size()];
        for (int i = 0; i < sources.size(); i++) {
            for (int j = 0; j < targets.size(); j++) {
                double m = roadMeters(sources.get(i), targets.get(j));
                meters[i][j] = Math.round(m);
                seconds[i][j] = Math.round(m / (speedKmh / 3.6));
            }
        }
        return new Block(seconds, meters, Map.of());
    }

    /** A straight line, labelled ESTIMATED, for maps drawn without a road graph. */
    public LegGeometry legGeometry(Location from, Location to) {
        double m = roadMeters(from, to);
        return new LegGeometry(List.of(new double[]{from.longitude(), from.latitude()},
                new double[]{to.longitude(), to.latitude()}), Math.round(m / (speedKmh / 3.6)), Math.round(m),
                TravelSource.ESTIMATED);
    }

    private double roadMeters(Location a, Location b) {
        return greatCircleMeters(a.latitude(), a.longitude(), b.latitude(), b.longitude()) * detourFactor;
    }

    static double greatCircleMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
