package de.kuzmobil.api.travel;

import de.kuzmobil.data.travel.CachedTravelTimes;
import de.kuzmobil.data.travel.TravelTimeCache;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.EstimatedRouter;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import de.kuzmobil.routing.geometry.LegGeometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Road travel times from GraphHopper when an OSM file is configured; otherwise the labelled
 * estimate (great-circle distance × detour factor at a fixed speed). Either way through the
 * persistent cache.
 */
@Configuration(proxyBeanMethods = false)
public class TravelConfig {

    private static final Logger log = LoggerFactory.getLogger(TravelConfig.class);

    /** What plans use for travel: the cached times, the source label, and leg geometry on demand. */
    public record Travel(CachedTravelTimes times, TravelSource source, Geometry geometry) {
    }

    /** A leg's polyline for maps. */
    public interface Geometry {
        Optional<LegGeometry> leg(Location from, Location to);
    }

    @Bean(destroyMethod = "")
    Travel travel(@Value("${kuzmobil.routing.osm-file:}") String osmFile,
                  @Value("${kuzmobil.routing.cache-dir:var/graph-cache}") String cacheDir,
                  @Value("${kuzmobil.routing.profile:car}") String profile,
                  @Value("${kuzmobil.routing.max-snap-meters:300}") double maxSnapMeters,
                  @Value("${kuzmobil.routing.estimate.detour-factor:1.35}") double detour,
                  @Value("${kuzmobil.routing.estimate.speed-kmh:25}") double speedKmh,
                  TravelTimeCache cache) {
        if (osmFile == null || osmFile.isBlank()) {
            EstimatedRouter estimate = new EstimatedRouter(detour, speedKmh);
            log.info("Travel times: ESTIMATED (no kuzmobil.routing.osm-file): great-circle distance x {} at {} km/h;"
                    + " plans are labelled travelTimes=estimated", detour, speedKmh);
            return new Travel(new CachedTravelTimes(estimate, cache), TravelSource.ESTIMATED,
                    (from, to) -> Optional.of(estimate.legGeometry(from, to)));
        }
        Path osm = Path.of(osmFile);
        if (!Files.isReadable(osm)) {
            throw new IllegalStateException("kuzmobil.routing.osm-file is not a readable file: " + osm.toAbsolutePath());
        }
        RoadRouting routing = RoadRouting.open(RoutingConfig.of(osm, Path.of(cacheDir), profile, maxSnapMeters));
        log.info("Travel times: ROAD from {} (profile {})", osm, profile);
        return new Travel(new CachedTravelTimes(routing.router(), cache), TravelSource.ROAD, routing::legGeometry);
    }
}
