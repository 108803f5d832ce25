package de.kuzmobil.routing.matrix;

import com.graphhopper.routing.Path;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.PMap;
import de.kuzmobil.routing.graph.RoadGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Bucket-based many-to-many shortest paths on GraphHopper's contraction hierarchy (Knopp,
 * Sanders, Schultes, Schulz, Wagner 2007; the scheme of OSRM's table service):
 * <ol>
 *   <li>an upward backward search from every target leaves, at each node it settles, an entry
 *       (target, weight, millis, metres) in that node's bucket;</li>
 *   <li>an upward forward search from every source scans the bucket of each node it settles:
 *       source→node plus the entry is a candidate for source→target, and the best candidate is
 *       the CH shortest path, because every shortest path in a CH goes up and then down.</li>
 * </ol>
 * Costs |S| + |T| CH searches plus the bucket scans, instead of |S|·|T| point-to-point queries.
 * Weights are GraphHopper's CH weights, so the paths are the ones its own CH routing picks, and
 * times and distances are summed per edge like its path extraction (see {@link EdgeMetrics}).
 */
public final class ManyToMany {

    private static final Logger LOG = LoggerFactory.getLogger(ManyToMany.class);

    private final RoadGraph graph;
    private final UpwardGraph upward;
    // Search state is O(graph nodes): reused across calls, one per concurrently running task.
    private final Queue<UpwardSearch> forwardSearches = new ConcurrentLinkedQueue<>();
    private final Queue<UpwardSearch> backwardSearches = new ConcurrentLinkedQueue<>();

    public ManyToMany(RoadGraph graph) {
        this.graph = graph;
        this.upward = UpwardGraph.build(graph.chGraph());
    }

    /**
     * @param sources phantom nodes; {@code null} for a site that could not be snapped (its row is
     *                unreachable)
     * @param targets likewise (its column is unreachable)
     */
    public MatrixResult compute(List<PhantomNode> sources, List<PhantomNode> targets) {
        long start = System.nanoTime();
        int s = sources.size();
        int t = targets.size();
        Buckets buckets = fillBuckets(targets);
        long bucketsDone = System.nanoTime();
        long[][] millis = new long[s][];
        double[][] meters = new double[s][];
        parallel(s, i -> {
            long[] ms = new long[t];
            double[] m = new double[t];
            Arrays.fill(ms, MatrixResult.UNREACHABLE);
            Arrays.fill(m, Double.NaN);
            PhantomNode source = sources.get(i);
            if (source != null) {
                scan(source, buckets, ms, m);
            }
            millis[i] = ms;
            meters[i] = m;
        });
        long scansDone = System.nanoTime();
        int sameEdge = 0;
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < t; j++) {
                PhantomNode a = sources.get(i);
                PhantomNode b = targets.get(j);
                if (a == null || b == null || !a.sharesEdgeWith(b)) {
                    continue;
                }
                if (a.latitude == b.latitude && a.longitude == b.longitude) {
                    millis[i][j] = 0; // the same point (the diagonal): GraphHopper's route has length 0 too
                    meters[i][j] = 0;
                } else {
                    pointToPoint(a, b, i, j, millis, meters);
                    sameEdge++;
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("many-to-many {}x{} in {} ms: backward searches + buckets {} ms ({} entries), forward scans {} ms, "
                            + "{} same-edge pairs routed directly", s, t, (System.nanoTime() - start) / 1_000_000,
                    (bucketsDone - start) / 1_000_000, buckets.size(), (scansDone - bucketsDone) / 1_000_000, sameEdge);
        }
        return new MatrixResult(millis, meters);
    }

