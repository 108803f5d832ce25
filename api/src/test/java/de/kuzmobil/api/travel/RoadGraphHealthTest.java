package de.kuzmobil.api.travel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.kuzmobil.planner.travel.TravelSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health follows the road graph: DOWN while it loads or after it failed, UP once plans can use it. */
class RoadGraphHealthTest {

    @Test
    void downWhileLoadingAndAfterAFailure() {
        CompletableFuture<Travel.Ready> loading = new CompletableFuture<>();
        AtomicInteger released = new AtomicInteger();
        Travel travel = new Travel(TravelSource.ROAD, "test graph", loading, released::incrementAndGet);
        Health health = new RoadGraphHealth(travel).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("state").toString()).contains("loading");

        travel.close();
        assertThat(released).as("released only once the graph is open or failed").hasValue(0);
        loading.completeExceptionally(new IllegalStateException("OSM file truncated"));
        assertThat(released).hasValue(1);
        Health failed = new RoadGraphHealth(travel).health();
        assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failed.getDetails().get("error").toString()).contains("OSM file truncated");
        assertThatThrownBy(() -> travel.matrix(List.of())).isInstanceOf(TravelUnavailableException.class)
                .hasMessageContaining("OSM file truncated");
    }

    @Test
    void upWhenReady() {
        Travel travel = new Travel(TravelSource.ROAD, "test graph",
                CompletableFuture.completedFuture(new Travel.Ready(null, (a, b) -> java.util.Optional.empty(),
                        java.util.Map.of("nodes", 3))), () -> { });
        Health health = new RoadGraphHealth(travel).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("nodes", 3).containsEntry("travelTimes", "road");
    }
}
