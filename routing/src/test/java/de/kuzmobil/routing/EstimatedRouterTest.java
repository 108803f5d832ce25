package de.kuzmobil.routing;

import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;
import de.kuzmobil.routing.geometry.LegGeometry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EstimatedRouterTest {

    // Rathausmarkt -> Hamburg Hbf: 998 m great-circle (haversine, R = 6,371 km).
    static final Location RATHAUS = new Location("rathaus", 53.5503, 9.9925);
    static final Location HBF = new Location("hbf", 53.5530, 10.0069);

    @Test
    void greatCircleTimesDetourAtConfiguredSpeedLabelledEstimated() {
        EstimatedRouter router = new EstimatedRouter(1.5, 18); // 18 km/h = 5 m/s

        TravelMatrix matrix = MatrixRouter.uncached(router).matrix(List.of(RATHAUS, HBF));

        double straight = EstimatedRouter.greatCircleMeters(53.5503, 9.9925, 53.5530, 10.0069);
        assertThat(straight).isBetween(990.0, 1005.0);
        assertThat(matrix.source()).isEqualTo(TravelSource.ESTIMATED);
        assertThat(matrix.meters(0, 1)).isEqualTo(Math.round(straight * 1.5));
        assertThat(matrix.seconds(0, 1)).isEqualTo(Math.round(straight * 1.5 / 5));
        assertThat(matrix.seconds(1, 0)).isEqualTo(matrix.seconds(0, 1));
        assertThat(matrix.seconds(0, 0)).isZero();
        assertThat(matrix.problems()).isEmpty();
        assertThat(router.graphVersion()).isEqualTo("estimated;detour=1.500;speed=18.0kmh");
    }

    @Test
    void straightLineGeometryIsLabelledEstimated() {
        LegGeometry leg = EstimatedRouter.withDefaults().legGeometry(RATHAUS, HBF);

        assertThat(leg.source()).isEqualTo(TravelSource.ESTIMATED);
        assertThat(leg.coordinates()).hasSize(2);
        assertThat(leg.coordinates().get(0)).containsExactly(9.9925, 53.5503);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new EstimatedRouter(0.8, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EstimatedRouter(1.3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
