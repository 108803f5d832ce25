package de.kuzmobil.routing;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.matrix.ManyToMany;
import de.kuzmobil.routing.matrix.MatrixResult;
import de.kuzmobil.routing.matrix.PhantomNode;
import de.kuzmobil.routing.snap.SiteSnapper;
import de.kuzmobil.routing.snap.SnapReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Road travel times: snaps every site, runs the many-to-many search and turns what cannot be
 * routed into named problems. Seconds are GraphHopper's milliseconds rounded to the nearest
 * second, metres its distance rounded to the nearest metre; pairs without a road path are
 * {@link TravelMatrix#UNREACHABLE}, never a made-up time.
 */
public final class RoadRouter implements MatrixRouter {

    private final String profile;
    private final String graphVersion;
    private final SiteSnapper snapper;
    private final ManyToMany manyToMany;

    RoadRouter(String profile, String graphVersion, SiteSnapper snapper, ManyToMany manyToMany) {
        this.profile = profile;
        this.graphVersion = graphVersion;
        this.snapper = snapper;
        this.manyToMany = manyToMany;
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public String graphVersion() {
        return graphVersion;
    }

    @Override
    public TravelSource source() {
        return TravelSource.ROAD;
    }

    @Override
    public Block route(List<Location> sources, List<Location> targets) {
        Routed routed = routeExact(sources, targets);
        MatrixResult exact = routed.result();
        long[][] seconds = new long[sources.size()][targets.size()];
        long[][] meters = new long[sources.size()][targets.size()];
        for (int i = 0; i < sources.size(); i++) {
            for (int j = 0; j < targets.size(); j++) {
                if (exact.reachable(i, j)) {
                    seconds[i][j] = Math.round(exact.millis()[i][j] / 1000.0);
                    meters[i][j] = Math.round(exact.meters()[i][j]);
                } else {
                    seconds[i][j] = TravelMatrix.UNREACHABLE;
                    meters[i][j] = TravelMatrix.UNREACHABLE;
                }
            }
        }
        return new Block(seconds, meters, routed.problems());
    }

    /** The unrounded result (milliseconds, metres) with the problems; for verification and benchmarks. */
    public record Routed(MatrixResult result, Map<String, String> problems, Map<String, SnapReport> snaps) {
    }

    public Routed routeExact(List<Location> sources, List<Location> targets) {
        Map<Location, SiteSnapper.Snapped> snapped = new HashMap<>();
        Map<String, SnapReport> reports = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        List<PhantomNode> from = phantoms(sources, snapped, reports, problems);
        List<PhantomNode> to = phantoms(targets, snapped, reports, problems);
        MatrixResult result = manyToMany.compute(from, to);
        reportDisconnected(sources, targets, from, to, result, reports, problems);
        return new Routed(result, problems, reports);
    }

    private List<PhantomNode> phantoms(List<Location> locations, Map<Location, SiteSnapper.Snapped> snapped,
                                       Map<String, SnapReport> reports, Map<String, String> problems) {
        List<PhantomNode> phantoms = new ArrayList<>(locations.size());
        for (Location location : locations) {
            SiteSnapper.Snapped s = snapped.computeIfAbsent(location, snapper::snap);
            reports.put(location.id(), s.report());
            s.report().problem().ifPresent(p -> problems.put(location.id(), p));
            phantoms.add(s.phantom());
        }
        return phantoms;
    }

    /**
     * Names sites that are snapped but cut off from others: the one outside the main road network
     * carries the explanation (the mainland sites are fine, the island is the problem).
     */
    private static void reportDisconnected(List<Location> sources, List<Location> targets, List<PhantomNode> from,
                                           List<PhantomNode> to, MatrixResult result, Map<String, SnapReport> reports,
                                           Map<String, String> problems) {
        boolean[] sourceMain = new boolean[sources.size()];
        boolean[] targetMain = new boolean[targets.size()];
        for (int i = 0; i < sources.size(); i++) {
            sourceMain[i] = from.get(i) != null && reports.get(sources.get(i).id()).mainNetwork();
        }
        for (int j = 0; j < targets.size(); j++) {
            targetMain[j] = to.get(j) != null && reports.get(targets.get(j).id()).mainNetwork();
        }
        int[] noPathTo = new int[sources.size()];
        int[] routedTo = new int[sources.size()];
        int[] noPathFrom = new int[targets.size()];
        int[] routedFrom = new int[targets.size()];
        for (int i = 0; i < sources.size(); i++) {
            if (from.get(i) == null) {
                continue;
            }
            String a = sources.get(i).id();
            for (int j = 0; j < targets.size(); j++) {
                if (to.get(j) == null || a.equals(targets.get(j).id())) {
                    continue;
                }
                routedTo[i]++;
                routedFrom[j]++;
                if (!result.reachable(i, j)) {
                    if (!sourceMain[i] || targetMain[j]) {
                        noPathTo[i]++;
                    }
                    if (!targetMain[j] || sourceMain[i]) {
                        noPathFrom[j]++;
                    }
                }
            }
        }
        Map<String, int[]> cutOff = new LinkedHashMap<>(); // id -> {no path to, of, no path from, of}
        for (int i = 0; i < sources.size(); i++) {
            int[] c = cutOff.computeIfAbsent(sources.get(i).id(), k -> new int[4]);
            c[0] += noPathTo[i];
            c[1] += routedTo[i];
        }
        for (int j = 0; j < targets.size(); j++) {
            int[] c = cutOff.computeIfAbsent(targets.get(j).id(), k -> new int[4]);
            c[2] += noPathFrom[j];
            c[3] += routedFrom[j];
        }
        cutOff.values().removeIf(c -> c[0] == 0 && c[2] == 0);
        cutOff.forEach((id, c) -> {
            SnapReport r = reports.get(id);
            String where = r.mainNetwork()
                    ? "although it lies on the main road network"
                    : String.format(Locale.ROOT, "its road component (%d junctions) is cut off from the main "
                    + "network in at least one direction (e.g. an island without a car link to the mainland, or a "
                    + "one-way dead end)", r.componentSize());
            problems.merge(id, String.format(Locale.ROOT, "%s: no road path to %d of %d and from %d of %d other sites; %s",
                    id, c[0], c[1], c[2], c[3], where), (x, y) -> x + "; " + y);
        });
    }
}
