package de.kuzmobil.planner.travel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Driving seconds and metres between every ordered pair of locations, indexed like
 * {@link #locations()}. A pair with no connection holds {@link #UNREACHABLE}; {@link #problems()}
 * says per location id why (off-road, other road component, ...).
 */
public final class TravelMatrix {

    public static final long UNREACHABLE = -1;

    private final List<Location> locations;
    private final long[][] seconds;
    private final long[][] meters;
    private final TravelSource source;
    private final Map<String, String> problems;
    private final Map<String, Integer> indexById = new HashMap<>();

    public TravelMatrix(List<Location> locations, long[][] seconds, long[][] meters,
                        TravelSource source, Map<String, String> problems) {
        int n = locations.size();
        if (seconds.length != n || meters.length != n) {
            throw new IllegalArgumentException("matrix size does not match " + n + " locations");
        }
        this.locations = List.copyOf(locations);
        this.seconds = seconds;
        this.meters = meters;
        this.source = source;
        this.problems = Map.copyOf(problems);
        for (int i = 0; i < n; i++) {
            indexById.put(locations.get(i).id(), i);
        }
    }

    public List<Location> locations() {
        return locations;
    }

    public TravelSource source() {
        return source;
    }

    /** Location id → human-readable reason why it is (partly) unreachable. */
    public Map<String, String> problems() {
        return problems;
    }

    public int indexOf(String locationId) {
        Integer i = indexById.get(locationId);
        if (i == null) {
            throw new IllegalArgumentException("location not in matrix: " + locationId);
        }
        return i;
    }

    public long seconds(int from, int to) {
        return seconds[from][to];
    }

    public long meters(int from, int to) {
        return meters[from][to];
    }

    public boolean reachable(int from, int to) {
        return seconds[from][to] != UNREACHABLE;
    }
}
