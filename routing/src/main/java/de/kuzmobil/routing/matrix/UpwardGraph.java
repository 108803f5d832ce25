package de.kuzmobil.routing.matrix;

import com.graphhopper.storage.RoutingCHEdgeExplorer;
import com.graphhopper.storage.RoutingCHEdgeIterator;
import com.graphhopper.storage.RoutingCHGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The CH graph flattened into two adjacency arrays that only lead upwards in the hierarchy:
 * {@code out} edges v→u and {@code in} edges u→v, each with level(u) ≥ level(v), carrying
 * GraphHopper's CH weight plus the edge's milliseconds and metres in that direction. Built once
 * per graph; immutable, so any number of matrix computations can read it in parallel, and the
 * searches touch plain arrays instead of GraphHopper's iterators.
 */
final class UpwardGraph {

    private static final Logger LOG = LoggerFactory.getLogger(UpwardGraph.class);

    final int nodes;
    final Adjacency out;
    final Adjacency in;

    static final class Adjacency {
        final int[] first;     // edges of node v: first[v] .. first[v+1]-1
        final int[] head;      // the other (higher) node
        final double[] weight;
        final long[] millis;
        final double[] meters;

        Adjacency(int nodes, int edges) {
            first = new int[nodes + 1];
            head = new int[edges];
            weight = new double[edges];
            millis = new long[edges];
            meters = new double[edges];
        }
    }

    private UpwardGraph(int nodes, Adjacency out, Adjacency in) {
        this.nodes = nodes;
        this.out = out;
        this.in = in;
    }

    static UpwardGraph build(RoutingCHGraph ch) {
        if (ch.isEdgeBased()) {
            throw new IllegalArgumentException("many-to-many needs a node-based CH graph (profile without turn costs)");
        }
        // Summing a shortcut recurses once per nesting level; give that its own generous stack.
        AtomicReference<Object> result = new AtomicReference<>();
        Thread builder = new Thread(null, () -> {
            try {
                result.set(buildNow(ch));
            } catch (RuntimeException | Error e) {
                result.set(e);
            }
        }, "upward-graph-builder", 256L << 20);
        builder.start();
        try {
            builder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the upward graph", e);
        }
        Object r = result.get();
        if (r instanceof RuntimeException e) {
            throw e;
        }
        if (r instanceof Error e) {
            throw e;
        }
        return (UpwardGraph) r;
    }

    private static UpwardGraph buildNow(RoutingCHGraph ch) {
        long start = System.nanoTime();
        EdgeMetrics metrics = new EdgeMetrics(ch);
        int n = ch.getNodes();
        Adjacency out = collect(ch, metrics, ch.createOutEdgeExplorer(), false);
        Adjacency in = collect(ch, metrics, ch.createInEdgeExplorer(), true);
        LOG.info("Upward CH graph built in {} ms: {} nodes, {} up-out and {} up-in edges",
                (System.nanoTime() - start) / 1_000_000, n, out.head.length, in.head.length);
        return new UpwardGraph(n, out, in);
    }

    /**
     * For {@code incoming}, the explorer's base node v is the edge's head: the edge is u→v and its
     * weight is GraphHopper's {@code getWeight(true)}, as in its backward CH search.
     */
    private static Adjacency collect(RoutingCHGraph ch, EdgeMetrics metrics, RoutingCHEdgeExplorer explorer,
                                     boolean incoming) {
        int n = ch.getNodes();
        int count = 0;
        for (int v = 0; v < n; v++) {
            RoutingCHEdgeIterator it = explorer.setBaseNode(v);
            while (it.next()) {
                if (accept(ch, it, v, incoming)) {
                    count++;
                }
            }
        }
        Adjacency adj = new Adjacency(n, count);
        int e = 0;
        for (int v = 0; v < n; v++) {
            adj.first[v] = e;
            RoutingCHEdgeIterator it = explorer.setBaseNode(v);
            while (it.next()) {
                if (!accept(ch, it, v, incoming)) {
                    continue;
                }
                int u = it.getAdjNode();
                int from = incoming ? u : v;
                int to = incoming ? v : u;
                adj.head[e] = u;
                adj.weight[e] = it.getWeight(incoming);
                adj.millis[e] = metrics.millis(it.getEdge(), from, to);
                adj.meters[e] = metrics.meters(it.getEdge(), from, to);
                e++;
            }
        }
        adj.first[n] = e;
        return adj;
    }

    private static boolean accept(RoutingCHGraph ch, RoutingCHEdgeIterator it, int v, boolean incoming) {
        int u = it.getAdjNode();
        return u != v && ch.getLevel(u) >= ch.getLevel(v) && Double.isFinite(it.getWeight(incoming));
    }
}
