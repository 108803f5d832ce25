package de.kuzmobil.routing;

import de.kuzmobil.routing.graph.VehicleProfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What road routing needs from the application's configuration.
 *
 * @param osmFile        OpenStreetMap extract (.osm.pbf, .osm or .osm.gz)
 * @param cacheRoot      directory under which prepared graphs are kept, one sub-directory per
 *                       GraphHopper version, OSM file hash and profile
 * @param profile        vehicle profile
 * @param maxSnapMeters  a site farther than this from any usable road is reported, not routed
 * @param minNetworkSize road components with fewer junctions are not snapped to (GraphHopper's
 *                       subnetwork removal; its default is 200)
 */
public record RoutingConfig(Path osmFile, Path cacheRoot, VehicleProfile profile, double maxSnapMeters,
                            int minNetworkSize) {

    public static final double DEFAULT_MAX_SNAP_METERS = 300;
    public static final int DEFAULT_MIN_NETWORK_SIZE = 200;

    public RoutingConfig {
        Objects.requireNonNull(osmFile, "osmFile");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(profile, "profile");
        if (!(maxSnapMeters > 0)) {
            throw new IllegalArgumentException("maxSnapMeters must be positive: " + maxSnapMeters);
        }
        if (minNetworkSize < 0) {
            throw new IllegalArgumentException("minNetworkSize must not be negative: " + minNetworkSize);
        }
    }

    public static RoutingConfig of(Path osmFile, Path cacheRoot, VehicleProfile profile, double maxSnapMeters) {
        return new RoutingConfig(osmFile, cacheRoot, profile, maxSnapMeters, DEFAULT_MIN_NETWORK_SIZE);
    }

    /** Profile given by name ("car" or "van"), as it comes from a properties file. */
    public static RoutingConfig of(Path osmFile, Path cacheRoot, String profile, double maxSnapMeters) {
        return of(osmFile, cacheRoot, VehicleProfile.byName(profile), maxSnapMeters);
    }

    /** Defaults: 300 m maximum snap distance, GraphHopper's minimum network size. */
    public static RoutingConfig of(Path osmFile, Path cacheRoot, String profile) {
        return of(osmFile, cacheRoot, profile, DEFAULT_MAX_SNAP_METERS);
    }

    /** The same configuration with absolute, normalised paths: equal configs then name the same files. */
    public RoutingConfig withAbsolutePaths() {
        return new RoutingConfig(osmFile.toAbsolutePath().normalize(), cacheRoot.toAbsolutePath().normalize(), profile,
                maxSnapMeters, minNetworkSize);
    }

    public RoutingConfig withMinNetworkSize(int size) {
        return new RoutingConfig(osmFile, cacheRoot, profile, maxSnapMeters, size);
    }
}
