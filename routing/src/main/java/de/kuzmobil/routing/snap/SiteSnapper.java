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

    /**
     * GraphHopper does not snap to road networks smaller than the configured minimum (its
     * subnetwork removal), so a site on a small island lands far from "any" road; say which.
     */
    private String tooFar(Location location, double distance) {
        Snap isolated = graph.locationIndex().findClosest(location.latitude(), location.longitude(),
                edge -> Double.isFinite(graph.weighting().calcEdgeWeight(edge, false))
                        || Double.isFinite(graph.weighting().calcEdgeWeight(edge, true)));
        if (isolated.isValid() && isolated.getQueryDistance() <= maxSnapMeters) {
            int size = Math.max(components.size(components.componentOf(isolated.getClosestEdge().getBaseNode())),
                    components.size(components.componentOf(isolated.getClosestEdge().getAdjNode())));
            return String.format(Locale.ROOT, "%s: its road (%.0f m away) belongs to a small isolated road network "
                    + "(%d junctions) with no road connection to the main network (e.g. an island)",
                    location.id(), isolated.getQueryDistance(), size);
        }
        if (Double.isNaN(distance)) {
            return String.format(Locale.ROOT, "%s: not within %.0f m of a road (no road found nearby)",
                    location.id(), maxSnapMeters);
        }
        return String.format(Locale.ROOT, "%s: not within %.0f m of a road (nearest road %.0f m away)",
                location.id(), maxSnapMeters, distance);
    }

    public Snapped snap(Location location) {
        Snap snap = graph.locationIndex().findClosest(location.latitude(), location.longitude(), graph.snapFilter());
        if (!snap.isValid()) {
            return new Snapped(new SnapReport(location, Double.NaN, Double.NaN, Double.NaN, -1, 0, false,
                    Optional.of(tooFar(location, Double.NaN))), null);
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
                    component, components.size(component), main, Optional.of(tooFar(location, distance))), null);
        }
        SnapReport report = new SnapReport(location, distance, snap.getSnappedPoint().lat, snap.getSnappedPoint().lon,
                component, components.size(component), main, Optional.empty());
        return new Snapped(report, PhantomNode.of(graph.baseGraph(), graph.weighting(), snap));
    }
}