    private void scan(PhantomNode source, Buckets buckets, long[] ms, double[] m) {
        double[] best = new double[ms.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        UpwardSearch search = borrow(forwardSearches, true);
        try {
            search.run(source.leaving, (node, w, nodeMillis, nodeMeters) -> {
                for (int k = buckets.first[node], end = buckets.first[node + 1]; k < end; k++) {
                    double candidate = w + buckets.weight[k];
                    int target = buckets.target[k];
                    if (candidate < best[target]) {
                        best[target] = candidate;
                        ms[target] = nodeMillis + buckets.millis[k];
                        m[target] = nodeMeters + buckets.meters[k];
                    }
                }
            });
        } finally {
            forwardSearches.offer(search);
        }
    }

    /** Bucket entries of all targets, grouped by node (counting sort) for cache-friendly scans. */
    private static final class Buckets {
        final int[] first;
        final int[] target;
        final double[] weight;
        final long[] millis;
        final double[] meters;

        Buckets(int nodes, int entries) {
            first = new int[nodes + 1];
            target = new int[entries];
            weight = new double[entries];
            millis = new long[entries];
            meters = new double[entries];
        }

        int size() {
            return target.length;
        }
    }

    /** Entries one backward search produced, in settle order. */
    private static final class Entries {
        int size;
        int[] node = new int[64];
        double[] weight = new double[64];
        long[] millis = new long[64];
        double[] meters = new double[64];

        void add(int n, double w, long ms, double m) {
            if (size == node.length) {
                int cap = size * 2;
                node = Arrays.copyOf(node, cap);
                weight = Arrays.copyOf(weight, cap);
                millis = Arrays.copyOf(millis, cap);
                meters = Arrays.copyOf(meters, cap);
            }
            node[size] = n;
            weight[size] = w;
            millis[size] = ms;
            meters[size] = m;
            size++;
        }
    }

    private Buckets fillBuckets(List<PhantomNode> targets) {
        int t = targets.size();
        Entries[] perTarget = new Entries[t];
        parallel(t, j -> {
            Entries entries = new Entries();
            PhantomNode target = targets.get(j);
            if (target != null) {
                UpwardSearch search = borrow(backwardSearches, false);
                try {
                    search.run(target.arriving, entries::add);
                } finally {
                    backwardSearches.offer(search);
                }
            }
            perTarget[j] = entries;
        });
        int nodes = upward.nodes;
        int total = 0;
        int[] count = new int[nodes + 1];
        for (Entries e : perTarget) {
            total += e.size;
            for (int k = 0; k < e.size; k++) {
                count[e.node[k] + 1]++;
            }
        }
        Buckets buckets = new Buckets(nodes, total);
        for (int v = 0; v < nodes; v++) {
            count[v + 1] += count[v];
        }
        System.arraycopy(count, 0, buckets.first, 0, nodes + 1);
        int[] next = count; // reused as fill cursor
        for (int j = 0; j < t; j++) {
            Entries e = perTarget[j];
            for (int k = 0; k < e.size; k++) {
                int pos = next[e.node[k]]++;
                buckets.target[pos] = j;
                buckets.weight[pos] = e.weight[k];
                buckets.millis[pos] = e.millis[k];
                buckets.meters[pos] = e.meters[k];
            }
        }
        return buckets;
    }

    /**
     * Two sites inside the same road edge: a path between them may run along the edge without
     * touching a junction, which the seeds cannot express. Rare; route such a pair the way
     * GraphHopper does, on a query graph holding both points.
     */
    private void pointToPoint(PhantomNode a, PhantomNode b, int i, int j, long[][] millis, double[][] meters) {
        Snap from = graph.locationIndex().findClosest(a.latitude, a.longitude, graph.snapFilter());
        Snap to = graph.locationIndex().findClosest(b.latitude, b.longitude, graph.snapFilter());
        QueryGraph queryGraph = QueryGraph.create(graph.baseGraph(), from, to);
        QueryRoutingCHGraph ch = new QueryRoutingCHGraph(graph.chGraph(), queryGraph);
        Path path = new CHRoutingAlgorithmFactory(ch).createAlgo(new PMap())
                .calcPath(from.getClosestNode(), to.getClosestNode());
        if (path.isFound()) {
            millis[i][j] = path.getTime();
            meters[i][j] = path.getDistance();
        } else {
            millis[i][j] = MatrixResult.UNREACHABLE;
            meters[i][j] = Double.NaN;
        }
    }

    private UpwardSearch borrow(Queue<UpwardSearch> pool, boolean forward) {
        UpwardSearch search = pool.poll();
        return search != null ? search : new UpwardSearch(upward, forward);
    }

    private static void parallel(int count, java.util.function.IntConsumer task) {
        if (count < 16) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        } else {
            IntStream.range(0, count).parallel().forEach(task);
        }
    }

    public int graphNodes() {
        return upward.nodes;
    }
}
