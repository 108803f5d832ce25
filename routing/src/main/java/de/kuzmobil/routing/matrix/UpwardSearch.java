package de.kuzmobil.routing.matrix;

import java.util.Arrays;

/**
 * One-directional Dijkstra that only climbs the contraction hierarchy, with stall-on-demand:
 * a node that can be reached more cheaply from a higher node (which the upward search could not
 * use) is not expanded, because no shortest path passes it with this distance. Reusable; one
 * instance per thread.
 */
final class UpwardSearch {

    interface SettledVisitor {
        void settled(int node, double weight, long millis, double meters);
    }

    private final UpwardGraph.Adjacency relax;
    private final UpwardGraph.Adjacency stall;
    private final double[] weight;
    private final long[] millis;
    private final double[] meters;
    private final int[] reachedRun;
    private final int[] settledRun;
    private int run;
    private final MinHeap heap = new MinHeap();
    int settledCount;

    /** @param forward search from a source along out-edges; otherwise from a target along in-edges */
    UpwardSearch(UpwardGraph graph, boolean forward) {
        this.relax = forward ? graph.out : graph.in;
        this.stall = forward ? graph.in : graph.out;
        int n = graph.nodes;
        weight = new double[n];
        millis = new long[n];
        meters = new double[n];
        reachedRun = new int[n];
        settledRun = new int[n];
    }

    void run(PhantomNode.Seed[] seeds, SettledVisitor visitor) {
        run++;
        heap.clear();
        for (PhantomNode.Seed s : seeds) {
            improve(s.node(), s.weight(), s.millis(), s.meters());
        }
        while (!heap.isEmpty()) {
            double w = heap.peekKey();
            int v = heap.poll();
            if (settledRun[v] == run || w > weight[v]) {
                continue; // stale heap entry
            }
            settledRun[v] = run;
            settledCount++;
            if (stalled(v)) {
                continue;
            }
            visitor.settled(v, w, millis[v], meters[v]);
            for (int e = relax.first[v], end = relax.first[v + 1]; e < end; e++) {
                int u = relax.head[e];
                if (settledRun[u] != run) {
                    improve(u, w + relax.weight[e], millis[v] + relax.millis[e], meters[v] + relax.meters[e]);
                }
            }
        }
    }

    private boolean stalled(int v) {
        double w = weight[v];
        for (int e = stall.first[v], end = stall.first[v + 1]; e < end; e++) {
            int u = stall.head[e];
            if (reachedRun[u] == run && weight[u] + stall.weight[e] < w) {
                return true;
            }
        }
        return false;
    }

    private void improve(int node, double w, long ms, double m) {
        if (reachedRun[node] != run || w < weight[node]) {
            reachedRun[node] = run;
            weight[node] = w;
            millis[node] = ms;
            meters[node] = m;
            heap.add(w, node);
        }
    }

    /** Binary heap of (weight, node) with lazy deletion. */
    static final class MinHeap {
        private double[] keys = new double[256];
        private int[] values = new int[256];
        private int size;

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        double peekKey() {
            return keys[0];
        }

        void add(double key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= key) {
                    break;
                }
                keys[i] = keys[parent];
                values[i] = values[parent];
                i = parent;
            }
            keys[i] = key;
            values[i] = value;
        }

        int poll() {
            int top = values[0];
            size--;
            if (size > 0) {
                double key = keys[size];
                int value = values[size];
                int i = 0;
                int half = size >>> 1;
                while (i < half) {
                    int child = 2 * i + 1;
                    if (child + 1 < size && keys[child + 1] < keys[child]) {
                        child++;
                    }
                    if (key <= keys[child]) {
                        break;
                    }
                    keys[i] = keys[child];
                    values[i] = values[child];
                    i = child;
                }
                keys[i] = key;
                values[i] = value;
            }
            return top;
        }
    }
}
