package de.kuzmobil.planner.travel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Driving seconds and metres between every ordered pair of locations, indexed like
 * {@link #locations()}. A pair with no connection holds {@link #UNREACHABLE}; {@link #problems()}
 * says per location id why (off-road, other road component, ...). A pair that uses a declared
 * access leg (ship, tidal carriage) instead of roads only is {@link #isManual manual}.
 */
public final class TravelMatrix {

    public static final long UNREACHABLE = -1;

    private final List<Location> locations;
    private final long[][] seconds;
    private final long[][] meters;
    private final TravelSource source;
    private final Map<String, String> problems;
    /** Null when no pair is manual. */
    private final boolean[][] manual;
    private final Map<String, Integer> indexById = new HashMap<>();

    public TravelMatrix(List<Location> locations, long[][] seconds, long[][] meters,
                        TravelSource source, Map<String, String> problems) {
        this(locations, seconds, meters, source, problems, null);
    }

    private TravelMatrix(List<Location> locations, long[][] seconds, long[][] meters, TravelSource source,
                         Map<String, String> problems, boolean[][] manual) {
        int n = locations.size();
        if (seconds.length != n || meters.length != n) {
            throw new IllegalArgumentException("matrix size does not match " + n + " locations");
        }
        this.locations = List.copyOf(locations);
        this.seconds = seconds;
        this.meters = meters;
        this.source = source;
        this.problems = Map.copyOf(problems);
        this.manual = manual;
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

    /** The leg uses a declared access leg, not roads only. */
    public boolean isManual(int from, int to) {
        return manual != null && manual[from][to];
    }

    /**
     * Every time rounded up to whole minutes, so that plans built on whole-minute windows and shifts
     * start and end on the minute; a leg is never shorter than its road time.
     */
    public TravelMatrix inWholeMinutes() {
        int n = locations.size();
        long[][] rounded = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long s = seconds[i][j];
                rounded[i][j] = s == UNREACHABLE ? UNREACHABLE : (s + 59) / 60 * 60;
            }
        }
        return new TravelMatrix(locations, rounded, meters, source, problems, manual);
    }

    /**
     * The matrix with declared access legs: each site in {@code secondsEachWay} is that far from every
     * hub (a team's base) both ways, whatever the roads say, and any other place is reached by roads or
     * through the hub that makes it quickest. Pairs that use a leg are manual; their metres count the
     * road part only (a crossing's distance is not known). The sites' road problems are dropped.
     *
     * @param secondsEachWay site location id → door-to-door seconds from a hub
     * @param hubIds         location ids the legs start from
     */
    public TravelMatrix withAccessLegs(Map<String, Long> secondsEachWay, Collection<String> hubIds) {
        if (secondsEachWay.isEmpty()) {
            return this;
        }
        int n = locations.size();
        long[] leg = new long[n];
        java.util.Arrays.fill(leg, -1);
        secondsEachWay.forEach((id, s) -> leg[indexOf(id)] = s);
        boolean[] hub = new boolean[n];
        List<Integer> hubs = new ArrayList<>();
        for (String id : hubIds) {
            int h = indexOf(id);
            if (!hub[h]) {
                hub[h] = true;
                hubs.add(h);
            }
        }
        long[][] s = new long[n][];
        long[][] m = new long[n][];
        boolean[][] man = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            s[i] = seconds[i].clone();
            m[i] = meters[i].clone();
            if (manual != null) {
                man[i] = manual[i].clone();
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j || (leg[i] < 0 && leg[j] < 0)) {
                    continue;
                }
                if ((hub[i] && leg[j] >= 0) || (leg[i] >= 0 && hub[j])) {
                    // a declared door-to-door time wins over any road time
                    s[i][j] = leg[j] >= 0 && hub[i] ? leg[j] : leg[i];
                    m[i][j] = 0;
                    man[i][j] = true;
                    continue;
                }
                long best = seconds[i][j] == UNREACHABLE ? Long.MAX_VALUE : seconds[i][j];
                for (int a : leg[i] >= 0 ? hubs : List.of(i)) {
                    for (int b : leg[j] >= 0 ? hubs : List.of(j)) {
                        if (seconds[a][b] == UNREACHABLE) {
                            continue;
                        }
                        long t = Math.max(leg[i], 0) + seconds[a][b] + Math.max(leg[j], 0);
                        if (t < best) {
                            best = t;
                            s[i][j] = t;
                            m[i][j] = meters[a][b];
                            man[i][j] = true;
                        }
                    }
                }
            }
        }
        Map<String, String> kept = new LinkedHashMap<>(problems);
        kept.keySet().removeAll(secondsEachWay.keySet());
        return new TravelMatrix(locations, s, m, source, kept, man);
    }
}
