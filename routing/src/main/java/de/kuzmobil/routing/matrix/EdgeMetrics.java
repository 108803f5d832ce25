package de.kuzmobil.routing.matrix;

import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.Graph;
import com.graphhopper.storage.RoutingCHEdgeIteratorState;
import com.graphhopper.storage.RoutingCHGraph;

import java.util.Arrays;

/**
 * Time and distance of CH edges per direction. GraphHopper stores only a weight for shortcuts
 * (with distance_influence the weight is neither seconds nor metres), so the time and distance of a
 * shortcut are summed from the two edges it skips, memoised. Times are summed from per-edge
 * milliseconds exactly as GraphHopper's path extraction sums them, which is what makes the matrix
 * equal to its point-to-point routes.
 */
final class EdgeMetrics {

    private final RoutingCHGraph ch;
    private final Graph base;
    private final Weighting weighting;
    private final int baseEdges;
    // index 2*shortcut + (from < to ? 0 : 1); -1 = not computed yet
    private final long[] shortcutMillis;
    private final double[] shortcutMeters;

    EdgeMetrics(RoutingCHGraph ch) {
        this.ch = ch;
        this.base = ch.getBaseGraph();
        this.weighting = ch.getWeighting();
        this.baseEdges = base.getEdges();
        this.shortcutMillis = new long[2 * ch.getShortcuts()];
        this.shortcutMeters = new double[2 * ch.getShortcuts()];
        Arrays.fill(shortcutMillis, -1);
    }

    /** Milliseconds to drive CH edge {@code chEdge} from node {@code from} to node {@code to}. */
    long millis(int chEdge, int from, int to) {
        if (chEdge < baseEdges) {
            return weighting.calcEdgeMillis(base.getEdgeIteratorState(chEdge, to), false);
        }
        int slot = slot(chEdge, from, to);
        if (shortcutMillis[slot] < 0) {
            unpack(chEdge, from, to);
        }
        return shortcutMillis[slot];
    }

    double meters(int chEdge, int from, int to) {
        if (chEdge < baseEdges) {
            return base.getEdgeIteratorState(chEdge, to).getDistance();
        }
        int slot = slot(chEdge, from, to);
        if (shortcutMillis[slot] < 0) {
            unpack(chEdge, from, to);
        }
        return shortcutMeters[slot];
    }

    private int slot(int chEdge, int from, int to) {
        return 2 * (chEdge - baseEdges) + (from < to ? 0 : 1);
    }

    private void unpack(int shortcut, int from, int to) {
        RoutingCHEdgeIteratorState sc = ch.getEdgeIteratorState(shortcut, to);
        if (sc == null || sc.getBaseNode() != from) {
            throw new IllegalStateException("shortcut " + shortcut + " does not join " + from + " and " + to);
        }
        int first = sc.getSkippedEdge1();
        int second = sc.getSkippedEdge2();
        // The skipped edges meet at the contracted node; find which one leaves 'from'.
        RoutingCHEdgeIteratorState leg = ch.getEdgeIteratorState(first, from);
        if (leg == null) {
            int swap = first;
            first = second;
            second = swap;
            leg = ch.getEdgeIteratorState(first, from);
            if (leg == null) {
                throw new IllegalStateException("shortcut " + shortcut + " skips no edge at node " + from);
            }
        }
        int via = leg.getBaseNode();
        int slot = slot(shortcut, from, to);
        shortcutMillis[slot] = millis(first, from, via) + millis(second, via, to);
        shortcutMeters[slot] = meters(first, from, via) + meters(second, via, to);
    }
}
