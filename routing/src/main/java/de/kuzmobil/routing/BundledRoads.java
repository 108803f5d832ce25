package de.kuzmobil.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Hamburg road graph shipped on the classpath (osm2streets rebuild of July 2026 OpenStreetMap data,
 * © OpenStreetMap contributors, ODbL 1.0; see {@code osm/ATTRIBUTION.md} beside it): what the service
 * routes on when no other OSM file is configured.
 */
public final class BundledRoads {

    public static final String FILE_NAME = "hamburg-roads-osm2streets-2026-07.osm.pbf";
    private static final String RESOURCE = "/osm/" + FILE_NAME;

    private BundledRoads() {
    }

    /**
     * The file on disk for GraphHopper to import: the resource itself when the classpath is a folder
     * (a build tree), otherwise a copy under {@code cacheRoot/osm/} made once (a packaged jar).
     */
    public static Path file(Path cacheRoot) {
        URL url = BundledRoads.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the bundled road graph " + RESOURCE + " is missing from the classpath");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = cacheRoot.resolve("osm").resolve(FILE_NAME);
            long size = url.openConnection().getContentLengthLong();
            if (!Files.isRegularFile(copy) || Files.size(copy) != size) {
                Files.createDirectories(copy.getParent());
                Path part = Files.createTempFile(copy.getParent(), FILE_NAME, ".part");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                // a half-written copy must never look finished to the next start
                Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled road graph under " + cacheRoot, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
