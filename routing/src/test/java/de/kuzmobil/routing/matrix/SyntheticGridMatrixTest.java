package de.kuzmobil.routing.matrix;

import com.graphhopper.GHResponse;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.routing.RoadRouter;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import de.kuzmobil.routing.TestGraphs;
import de.kuzmobil.routing.graph.SyntheticGrid;
import de.kuzmobil.routing.graph.VehicleProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticGridMatrixTest {

    @TempDir
    static Path dir;

    @Test
    void matchesPointToPointOnAGridIncludingSitesOnTheSameRoad() {
        SyntheticGrid grid = new SyntheticGrid(40, 40, 120, 0, 7);
        Path osm = grid.writeTo(dir.resolve("grid40.osm"));
        try (RoadRouting routing = RoadRouting.open(RoutingConfig.of(osm, dir.resolve("cache"), VehicleProfile.CAR, 300))) {
            double[] b = grid.mainlandBounds();
            List<Location> sites = new ArrayList<>(TestGraphs.randomLocations(40, 11, b[0], b[1], b[2], b[3]));
            // Three sites along one stretch of road between two junctions, and one exactly on top of another.
            double[] c = grid.mainlandCentre();
            double step = 120 / 111_320.0 / 10;
            sites.add(new Location("same-road-1", c[0] + 3 * step, c[1]));
            sites.add(new Location("same-road-2", c[0] + 4 * step, c[1]));
            sites.add(new Location("same-road-3", c[0] + 6 * step, c[1]));
            sites.add(new Location("twin", sites.get(0).latitude(), sites.get(0).longitude()));

            RoadRouter.Routed routed = routing.router().routeExact(sites, sites);

            assertThat(routed.problems()).isEmpty();
            MatrixResult m = routed.result();
            for (int i = 0; i < sites.size(); i++) {
                for (int j = 0; j < sites.size(); j++) {
                    GHResponse p2p = routing.geometry().route(sites.get(i), sites.get(j));
                    assertThat(p2p.hasErrors()).isFalse();
                    assertThat(HamburgMatrixTest.relDiff(m.millis()[i][j], p2p.getBest().getTime()))
                            .as("time %s->%s", sites.get(i).id(), sites.get(j).id()).isLessThanOrEqualTo(1e-6);
                    assertThat(HamburgMatrixTest.relDiff(m.meters()[i][j], p2p.getBest().getDistance()))
                            .as("distance %s->%s", sites.get(i).id(), sites.get(j).id()).isLessThanOrEqualTo(1e-6);
                }
            }
            int twin = sites.size() - 1;
            assertThat(m.millis()[0][twin]).isZero();
        }
    }

    @Test
    void rectangularBlocksEqualTheSquareMatrixAndEmptyBlocksWork() {
        SyntheticGrid grid = new SyntheticGrid(25, 25, 120, 0, 9);
        Path osm = grid.writeTo(dir.resolve("grid25.osm"));
        try (RoadRouting routing = RoadRouting.open(RoutingConfig.of(osm, dir.resolve("cache"), VehicleProfile.CAR, 300))) {
            double[] b = grid.mainlandBounds();
            List<Location> sites = TestGraphs.randomLocations(12, 21, b[0], b[1], b[2], b[3]);
            var square = routing.router().route(sites, sites);
            // What the persistent cache asks for when 7 sites are new: the new rows, then the new columns.
            var rows = routing.router().route(sites.subList(5, 12), sites);
            var columns = routing.router().route(sites.subList(0, 5), sites.subList(5, 12));
            for (int i = 0; i < 12; i++) {
                for (int j = 0; j < 12; j++) {
                    long expected = square.seconds()[i][j];
                    if (i >= 5) {
                        assertThat(rows.seconds()[i - 5][j]).isEqualTo(expected);
                        assertThat(rows.meters()[i - 5][j]).isEqualTo(square.meters()[i][j]);
                    } else if (j >= 5) {
                        assertThat(columns.seconds()[i][j - 5]).isEqualTo(expected);
                    }
                }
            }
            var empty = routing.router().route(List.of(), sites);
            assertThat(empty.seconds()).isEmpty();
            var noTargets = routing.router().route(sites, List.of());
            assertThat(noTargets.seconds()).hasNumberOfRows(12);
            assertThat(noTargets.seconds()[0]).isEmpty();
        }
    }

    @Test
    void vanIsNeverFasterThanCar() {
        SyntheticGrid grid = new SyntheticGrid(33, 33, 300, 0, 8); // long trunk roads where 90 km/h bites
        Path osm = grid.writeTo(dir.resolve("grid33.osm"));
        Path cache = dir.resolve("cache");
        double[] b = grid.mainlandBounds();
        List<Location> sites = TestGraphs.randomLocations(15, 5, b[0], b[1], b[2], b[3]);
        long[][] car;
        long[][] van;
        try (RoadRouting routing = RoadRouting.open(RoutingConfig.of(osm, cache, VehicleProfile.CAR, 300))) {
            car = routing.router().route(sites, sites).seconds();
        }
        try (RoadRouting routing = RoadRouting.open(RoutingConfig.of(osm, cache, VehicleProfile.VAN, 300))) {
            assertThat(routing.router().profile()).isEqualTo("van");
            van = routing.router().route(sites, sites).seconds();
        }
        long carTotal = 0;
        long vanTotal = 0;
        for (int i = 0; i < sites.size(); i++) {
            for (int j = 0; j < sites.size(); j++) {
                carTotal += car[i][j];
                vanTotal += van[i][j];
            }
        }
        assertThat(vanTotal).isGreaterThan(carTotal);
    }
}
