package de.kuzmobil.routing.graph;

import com.graphhopper.util.Constants;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names the directory of a prepared graph after everything that shapes it: GraphHopper's version
 * (its storage format changes between releases and an old cache fails to load), a hash of the OSM
 * file (a new extract must be imported, not mixed with an old graph) and the profile definition.
 */
public record GraphCacheKey(String graphHopperVersion, String osmName, String osmSha256, String profileName,
                            String profileHash) {

    public static GraphCacheKey of(Path osmFile, VehicleProfile profile) {
        String name = osmFile.getFileName().toString().replaceAll("\\.(osm\\.pbf|osm\\.gz|osm|pbf)$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return new GraphCacheKey(Constants.VERSION, name, sha256(osmFile), profile.profileName(),
                sha256(profile.definition()).substring(0, 12));
    }

    /** {@code <root>/gh-11.0/<osm name>-<sha256 16>/<profile>-<profile hash>} */
    public Path directoryUnder(Path root) {
        return root.resolve("gh-" + graphHopperVersion)
                .resolve(osmName + "-" + osmSha256.substring(0, 16))
                .resolve(profileName + "-" + profileHash);
    }

    /** Identifies the graph for cached travel times. */
    public String version() {
        return "graphhopper=" + graphHopperVersion + ";osm=" + osmName + "@sha256:" + osmSha256.substring(0, 16)
                + ";profile=" + profileName + "@" + profileHash;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
