package de.kuzmobil.routing;

import de.kuzmobil.routing.graph.VehicleProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingConfigTest {

    @Test
    void profileByNameFromProperties() {
        RoutingConfig config = RoutingConfig.of(Path.of("x.osm.pbf"), Path.of("cache"), " Van ", 250);

        assertThat(config.profile()).isEqualTo(VehicleProfile.VAN);
        assertThat(config.minNetworkSize()).isEqualTo(RoutingConfig.DEFAULT_MIN_NETWORK_SIZE);
        assertThat(config.withMinNetworkSize(50).minNetworkSize()).isEqualTo(50);
        assertThat(RoutingConfig.of(Path.of("x.osm.pbf"), Path.of("cache"), "car").maxSnapMeters()).isEqualTo(300);
    }

    @Test
    void rejectsUnknownProfileAndNonPositiveSnapDistance() {
        assertThatThrownBy(() -> RoutingConfig.of(Path.of("x.osm"), Path.of("c"), "bike", 300))
                .hasMessageContaining("bike");
        assertThatThrownBy(() -> RoutingConfig.of(Path.of("x.osm"), Path.of("c"), "car", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingOsmFileIsAClearError() {
        assertThatThrownBy(() -> RoadRouting.open(RoutingConfig.of(Path.of("does-not-exist.osm.pbf"),
                Path.of("target", "no-cache"), "car", 300)))
                .hasMessageContaining("OSM file not found");
    }

    @Test
    void vanIsCarWithATopSpeed() {
        assertThat(VehicleProfile.VAN.customModel().getSpeed())
                .hasSize(VehicleProfile.CAR.customModel().getSpeed().size() + 1);
        assertThat(VehicleProfile.VAN.customModel().getDistanceInfluence())
                .isEqualTo(VehicleProfile.CAR.customModel().getDistanceInfluence());
    }
}
