package de.kuzmobil.routing;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelTimes;
import de.kuzmobil.routing.geometry.LegGeometry;
import de.kuzmobil.routing.geometry.RouteGeometry;
import de.kuzmobil.routing.graph.RoadGraph;
import de.kuzmobil.routing.matrix.ManyToMany;
import de.kuzmobil.routing.snap.RoadComponents;
import de.kuzmobil.routing.snap.SiteSnapper;
import de.kuzmobil.routing.snap.SnapReport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Entry point of road routing: open once at start-up (imports the OSM file the first time, loads
 * the cached graph afterwards), share, close at shutdown. Thread-safe after {@link #open}.
 */
public final class RoadRouting implements AutoCloseable {

    private final RoutingConfig config;
    private final RoadGraph graph;
    private final SiteSnapper snapper;
    private final RoadRouter router;
    private final RouteGeometry geometry;

    private RoadRouting(RoutingConfig config, RoadGraph graph) {
        this.config = config;
        this.graph = graph;
        this.snapper = new SiteSnapper(graph, RoadComponents.of(graph.baseGraph(), graph.weighting()),
                config.maxSnapMeters());
        String version = graph.cacheKey().version()
                + String.format(Locale.ROOT, ";snap=%.0fm;minNetwork=%d", config.maxSnapMeters(), config.minNetworkSize());
        this.router = new RoadRouter(graph.profileName(), version, snapper, new ManyToMany(graph));
        this.geometry = new RouteGeometry(graph);
    }

    public static RoadRouting open(RoutingConfig config) {
        RoadGraph graph = RoadGraph.open(config);
        try {
            return new RoadRouting(config, graph);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /**
     * The router to wrap in the persistent cache, or without one: {@code MatrixRouter.uncached(router())}.
     * With no OSM file configured use {@link EstimatedRouter} instead.
     */
    public RoadRouter router() {
        return router;
    }

    public TravelTimes travelTimes() {
        return MatrixRouter.uncached(router);
    }

    public SnapReport snap(Location location) {
        return snapper.snap(location).report();
    }

    /** The leg's polyline with its time and distance; empty when there is no road path. */
    public Optional<LegGeometry> legGeometry(Location from, Location to) {
        if (!snap(from).routable() || !snap(to).routable()) {
            return Optional.empty();
        }
        return geometry.leg(from, to);
    }

    public RouteGeometry geometry() {
        return geometry;
    }

    public RoadGraph graph() {
        return graph;
    }

    public RoutingConfig config() {
        return config;
    }

    @Override
    public void close() {
        graph.close();
    }
}
