package de.kuzmobil.routing.matrix;

import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;

/**
 * A snapped site as start or end of CH searches. A point in the middle of a road is not a graph
 * node: GraphHopper splits the road with a virtual node for each query. Here the two halves are
 * measured once with a one-point {@link QueryGraph} (so their weights, milliseconds and metres are
 * GraphHopper's own) and become seeds: leaving the site means reaching the road's end nodes with
 * those initial values, arriving means coming from them.
 */
public final class PhantomNode {

    private static final int NO_EDGE = -1;

    final double latitude;
    final double longitude;
    /** Road edge the site lies inside; {@link #NO_EDGE} when it snapped to a junction. */
    final int edge;
    final Seed[] leaving;
    final Seed[] arriving;

    record Seed(int node, double weight, long millis, double meters) {
    }

    private PhantomNode(double latitude, double longitude, int edge, Seed[] leaving, Seed[] arriving) {
        this.latitude = latitude;
        this.longitude = longitude;
        this.edge = edge;
        this.leaving = leaving;
        this.arriving = arriving;
    }

    /** @param snap a valid snap, not yet used for any QueryGraph (those rewrite it) */
    public static PhantomNode of(BaseGraph graph, Weighting weighting, Snap snap) {
        double lat = snap.getQueryPoint().lat;
        double lon = snap.getQueryPoint().lon;
        if (snap.getSnappedPosition() == Snap.Position.TOWER) {
            Seed at = new Seed(snap.getClosestNode(), 0, 0, 0);
            return new PhantomNode(lat, lon, NO_EDGE, new Seed[]{at}, new Seed[]{at});
        }
        int edge = snap.getClosestEdge().getEdge();
        QueryGraph queryGraph = QueryGraph.create(graph, snap);
        int virtual = snap.getClosestNode();
        if (!queryGraph.isVirtualNode(virtual)) {
            Seed at = new Seed(virtual, 0, 0, 0);
            return new PhantomNode(lat, lon, NO_EDGE, new Seed[]{at}, new Seed[]{at});
        }
        EdgeExplorer explorer = queryGraph.createEdgeExplorer();
        EdgeIterator it = explorer.setBaseNode(virtual);
        java.util.List<Seed> leaving = new java.util.ArrayList<>(2);
        java.util.List<Seed> arriving = new java.util.ArrayList<>(2);
        while (it.next()) {
            int road = it.getAdjNode();
            double out = weighting.calcEdgeWeight(it, false);
            if (Double.isFinite(out)) {
                leaving.add(new Seed(road, out, weighting.calcEdgeMillis(it, false), it.getDistance()));
            }
            double in = weighting.calcEdgeWeight(it, true);
            if (Double.isFinite(in)) {
                arriving.add(new Seed(road, in, weighting.calcEdgeMillis(it, true), it.getDistance()));
            }
        }
        return new PhantomNode(lat, lon, edge, leaving.toArray(Seed[]::new), arriving.toArray(Seed[]::new));
    }

    /** Both lie inside the same road edge: the path between them may not pass any junction. */
    boolean sharesEdgeWith(PhantomNode other) {
        return edge != NO_EDGE && edge == other.edge;
    }
}
