package de.kuzmobil.routing.snap;

import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.routing.graph.RoadGraph;
import de.kuzmobil.routing.matrix.PhantomNode;

import java.util.Locale;
import java.util.Optional;

/**
 * Snaps sites to the road network with the same filter GraphHopper's routing uses, and refuses
 * (with a reason) sites that are too far from any road to be served by car from it.
 */
public final class SiteSnapper {

    private final RoadGraph graph;
    private final RoadComponents components;
    private final double maxSnapMeters;

    public SiteSnapper(RoadGraph graph, RoadComponents components, double maxSnapMeters) {
        this.graph = graph;
        this.components = components;
        this.maxSnapMeters = maxSnapMeters;
    }

    /** A snap result: the report, plus the phantom node for routing when the site is routable. */
    public record Snapped(SnapReport report, PhantomNode phantom) {
    }

    public Snapped snap(Location location) {
        Snap snap = graph.locationIndex().findClosest(location.latitude(), location.longitude(), graph.snapFilter());
        if (!snap.isValid()) {
            return new Snapped(new SnapReport(location, Double.NaN, Double.NaN, Double.NaN, -1, 0, false,
                    Optional.of(String.format(Locale.ROOT, "%s: no road found near (%.5f, %.5f)",
                            location.id(), location.latitude(), location.longitude()))), null);
        }
        double distance = snap.getQueryDistance();
        EdgeIteratorState edge = snap.getClosestEdge();
        int component = components.componentOf(edge.getBaseNode());
        int other = components.componentOf(edge.getAdjNode());
        if (components.size(other) > components.size(component)) {
            component = other;
        }
        boolean main = component == components.mainComponent();
        if (distance > maxSnapMeters) {
            return new Snapped(new SnapReport(location, distance, snap.getSnappedPoint().lat, snap.getSnappedPoint().lon,
                    component, components.size(component), main, Optional.of(String.format(Locale.ROOT,
                    "%s: not within %.0f m of a road (nearest road %.0f m away)", location.id(), maxSnapMeters,
                    distance))), null);
        }
        SnapReport report = new SnapReport(location, distance, snap.getSnappedPoint().lat, snap.getSnappedPoint().lon,
                component, components.size(component), main, Optional.empty());
        return new Snapped(report, PhantomNode.of(graph.baseGraph(), graph.weighting(), snap));
    }
}
