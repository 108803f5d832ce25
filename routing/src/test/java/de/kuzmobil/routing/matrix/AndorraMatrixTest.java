package de.kuzmobil.routing.matrix;

import com.graphhopper.ResponsePath;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.routing.RoadRouter;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import de.kuzmobil.routing.TestGraphs;
import de.kuzmobil.routing.snap.SnapReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A .osm.pbf extract with mountain roads, long shortcuts and a van profile. */
class AndorraMatrixTest {

    @Test
    void vanMatrixMatchesPointToPointOnAndorra() {
        try (RoadRouting routing = RoadRouting.open(
                RoutingConfig.of(TestGraphs.resource("andorra.osm.pbf"), TestGraphs.CACHE, "van", 500))) {
            List<Location> sites = TestGraphs.randomLocations(200, 99, 42.43, 1.43, 42.65, 1.78).stream()
                    .filter(site -> {
                        SnapReport r = routing.snap(site);
                        return r.routable() && r.mainNetwork();
                    })
                    .limit(20)
                    .toList();
            assertThat(sites).hasSize(20);

            RoadRouter.Routed routed = routing.router().routeExact(sites, sites);

            MatrixResult m = routed.result();
            for (int i = 0; i < sites.size(); i++) {
                for (int j = 0; j < sites.size(); j++) {
                    ResponsePath p = routing.geometry().route(sites.get(i), sites.get(j)).getBest();
                    assertThat(HamburgMatrixTest.relDiff(m.millis()[i][j], p.getTime()))
                            .as("time %d->%d", i, j).isLessThanOrEqualTo(1e-6);
                    assertThat(HamburgMatrixTest.relDiff(m.meters()[i][j], p.getDistance()))
                            .as("distance %d->%d", i, j).isLessThanOrEqualTo(1e-6);
                }
            }
        }
    }
}
