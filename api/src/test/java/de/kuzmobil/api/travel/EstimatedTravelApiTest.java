package de.kuzmobil.api.travel;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The explicit opt-out of road times: plans say "estimated", and a site a 6-hour estimated drive away
 * is "too far", not "no window fits".
 */
@DirtiesContext
class EstimatedTravelApiTest extends ApiTest {

    @DynamicPropertySource
    static void noRoads(DynamicPropertyRegistry registry) {
        registry.add("kuzmobil.routing.osm-file", () -> TravelConfig.NONE);
    }

    @Test
    void estimatesAreLabelledAndNeuwerkIsTooFar() throws Exception {
        JsonNode health = anonymous().get("/actuator/health").json();
        assertThat(health.get("status").asString()).as("nothing to load").isEqualTo("UP");

        long id = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"2026-12-07\", \"solveSeconds\": 3}")
                .json().get("id").asLong();
        JsonNode plan = null;
        for (int i = 0; i < 200 && (plan == null || plan.get("status").asString().equals("SOLVING")); i++) {
            Thread.sleep(250);
            plan = dispatcher().get("/api/v1/plans/" + id).json();
        }
        assertThat(plan.get("status").asString()).isEqualTo("SOLVED");
        assertThat(plan.get("travelTimes").asString()).isEqualTo("estimated");
        assertThat(plan.get("tours").get(0).get("stops").get(0).get("travelTimes").asString()).isEqualTo("estimated");

        JsonNode neuwerk = RoadTravelApiTest.unassignedAt(plan, "Neuwerk (Insel)");
        assertThat(neuwerk.get("reason").asString()).startsWith("too far: ");
        boolean explained = false;
        for (JsonNode v : dispatcher().get("/api/v1/plans/" + id + "/explanation").json().get("visits")) {
            if (v.get("visitId").asString().equals(neuwerk.get("visitId").asString())) {
                assertThat(v.get("unassignedReasonCode").asString()).isEqualTo("TOO_FAR");
                explained = true;
            }
        }
        assertThat(explained).isTrue();
    }
}
