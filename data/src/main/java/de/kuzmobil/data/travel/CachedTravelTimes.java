package de.kuzmobil.data.travel;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Travel times through the persistent cache: a re-plan over the same sites routes nothing;
 * new sites cost only their new rows and columns; a new graph version starts afresh.
 */
public class CachedTravelTimes implements TravelTimes {

    private final MatrixRouter router;
    private final TravelTimeCache cache;
    private final AtomicLong routedLegs = new AtomicLong();

    public CachedTravelTimes(MatrixRouter router, TravelTimeCache cache) {
        this.router = router;
        this.cache = cache;
    }

    /** Legs routed (not read from the cache) since this instance was made. */
    public long routedLegs() {
        return routedLegs.get();
    }

    @Override
    public TravelMatrix matrix(List<Location> locations) {
        String profile = router.profile();
        String graph = router.graphVersion();
        List<String> ids = locations.stream().map(Location::id).toList();
        Map<String, TravelTimeCache.Leg> known = cache.legsBetween(profile, graph, ids);

        // "New" locations are routed in full (row and column); the others must form a complete
        // cached block, so a gap between two old ones makes the later one new as well.
        Set<Location> fresh = new LinkedHashSet<>();
        for (Location l : locations) {
            if (!known.containsKey(TravelTimeCache.key(l.id(), l.id()))) {
                fresh.add(l);
            }
        }
        for (Location a : locations) {
            for (Location b : locations) {
                if (!fresh.contains(a) && !fresh.contains(b)
                        && !known.containsKey(TravelTimeCache.key(a.id(), b.id()))) {
                    fresh.add(b);
                }
            }
        }
        Map<String, String> problems = new HashMap<>(cache.problems(profile, graph, ids));
        if (!fresh.isEmpty()) {
            List<Location> newOnes = new ArrayList<>(fresh);
            List<Location> old = locations.stream().filter(l -> !fresh.contains(l)).toList();
            List<TravelTimeCache.Leg> routed = new ArrayList<>();
            MatrixRouter.Block rows = router.route(newOnes, locations);
            collect(newOnes, locations, rows, routed);
            problems.putAll(rows.problems());
            if (!old.isEmpty()) {
                MatrixRouter.Block columns = router.route(old, newOnes);
                collect(old, newOnes, columns, routed);
                problems.putAll(columns.problems());
            }
            routedLegs.addAndGet(routed.size());
            cache.store(profile, graph, routed);
            cache.storeProblems(profile, graph, problems);
            routed.forEach(leg -> known.put(TravelTimeCache.key(leg.fromId(), leg.toId()), leg));
        }

        int n = locations.size();
        long[][] seconds = new long[n][n];
        long[][] meters = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                TravelTimeCache.Leg leg = known.get(TravelTimeCache.key(ids.get(i), ids.get(j)));
                seconds[i][j] = leg.seconds();
                meters[i][j] = leg.meters();
            }
        }
        problems.keySet().retainAll(Set.copyOf(ids));
        return new TravelMatrix(locations, seconds, meters, router.source(), problems);
    }

    private static void collect(List<Location> from, List<Location> to, MatrixRouter.Block block,
                                List<TravelTimeCache.Leg> out) {
        for (int i = 0; i < from.size(); i++) {
            for (int j = 0; j < to.size(); j++) {
                out.add(new TravelTimeCache.Leg(from.get(i).id(), to.get(j).id(),
                        block.seconds()[i][j], block.meters()[i][j]));
            }
        }
    }
}
