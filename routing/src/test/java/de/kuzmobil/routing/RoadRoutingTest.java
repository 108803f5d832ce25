package de.kuzmobil.routing;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoadRoutingTest {

    static final Location RATHAUSMARKT = new Location("rathausmarkt", 53.5503, 9.9925);
    static final Location MICHEL = new Location("michel", 53.5484, 9.9788);
    static final Location JUNGFERNSTIEG = new Location("jungfernstieg", 53.5531, 9.9925);

    @Test
    void routerIdentifiesGraphHopperVersionMapDataProfileAndSnapSettings() {
        RoadRouter router = TestGraphs.hamburg().router();

        assertThat(router.profile()).isEqualTo("car");
        assertThat(router.source()).isEqualTo(TravelSource.ROAD);
        assertThat(router.graphVersion())
                .matches("graphhopper=11\\.0;osm=hamburg-city-centre-roads@sha256:[0-9a-f]{16};"
                        + "profile=car@[0-9a-f]{12};snap=300m;minNetwork=200");
    }

    @Test
    void matrixSecondsAndMetresAreTheRoundedExactValues() {
        RoadRouting routing = TestGraphs.hamburg();
        List<Location> sites = List.of(RATHAUSMARKT, MICHEL, JUNGFERNSTIEG);

        TravelMatrix matrix = routing.travelTimes().matrix(sites);
        var exact = routing.router().routeExact(sites, sites).result();

        assertThat(matrix.source()).isEqualTo(TravelSource.ROAD);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(matrix.seconds(i, j)).isEqualTo(Math.round(exact.millis()[i][j] / 1000.0));
                assertThat(matrix.meters(i, j)).isEqualTo(Math.round(exact.meters()[i][j]));
            }
            assertThat(matrix.seconds(i, i)).isZero();
        }
        // One-way streets and turns: the way there need not be the way back, but both are real drives.
        assertThat(matrix.seconds(0, 1)).isBetween(60L, 900L);
        assertThat(matrix.seconds(1, 0)).isBetween(60L, 900L);
    }
}
