package de.kuzmobil.routing;

import de.kuzmobil.planner.travel.Location;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Shared graphs for tests: opened once per test JVM; their cache lives under target/ so a
 * second run of the suite loads instead of importing (the cache key makes that safe).
 */
public final class TestGraphs {

    public static final Path CACHE = Path.of("target", "graph-cache");

    private static RoadRouting hamburg;
    private static RoadRouting hamburgCity;

    private TestGraphs() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestGraphs.class.getResource("/osm/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource missing: osm/" + name, e);
        }
    }

    /** Hamburg Altstadt/Neustadt, car profile. */
    public static synchronized RoadRouting hamburg() {
        if (hamburg == null) {
            hamburg = RoadRouting.open(RoutingConfig.of(resource("hamburg-city-centre-roads.osm"), CACHE, "car", 300));
        }
        return hamburg;
    }

    /** All of Hamburg: the road graph the service ships and routes on by default. */
    public static synchronized RoadRouting hamburgCity() {
        if (hamburgCity == null) {
            hamburgCity = RoadRouting.open(RoutingConfig.of(BundledRoads.file(CACHE), CACHE, "car", 300));
        }
        return hamburgCity;
    }

    /** Seeded random points inside a bounding box. */
    public static List<Location> randomLocations(int n, long seed, double minLat, double minLon, double maxLat,
                                                 double maxLon) {
        Random random = new Random(seed);
        List<Location> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new Location("site-" + i, minLat + random.nextDouble() * (maxLat - minLat),
                    minLon + random.nextDouble() * (maxLon - minLon)));
        }
        return result;
    }
}
