package de.kuzmobil.routing.matrix;

import com.graphhopper.GHResponse;
import com.graphhopper.ResponsePath;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.routing.RoadRouter;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.TestGraphs;
import de.kuzmobil.routing.snap.SnapReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance 1: the many-to-many matrix equals GraphHopper's own point-to-point routes. */
class HamburgMatrixTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void fiftySitesMatchPointToPointRoutes() {
        RoadRouting routing = TestGraphs.hamburg();
        // Seeded random points in the extract, keeping the first 50 that lie on its main road
        // network (the extract also holds water, and road stubs cut off at its border).
        List<Location> sites = TestGraphs.randomLocations(400, 4711, 53.5400, 9.9740, 53.5550, 10.0050).stream()
                .filter(site -> {
                    SnapReport r = routing.snap(site);
                    return r.routable() && r.mainNetwork();
                })
                .limit(50)
                .toList();
        assertThat(sites).hasSize(50);

        RoadRouter.Routed routed = routing.router().routeExact(sites, sites);

        assertThat(routed.problems()).isEmpty();
        MatrixResult m = routed.result();
        int compared = 0;
        double worst = 0;
        for (int i = 0; i < sites.size(); i++) {
            for (int j = 0; j < sites.size(); j++) {
                GHResponse rsp = routing.geometry().route(sites.get(i), sites.get(j));
                assertThat(rsp.hasErrors()).as("p2p %d->%d: %s", i, j, rsp.getErrors()).isFalse();
                ResponsePath p = rsp.getBest();
                assertThat(m.reachable(i, j)).as("reachable %d->%d", i, j).isTrue();
                double dt = relDiff(m.millis()[i][j], p.getTime());
                double dd = relDiff(m.meters()[i][j], p.getDistance());
                worst = Math.max(worst, Math.max(dt, dd));
                assertThat(dt).as("time %d->%d: m2m %d ms, p2p %d ms", i, j, m.millis()[i][j], p.getTime())
                        .isLessThanOrEqualTo(TOLERANCE);
                assertThat(dd).as("distance %d->%d: m2m %f m, p2p %f m", i, j, m.meters()[i][j], p.getDistance())
                        .isLessThanOrEqualTo(TOLERANCE);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(2500);
        System.out.println("HamburgMatrixTest: 2500 pairs, max relative difference " + worst);
    }

    static double relDiff(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
