package de.kuzmobil.routing.graph;

import de.kuzmobil.routing.RoutingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class GraphCacheTest {

    @TempDir
    Path dir;

    @Test
    void importsOnceThenLoadsTheCache() {
        Path osm = new SyntheticGrid(12, 12, 150, 0, 1).writeTo(dir.resolve("grid.osm"));
        RoutingConfig config = RoutingConfig.of(osm, dir.resolve("cache"), VehicleProfile.CAR, 300).withMinNetworkSize(0);

        Path first;
        try (RoadGraph graph = RoadGraph.open(config)) {
            assertThat(graph.imported()).isTrue();
            assertThat(graph.baseGraph().getNodes()).isEqualTo(144);
            first = graph.directory();
        }
        try (RoadGraph graph = RoadGraph.open(config)) {
            assertThat(graph.imported()).isFalse();
            assertThat(graph.directory()).isEqualTo(first);
            assertThat(graph.chGraph().getShortcuts()).isPositive();
        }
        assertThat(first.toString()).contains("gh-11.0").contains("grid-");
    }

    @Test
    void newExtractOrProfileGetsItsOwnDirectory() {
        Path osm = new SyntheticGrid(5, 5, 150, 0, 1).writeTo(dir.resolve("a.osm"));
        GraphCacheKey car = GraphCacheKey.of(osm, VehicleProfile.CAR);
        GraphCacheKey van = GraphCacheKey.of(osm, VehicleProfile.VAN);
        new SyntheticGrid(5, 5, 150, 0, 2).writeTo(osm);
        GraphCacheKey carNewData = GraphCacheKey.of(osm, VehicleProfile.CAR);

        Path root = dir.resolve("cache");
        assertThat(car.directoryUnder(root)).isNotEqualTo(van.directoryUnder(root));
        assertThat(car.directoryUnder(root)).isNotEqualTo(carNewData.directoryUnder(root));
        assertThat(car.version()).startsWith("graphhopper=11.0;").isNotEqualTo(carNewData.version());
        assertThat(VehicleProfile.VAN.definition()).isNotEqualTo(VehicleProfile.CAR.definition());
    }

    @Test
    void importsGzippedOsmXml() throws IOException {
        Path plain = new SyntheticGrid(6, 6, 150, 0, 3).writeTo(dir.resolve("plain.osm"));
        Path gz = dir.resolve("grid.osm.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        try (RoadGraph graph = RoadGraph.open(
                RoutingConfig.of(gz, dir.resolve("cache"), VehicleProfile.VAN, 300).withMinNetworkSize(0))) {
            assertThat(graph.baseGraph().getNodes()).isEqualTo(36);
            assertThat(graph.directory().toString()).contains("van-");
        }
    }
}
