package de.kuzmobil.bench.matrix;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import com.graphhopper.util.shapes.BBox;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.routing.RoadRouter;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import de.kuzmobil.routing.graph.SyntheticGrid;
import de.kuzmobil.routing.matrix.MatrixResult;
import de.kuzmobil.routing.snap.SnapReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * {@code bench/run-matrix OSM_FILE N [--seed S] [--profile car|van] [--cache DIR] [--fresh]}
 * <p>
 * Picks N seeded random sites on the graph's main road network, computes the N×N matrix with our
 * many-to-many (median of 5 after two untimed warm-ups), routes a seeded sample of pairs with GraphHopper's
 * point-to-point routing in the same JVM, and compares. The last line is machine-readable:
 * {@code MATRIX nodes=... n=... m2m_ms=... p2p_ms_per_pair=... sampled_pairs=... max_rel_diff=...}
 * <p>
 * {@code OSM_FILE} may also be {@code grid:NODES} (e.g. {@code grid:100000}): a synthetic grid is
 * written to bench/out/ first and imported like any OSM file.
 */
public final class MatrixBench {

    private static final int MAX_SAMPLED_PAIRS = 10_000;
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: run-matrix OSM_FILE|grid:NODES N [--seed S] [--profile car|van] [--cache DIR] [--fresh]");
            System.exit(2);
        }
        String osmArg = args[0];
        int n = Integer.parseInt(args[1]);
        long seed = 42;
        String profile = "car";
        Path out = Path.of(System.getProperty("bench.out", "bench/out"));
        Path cache = out.resolve("graph-cache");
        boolean fresh = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--profile" -> profile = args[++i];
                case "--cache" -> cache = Path.of(args[++i]);
                case "--fresh" -> fresh = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path osm = osmArg.startsWith("grid:") ? writeGrid(out, Integer.parseInt(osmArg.substring(5))) : Path.of(osmArg);
        if (fresh) {
            deleteRecursively(cache);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        long openStart = System.nanoTime();
        try (RoadRouting routing = RoadRouting.open(RoutingConfig.of(osm, cache, profile, 300))) {
            long openMs = (System.nanoTime() - openStart) / 1_000_000;
            long heapMb = usedHeapMb();
            int nodes = routing.graph().baseGraph().getNodes();
            System.out.printf(Locale.ROOT, "graph: %s, %d nodes, %d edges, %d shortcuts; %s in %d ms "
                            + "(GraphHopper %d ms incl. CH, then components + upward graph); heap after import %d MB, "
                            + "peak during import <= %d MB%n",
                    osm.getFileName(), nodes, routing.graph().baseGraph().getEdges(),
                    routing.graph().chGraph().getShortcuts(), routing.graph().imported() ? "imported" : "loaded from cache",
                    openMs, routing.graph().openMillis(), heapMb, peakHeapMb());

            List<Location> sites = randomSites(routing, n, seed);
            RoadRouter router = routing.router();

            // Two untimed full-size warm-ups so that the timed runs measure compiled code, as in a
            // long-running server; then the median of five runs, on all cores and on one thread.
            RoadRouter.Routed routed = router.routeExact(sites, sites);
            ForkJoinPool single = new ForkJoinPool(1);
            single.submit(() -> router.routeExact(sites, sites)).get();
            long[] parallelMs = new long[RUNS];
            long[] oneThreadMs = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long t0 = System.nanoTime();
                routed = router.routeExact(sites, sites);
                parallelMs[r] = (System.nanoTime() - t0) / 1_000_000;
                long t1 = System.nanoTime();
                single.submit(() -> router.routeExact(sites, sites)).get();
                oneThreadMs[r] = (System.nanoTime() - t1) / 1_000_000;
            }
            single.shutdown();
            long m2mMs = median(parallelMs);
            long m2mOneThreadMs = median(oneThreadMs);
            MatrixResult m = routed.result();

            List<int[]> pairs = samplePairs(n, seed);
            for (int k = 0; k < Math.min(200, pairs.size()); k++) { // warm-up, untimed
                pointToPoint(routing, sites.get(pairs.get(k)[0]), sites.get(pairs.get(k)[1]));
            }
            double maxRelDiff = 0;
            int reachabilityMismatches = 0;
            long p2pNanos = 0;
            for (int[] pair : pairs) {
                long s = System.nanoTime();
                GHResponse rsp = pointToPoint(routing, sites.get(pair[0]), sites.get(pair[1]));
                p2pNanos += System.nanoTime() - s;
                boolean p2pFound = !rsp.hasErrors();
                if (p2pFound != m.reachable(pair[0], pair[1])) {
                    reachabilityMismatches++;
                    continue;
                }
                if (p2pFound) {
                    ResponsePath p = rsp.getBest();
                    maxRelDiff = Math.max(maxRelDiff, relDiff(m.millis()[pair[0]][pair[1]], p.getTime()));
                    maxRelDiff = Math.max(maxRelDiff, relDiff(m.meters()[pair[0]][pair[1]], p.getDistance()));
                }
            }
            double p2pPerPair = p2pNanos / 1e6 / pairs.size();
            double p2pAllPairsMs = p2pPerPair * n * (double) n;
            System.out.printf(Locale.ROOT, "m2m %dx%d (incl. snapping), median of 5: %d ms on %d threads %s, "
                            + "%d ms on 1 thread %s%n", n, n, m2mMs, ForkJoinPool.commonPool().getParallelism() + 1,
                    java.util.Arrays.toString(parallelMs), m2mOneThreadMs, java.util.Arrays.toString(oneThreadMs));
            System.out.printf(Locale.ROOT, "p2p: %.3f ms per pair over %d sampled pairs -> N^2 = %.0f ms; "
                            + "speed-up %.1fx (%.1fx vs 1-thread m2m); reachability mismatches %d%n",
                    p2pPerPair, pairs.size(), p2pAllPairsMs, p2pAllPairsMs / m2mMs, p2pAllPairsMs / m2mOneThreadMs,
                    reachabilityMismatches);
            if (reachabilityMismatches > 0) {
                maxRelDiff = Double.POSITIVE_INFINITY;
            }
            System.out.printf(Locale.ROOT, "MATRIX nodes=%d n=%d m2m_ms=%d p2p_ms_per_pair=%.4f sampled_pairs=%d max_rel_diff=%.3g%n",
                    nodes, n, m2mMs, p2pPerPair, pairs.size(), maxRelDiff);
        }
    }

    /** GraphHopper's own routing, without instructions and polyline (not needed for a time). */
    private static GHResponse pointToPoint(RoadRouting routing, Location from, Location to) {
        GHRequest request = new GHRequest(from.latitude(), from.longitude(), to.latitude(), to.longitude())
                .setProfile(routing.graph().profileName());
        request.getHints().putObject("instructions", false).putObject("calc_points", false);
        return routing.graph().hopper().route(request);
    }

    private static List<Location> randomSites(RoadRouting routing, int n, long seed) {
        BBox bounds = routing.graph().baseGraph().getBounds();
        Random random = new Random(seed);
        List<Location> sites = new ArrayList<>(n);
        int tries = 0;
        while (sites.size() < n) {
            if (++tries > 100 * n + 1000) {
                throw new IllegalStateException("could not find " + n + " sites on the road network");
            }
            Location site = new Location("p" + sites.size(),
                    bounds.minLat + random.nextDouble() * (bounds.maxLat - bounds.minLat),
                    bounds.minLon + random.nextDouble() * (bounds.maxLon - bounds.minLon));
            SnapReport r = routing.snap(site);
            if (r.routable() && r.mainNetwork()) {
                sites.add(site);
            }
        }
        return sites;
    }

    private static List<int[]> samplePairs(int n, long seed) {
        List<int[]> pairs = new ArrayList<>();
        if ((long) n * n <= MAX_SAMPLED_PAIRS) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    pairs.add(new int[]{i, j});
                }
            }
        } else {
            Random random = new Random(seed + 1);
            for (int k = 0; k < MAX_SAMPLED_PAIRS; k++) {
                pairs.add(new int[]{random.nextInt(n), random.nextInt(n)});
            }
        }
        return pairs;
    }

    private static Path writeGrid(Path out, int nodes) {
        Path file = out.resolve("grid-" + nodes + ".osm");
        if (!Files.isRegularFile(file)) {
            SyntheticGrid.ofAbout(nodes, 1).writeTo(file);
        }
        return file;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Sum of the heap pools' peaks: an upper bound of the peak heap use so far. */
    private static long peakHeapMb() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static long usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static double relDiff(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
