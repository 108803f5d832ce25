package de.kuzmobil.routing.geometry;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.TestGraphs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LegGeometryTest {

    // Both in the Hamburg city-centre extract.
    static final Location RATHAUSMARKT = new Location("rathausmarkt", 53.5503, 9.9925);
    static final Location MICHEL = new Location("michel", 53.5484, 9.9788);

    @Test
    void polylineRunsFromSiteToSiteWithTheMatrixTimeAndDistance() {
        RoadRouting routing = TestGraphs.hamburg();

        LegGeometry leg = routing.legGeometry(RATHAUSMARKT, MICHEL).orElseThrow();
        MatrixRouter.Block block = routing.router().route(List.of(RATHAUSMARKT), List.of(MICHEL));

        assertThat(leg.source()).isEqualTo(TravelSource.ROAD);
        assertThat(leg.coordinates().size()).isGreaterThan(5);
        double[] first = leg.coordinates().get(0);
        double[] last = leg.coordinates().get(leg.coordinates().size() - 1);
        assertThat(first[0]).isCloseTo(RATHAUSMARKT.longitude(), within(0.003)); // [lon, lat]
        assertThat(first[1]).isCloseTo(RATHAUSMARKT.latitude(), within(0.003));
        assertThat(last[0]).isCloseTo(MICHEL.longitude(), within(0.003));
        assertThat(last[1]).isCloseTo(MICHEL.latitude(), within(0.003));
        assertThat(leg.seconds()).isEqualTo(block.seconds()[0][0]);
        assertThat(leg.meters()).isEqualTo(block.meters()[0][0]);
        assertThat(leg.meters()).isGreaterThan(900); // 920 m as the crow flies
    }
}
