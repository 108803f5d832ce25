package de.kuzmobil.api.travel;

import de.kuzmobil.data.travel.CachedTravelTimes;
import de.kuzmobil.data.travel.TravelTimeCache;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.BundledRoads;
import de.kuzmobil.routing.EstimatedRouter;
import de.kuzmobil.routing.RoutingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Road travel times from GraphHopper on the bundled Hamburg road graph, or on the OSM file configured
 * instead; labelled estimates only when the file is set to {@code none}. The graph is imported (first
 * start) or loaded (later starts) in the background, so the service answers at once and its health says
 * DOWN until the graph is ready.
 */
@Configuration(proxyBeanMethods = false)
public class TravelConfig {

    /** The value of {@code kuzmobil.routing.osm-file} that switches road times off. */
    public static final String NONE = "none";

    private static final Logger log = LoggerFactory.getLogger(TravelConfig.class);

    @Bean(destroyMethod = "close")
    Travel travel(@Value("${kuzmobil.routing.osm-file}") String osmFile,
                  @Value("${kuzmobil.routing.cache-dir}") String cacheDir,
                  @Value("${kuzmobil.routing.profile}") String profile,
                  @Value("${kuzmobil.routing.max-snap-meters}") double maxSnapMeters,
                  @Value("${kuzmobil.routing.estimate.detour-factor}") double detour,
                  @Value("${kuzmobil.routing.estimate.speed-kmh}") double speedKmh,
                  TravelTimeCache cache) {
        if (NONE.equalsIgnoreCase(osmFile.trim())) {
            EstimatedRouter estimate = new EstimatedRouter(detour, speedKmh);
            log.info("Travel times: ESTIMATED (kuzmobil.routing.osm-file=none): great-circle distance x {} at {} km/h;"
                    + " plans are labelled travelTimes=estimated", detour, speedKmh);
            return new Travel(TravelSource.ESTIMATED, estimate.graphVersion(), CompletableFuture.completedFuture(
                    new Travel.Ready(new CachedTravelTimes(estimate, cache),
                            (from, to) -> Optional.of(estimate.legGeometry(from, to)),
                            Map.of("source", "estimated", "detourFactor", detour, "speedKmh", speedKmh))), () -> { });
        }
        Path cacheRoot = Path.of(cacheDir);
        boolean bundled = osmFile.isBlank();
        Path osm = bundled ? BundledRoads.file(cacheRoot) : Path.of(osmFile.trim());
        if (!Files.isReadable(osm)) {
            // a wrong path is a configuration error: fail the start, never fall back silently
            throw new IllegalStateException("kuzmobil.routing.osm-file is not a readable file: " + osm.toAbsolutePath()
                    + " (leave it empty for the bundled Hamburg roads, or set it to 'none' for estimates)");
        }
        RoutingConfig config = RoutingConfig.of(osm, cacheRoot, profile, maxSnapMeters);
        String description = (bundled ? "bundled Hamburg roads " : "") + osm.getFileName() + " (" + profile + ")";
        log.info("Travel times: ROAD from {}; opening the road graph in the background (health is DOWN until it is"
                + " ready)", description);
        RoutingConfig shared = config.withAbsolutePaths();
        CompletableFuture<Travel.Ready> ready = SharedRoads.acquire(shared).thenApply(routing -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", "road");
            details.put("osmFile", osm.getFileName().toString());
            details.put("profile", profile);
            details.put("nodes", routing.graph().baseGraph().getNodes());
            details.put("edges", routing.graph().baseGraph().getEdges());
            details.put(routing.graph().imported() ? "importMillis" : "loadMillis", routing.graph().openMillis());
            log.info("Road graph ready: plans now use road times {}", details);
            return new Travel.Ready(new CachedTravelTimes(routing.router(), cache), routing::legGeometry, details);
        });
        return new Travel(TravelSource.ROAD, description, ready, () -> SharedRoads.release(shared));
    }
}
