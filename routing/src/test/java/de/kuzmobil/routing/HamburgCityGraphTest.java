package de.kuzmobil.routing;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.routing.geometry.LegGeometry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The road graph the service ships (all of Hamburg): the districts the mobile teams serve are
 * connected with plausible drives, and Neuwerk is named as an island instead of getting a time.
 */
class HamburgCityGraphTest {

    // coordinates from the demo's locations.csv (hamburg.de addresses and Wikipedia quarter centres)
    static final Location WANDSBEK = new Location("wandsbek", 53.5717, 10.0708);
    static final Location HARBURG = new Location("harburg", 53.4591, 9.9780);
    static final Location BERGEDORF = new Location("bergedorf", 53.4887, 10.2065);
    static final Location KIRCHWERDER = new Location("kirchwerder", 53.419722, 10.201667);
    static final Location FINKENWERDER = new Location("finkenwerder", 53.52694, 9.86583);
    static final Location ALTONA = new Location("altona", 53.5478, 9.9332);
    static final Location NEUWERK = new Location("neuwerk", 53.921111, 8.500556);

    @Test
    void districtsAreConnectedAndNeuwerkIsAnIsland() {
        RoadRouting city = TestGraphs.hamburgCity();
        List<Location> places = List.of(WANDSBEK, HARBURG, BERGEDORF, KIRCHWERDER, FINKENWERDER, ALTONA, NEUWERK);
        TravelMatrix m = MatrixRouter.uncached(city.router()).matrix(places);

        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (i != j) {
                    assertThat(m.reachable(i, j)).as("%s -> %s", places.get(i).id(), places.get(j).id()).isTrue();
                    // anything inside the city between 5 and 75 minutes by car
                    assertThat(m.seconds(i, j)).as("%s -> %s", places.get(i).id(), places.get(j).id())
                            .isBetween(5 * 60L, 75 * 60L);
                }
            }
        }
        // across the Elbe: Wandsbek to Harburg is longer than the straight line (about 13 km)
        assertThat(m.meters(0, 1)).isBetween(14_000L, 30_000L);
        assertThat(m.reachable(0, 6)).isFalse();
        assertThat(m.reachable(6, 0)).isFalse();
        assertThat(m.problems().get("neuwerk")).contains("small isolated road network");
        assertThat(m.problems()).containsOnlyKeys("neuwerk");
    }

    @Test
    void legGeometryFollowsTheRoadsAcrossTheElbe() {
        LegGeometry leg = TestGraphs.hamburgCity().legGeometry(WANDSBEK, HARBURG).orElseThrow();

        assertThat(leg.coordinates().size()).isGreaterThan(50);
        assertThat(leg.meters()).isBetween(14_000L, 30_000L);
        assertThat(TestGraphs.hamburgCity().legGeometry(WANDSBEK, NEUWERK)).isEmpty();
    }
}
