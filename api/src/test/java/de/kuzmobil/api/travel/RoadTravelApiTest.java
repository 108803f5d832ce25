package de.kuzmobil.api.travel;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with an OSM file: plans say "road", a site inside the extract is routed on it, and the
 * demo sites outside it are named as unreachable instead of getting invented times.
 */
@DirtiesContext
class RoadTravelApiTest extends ApiTest {

    @DynamicPropertySource
    static void roadGraph(DynamicPropertyRegistry registry) {
        // the routing module's test extract (Hamburg Altstadt/Neustadt, © OpenStreetMap contributors, ODbL)
        registry.add("kuzmobil.routing.osm-file",
                () -> Path.of("../routing/src/test/resources/osm/hamburg-city-centre-roads.osm").toString());
        registry.add("kuzmobil.routing.cache-dir", () -> Path.of("target/graph-cache").toString());
    }

    @Test
    void planOnRoadTimesRoutesInsideTheExtractAndNamesSitesOutsideIt() throws Exception {
        long site = dispatcher().post("/api/v1/sites", """
                {"name": "Rathausmarkt (test)", "kind": "OTHER", "district": "Hamburg-Mitte", "latitude": 53.5507,
                 "longitude": 9.9922, "weeklyWindows": [{"weekday": "TUESDAY", "start": "09:00", "end": "15:00"}]}""")
                .json().get("id").asLong();
        dispatcher().post("/api/v1/teams", """
                {"name": "Team Mitte (test)", "baseName": "Mitte", "baseLatitude": 53.5544, "baseLongitude": 9.9845,
                 "maxAppointmentsPerDay": 30, "skills": ["biometric", "registration"],
                 "shifts": [{"date": "2026-12-15", "start": "08:00", "end": "16:00"}]}""");
        assertThat(dispatcher().post("/api/v1/demands", """
                {"siteId": %d, "serviceType": "ID_CARD", "appointments": 6, "earliestDate": "2026-12-15",
                 "latestDate": "2026-12-15"}""".formatted(site)).status()).isEqualTo(201);

        long id = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"2026-12-14\", \"solveSeconds\": 2}")
                .json().get("id").asLong();
        JsonNode plan = null;
        for (int i = 0; i < 120; i++) {
            plan = dispatcher().get("/api/v1/plans/" + id).json();
            if (!plan.get("status").asString().equals("SOLVING")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(plan.get("status").asString()).isEqualTo("SOLVED");
        assertThat(plan.get("travelTimes").asString()).isEqualTo("road");
        JsonNode stop = plan.get("tours").get(0).get("stops").get(0);
        assertThat(stop.get("siteName").asString()).isEqualTo("Rathausmarkt (test)");
        assertThat(stop.get("travelSeconds").asInt()).isPositive();
        assertThat(stop.get("travelMeters").asInt()).isBetween(300, 3000);
        assertThat(plan.get("kpis").get("travelProblems").toString()).contains("Mobiles Team", "not within");

        JsonNode geo = dispatcher().get("/api/v1/plans/" + id + "/tours.geojson").json();
        JsonNode firstLeg = geo.get("features").get(0);
        assertThat(firstLeg.get("properties").get("travelTimes").asString()).isEqualTo("road");
        assertThat(firstLeg.get("geometry").get("coordinates").size()).isGreaterThan(2);
    }
}
