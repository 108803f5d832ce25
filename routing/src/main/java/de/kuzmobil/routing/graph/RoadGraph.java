package de.kuzmobil.routing.graph;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.CHProfile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.LocationIndex;
import de.kuzmobil.routing.RoutingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A GraphHopper road graph with contraction hierarchies for one vehicle profile: imported from the
 * OSM file on first use, loaded from the cache directory afterwards.
 */
public final class RoadGraph implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoadGraph.class);

    private final GraphHopper hopper;
    private final VehicleProfile profile;
    private final GraphCacheKey cacheKey;
    private final Path directory;
    private final boolean imported;
    private final long openMillis;

    private RoadGraph(GraphHopper hopper, VehicleProfile profile, GraphCacheKey cacheKey, Path directory,
                      boolean imported, long openMillis) {
        this.hopper = hopper;
        this.profile = profile;
        this.cacheKey = cacheKey;
        this.directory = directory;
        this.imported = imported;
        this.openMillis = openMillis;
    }

    public static RoadGraph open(RoutingConfig config) {
        Path osm = config.osmFile();
        if (!Files.isRegularFile(osm)) {
            throw new IllegalArgumentException("OSM file not found: " + osm.toAbsolutePath());
        }
        long start = System.nanoTime();
        GraphCacheKey key = GraphCacheKey.of(osm, config.profile());
        Path dir = key.directoryUnder(config.cacheRoot());
        // GraphHopper writes "properties" last; without it the directory is a broken import.
        boolean cached = Files.isRegularFile(dir.resolve("properties"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create graph cache directory " + dir, e);
        }
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(osm.toAbsolutePath().toString());
        hopper.setGraphHopperLocation(dir.toAbsolutePath().toString());
        hopper.setEncodedValuesString(VehicleProfile.ENCODED_VALUES);
        hopper.setProfiles(config.profile().ghProfile());
        hopper.getCHPreparationHandler().setCHProfiles(new CHProfile(config.profile().profileName()));
        hopper.setMinNetworkSize(config.minNetworkSize());
        LOG.info("{} road graph for {} ({}) in {}", cached ? "Loading" : "Importing", osm.getFileName(),
                config.profile().profileName(), dir);
        try {
            hopper.importOrLoad();
        } catch (RuntimeException e) {
            hopper.close();
            throw new IllegalStateException("cannot import or load road graph from " + osm + " in " + dir
                    + ": " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        RoadGraph graph = new RoadGraph(hopper, config.profile(), key, dir, !cached, millis);
        LOG.info("Road graph {} in {} ms: {} nodes, {} edges, {} CH shortcuts", cached ? "loaded" : "imported",
                millis, graph.baseGraph().getNodes(), graph.baseGraph().getEdges(), graph.chGraph().getShortcuts());
        return graph;
    }

    public GraphHopper hopper() {
        return hopper;
    }

    public VehicleProfile profile() {
        return profile;
    }

    public String profileName() {
        return profile.profileName();
    }

    public BaseGraph baseGraph() {
        return hopper.getBaseGraph();
    }

    public RoutingCHGraph chGraph() {
        return hopper.getCHGraphs().get(profile.profileName());
    }

    public Weighting weighting() {
        return chGraph().getWeighting();
    }

    public LocationIndex locationIndex() {
        return hopper.getLocationIndex();
    }

    /** The filter GraphHopper's own routing snaps with: accessible edges outside removed subnetworks. */
    public EdgeFilter snapFilter() {
        return new DefaultSnapFilter(weighting(),
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile.profileName())));
    }

    public GraphCacheKey cacheKey() {
        return cacheKey;
    }

    public Path directory() {
        return directory;
    }

    /** True when this start imported the OSM file, false when it loaded the cache. */
    public boolean imported() {
        return imported;
    }

    /** Wall time of import (or load) including CH preparation. */
    public long openMillis() {
        return openMillis;
    }

    @Override
    public void close() {
        hopper.close();
    }
}
