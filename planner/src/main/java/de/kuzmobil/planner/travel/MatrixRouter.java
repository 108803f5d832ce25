package de.kuzmobil.planner.travel;

import java.util.List;
import java.util.Map;

/**
 * Computes a rectangular block of travel times (sources × targets). Road routing implements it;
 * the persistent cache uses it to route only the rows and columns it does not hold yet.
 */
public interface MatrixRouter {

    /** Routing profile, e.g. "car" or "van"; part of the cache key. */
    String profile();

    /** Identifies the graph (engine version + map data); a new one invalidates cached times. */
    String graphVersion();

    TravelSource source();

    Block route(List<Location> sources, List<Location> targets);

    /**
     * seconds[i][j] / meters[i][j] from sources[i] to targets[j], {@link TravelMatrix#UNREACHABLE}
     * where no path exists; problems by location id (e.g. "not within 300 m of a road").
     */
    record Block(long[][] seconds, long[][] meters, Map<String, String> problems) {
    }

    /** The whole square matrix in one block: what a router without a cache does. */
    static TravelTimes uncached(MatrixRouter router) {
        return locations -> {
            Block b = router.route(locations, locations);
            return new TravelMatrix(locations, b.seconds(), b.meters(), router.source(), b.problems());
        };
    }
}
