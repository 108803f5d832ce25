package de.kuzmobil.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Plans that cannot be made are refused before anything is stored. */
@DirtiesContext
class PlanInputTest extends ApiTest {

    @Test
    void aWeekNobodyWorksInIsA422NamingTheWeekAndStoresNothing() {
        int before = all(dispatcher(), "/api/v1/plans").size();
        Response r = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"2027-06-07\", \"solveSeconds\": 5}");
        assertThat(r.status()).isEqualTo(422);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("weekStart");
        assertThat(error.get("message").asString()).contains("no team has a shift", "2027-06-07", "2027-06-13");
        assertThat(all(dispatcher(), "/api/v1/plans").size()).isEqualTo(before);
    }
}
