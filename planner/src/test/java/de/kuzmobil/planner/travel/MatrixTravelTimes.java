package de.kuzmobil.planner.travel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link TravelTimes} port backed by a plain table, for tests only: the real implementation
 * routes on roads in {@code routing/}. Pairs not given are {@link TravelMatrix#UNREACHABLE};
 * a location to itself is 0.
 */
public final class MatrixTravelTimes implements TravelTimes {

    private final Map<String, Map<String, long[]>> legs = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();

    /** Both directions take the same time and distance. */
    public MatrixTravelTimes both(String a, String b, long seconds, long meters) {
        return oneWay(a, b, seconds, meters).oneWay(b, a, seconds, meters);
    }

    public MatrixTravelTimes oneWay(String from, String to, long seconds, long meters) {
        legs.computeIfAbsent(from, k -> new HashMap<>()).put(to, new long[] {seconds, meters});
        return this;
    }

    /** What the routing would say about a location it cannot serve. */
    public MatrixTravelTimes problem(String locationId, String text) {
        problems.put(locationId, text);
        return this;
    }

    @Override
    public TravelMatrix matrix(List<Location> locations) {
        int n = locations.size();
        long[][] seconds = new long[n][n];
        long[][] meters = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long[] leg = i == j ? new long[] {0, 0}
                        : legs.getOrDefault(locations.get(i).id(), Map.of()).get(locations.get(j).id());
                seconds[i][j] = leg == null ? TravelMatrix.UNREACHABLE : leg[0];
                meters[i][j] = leg == null ? TravelMatrix.UNREACHABLE : leg[1];
            }
        }
        return new TravelMatrix(locations, seconds, meters, TravelSource.ESTIMATED, problems);
    }
}
