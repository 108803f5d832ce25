package de.kuzmobil.routing.snap;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import de.kuzmobil.routing.graph.SyntheticGrid;
import de.kuzmobil.routing.graph.VehicleProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 4: an extract with a disconnected island (like Neuwerk: roads, but none to the
 * mainland) and a site out in the mud flats. Both are named with their reason; planning gets a
 * matrix with UNREACHABLE entries instead of an exception or an invented time.
 */
class UnreachableSiteTest {

    @TempDir
    static Path dir;

    static SyntheticGrid grid = new SyntheticGrid(20, 20, 120, 15, 3); // island of 225 junctions
    static RoadRouting routing;
    static List<Location> sites;

    @BeforeAll
    static void open() {
        Path osm = grid.writeTo(dir.resolve("coast-with-island.osm"));
        routing = RoadRouting.open(RoutingConfig.of(osm, dir.resolve("cache"), VehicleProfile.CAR, 300));
        double[] b = grid.mainlandBounds();
        double[] island = grid.islandCentre();
        sites = List.of(
                new Location("Bergedorf", b[0] + 0.003, b[1] + 0.004),
                new Location("Neuwerk", island[0], island[1]),
                new Location("Wattenmeer", island[0], (b[3] + island[1]) / 2 - 0.005),
                new Location("Billstedt", b[2] - 0.002, b[3] - 0.003),
                new Location("Harburg", b[0] + 0.010, b[3] - 0.010));
    }

    @AfterAll
    static void close() {
        routing.close();
    }

    @Test
    void islandAndOffRoadSitesAreReportedByNameWithTheirReason() {
        MatrixRouter.Block block = routing.router().route(sites, sites);

        assertThat(block.problems()).containsOnlyKeys("Neuwerk", "Wattenmeer");
        assertThat(block.problems().get("Neuwerk"))
                .startsWith("Neuwerk: no road path to 3 of 3 and from 3 of 3 other sites")
                .contains("road component (225 junctions) is cut off from the main network");
        assertThat(block.problems().get("Wattenmeer")).startsWith("Wattenmeer: not within 300 m of a road");
    }

    @Test
    void planningGetsAMatrixWithUnreachablePairsNotAnException() {
        TravelMatrix matrix = MatrixRouter.uncached(routing.router()).matrix(sites);

        int bergedorf = matrix.indexOf("Bergedorf");
        int neuwerk = matrix.indexOf("Neuwerk");
        int watt = matrix.indexOf("Wattenmeer");
        int billstedt = matrix.indexOf("Billstedt");
        assertThat(matrix.source()).isEqualTo(TravelSource.ROAD);
        assertThat(matrix.reachable(bergedorf, billstedt)).isTrue();
        assertThat(matrix.seconds(bergedorf, billstedt)).isPositive();
        assertThat(matrix.reachable(bergedorf, neuwerk)).isFalse();
        assertThat(matrix.reachable(neuwerk, bergedorf)).isFalse();
        assertThat(matrix.seconds(neuwerk, bergedorf)).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(matrix.meters(neuwerk, bergedorf)).isEqualTo(TravelMatrix.UNREACHABLE);
        assertThat(matrix.reachable(neuwerk, neuwerk)).isTrue(); // the island's own roads still work
        for (int i = 0; i < sites.size(); i++) {
            assertThat(matrix.reachable(watt, i)).isFalse();
            assertThat(matrix.reachable(i, watt)).isFalse();
        }
        assertThat(matrix.problems()).containsKeys("Neuwerk", "Wattenmeer");
    }

    @Test
    void snapReportShowsDistanceAndComponent() {
        SnapReport mainland = routing.snap(sites.get(0));
        SnapReport island = routing.snap(sites.get(1));
        SnapReport offshore = routing.snap(sites.get(2));

        assertThat(mainland.routable()).isTrue();
        assertThat(mainland.mainNetwork()).isTrue();
        assertThat(mainland.componentSize()).isEqualTo(400);
        assertThat(mainland.distanceMeters()).isLessThan(100);
        assertThat(island.routable()).isTrue();
        assertThat(island.mainNetwork()).isFalse();
        assertThat(island.componentSize()).isEqualTo(225);
        assertThat(offshore.routable()).isFalse();
        assertThat(offshore.distanceMeters()).isGreaterThan(300);
    }

    @Test
    void siteOnAnIslandTooSmallToRouteIsExplained() {
        // GraphHopper removes road networks below the minimum size from snapping (default 200
        // junctions); a small island such as Neuwerk ends up "far from any road" - but we say why.
        SyntheticGrid small = new SyntheticGrid(10, 10, 120, 6, 4);
        Path osm = small.writeTo(dir.resolve("small-island.osm"));
        try (RoadRouting r = RoadRouting.open(RoutingConfig.of(osm, dir.resolve("cache"), VehicleProfile.CAR, 300))) {
            double[] island = small.islandCentre();
            SnapReport report = r.snap(new Location("Neuwerk", island[0], island[1]));

            assertThat(report.routable()).isFalse();
            assertThat(report.problem()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("Neuwerk: its road")
                    .contains("small isolated road network (36 junctions)");
        }
    }

    @Test
    void noGeometryBetweenIslandAndMainland() {
        assertThat(routing.legGeometry(sites.get(0), sites.get(1))).isEmpty();
        assertThat(routing.legGeometry(sites.get(0), sites.get(2))).isEmpty();
        assertThat(routing.legGeometry(sites.get(0), sites.get(3))).isPresent();
    }
}
