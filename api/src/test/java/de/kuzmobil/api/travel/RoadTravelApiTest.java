package de.kuzmobil.api.travel;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service as it starts with no configuration: the bundled Hamburg road graph, the demo week
 * planned on road times, Neuwerk unassigned for want of a road until a crossing is declared.
 */
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoadTravelApiTest extends ApiTest {

    static final String WEEK = "2026-12-07";

    @Test
    @Order(1)
    void demoWeekOnTheBundledRoadsServesWhatRoadsReach() throws Exception {
        JsonNode health = awaitHealthUp();
        assertThat(health.get("components").get("roadGraph").get("status").asString()).isEqualTo("UP");

        JsonNode plan = solve(10);
        assertThat(plan.get("travelTimes").asString()).isEqualTo("road");
        assertThat(plan.get("score").asString()).startsWith("0hard");
        JsonNode kpis = plan.get("kpis");
        assertThat(kpis.get("plannedShareOfReachable").asDouble()).isGreaterThanOrEqualTo(0.98);
        assertThat(kpis.get("appointmentsReachable").asInt()).isLessThan(kpis.get("appointmentsDemanded").asInt());
        assertThat(kpis.get("travelShareOfWorkingTime").asDouble()).isPositive().isLessThanOrEqualTo(0.15);
        assertThat(kpis.get("travelProblems").has("Neuwerk (Insel)")).isTrue();

        JsonNode neuwerk = unassignedAt(plan, "Neuwerk (Insel)");
        assertThat(neuwerk.get("reason").asString())
                .startsWith("no road connection between Neuwerk (Insel) and any team's base")
                .contains("small isolated road network");

        for (JsonNode tour : plan.get("tours")) {
            LocalTime departure = LocalTime.parse(tour.get("departure").asString());
            JsonNode first = tour.get("stops").get(0);
            LocalTime arrival = LocalTime.parse(first.get("arrival").asString());
            LocalTime start = LocalTime.parse(first.get("start").asString());
            assertThat(arrival).isEqualTo(departure.plusSeconds(first.get("travelSeconds").asLong()));
            assertThat(Duration.between(arrival, start)).as("waiting before the first stop of %s", tour)
                    .isLessThanOrEqualTo(Duration.ofMinutes(30));
            for (JsonNode stop : tour.get("stops")) {
                for (String field : new String[] {"arrival", "start", "end"}) {
                    assertThat(LocalTime.parse(stop.get(field).asString()).getSecond()).as("%s on the minute", field)
                            .isZero();
                }
                assertThat(stop.get("travelTimes").asString()).isEqualTo("road");
            }
            assertThat(LocalTime.parse(tour.get("returnToBase").asString()).getSecond()).isZero();
        }

        JsonNode geo = dispatcher().get("/api/v1/plans/" + plan.get("id").asLong() + "/tours.geojson").json();
        int bases = 0;
        int roadLegs = 0;
        for (JsonNode f : geo.get("features")) {
            String kind = f.get("properties").get("kind").asString();
            if (kind.equals("base")) {
                bases++;
                assertThat(f.get("properties").get("departure").asString()).matches("\\d\\d:\\d\\d");
            } else if (kind.equals("leg") && f.get("properties").get("travelTimes").asString().equals("road")) {
                roadLegs++;
                assertThat(f.get("geometry").get("coordinates").size()).isGreaterThan(2);
            }
        }
        assertThat(bases).isEqualTo(plan.get("tours").size());
        assertThat(roadLegs).isGreaterThan(bases);
    }

    @Test
    @Order(2)
    void aDeclaredCrossingPlansNeuwerkOnManualLegs() throws Exception {
        long siteId = siteIdOf("Neuwerk (Insel)");
        ObjectNode site = (ObjectNode) dispatcher().get("/api/v1/sites/" + siteId).json();
        site.remove("id");
        site.putObject("accessLeg").put("description", "Schiff (Testangabe)").put("minutesEachWay", 150)
                .putArray("weekdays").add("WEDNESDAY");
        Response saved = dispatcher().put("/api/v1/sites/" + siteId, site.toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("accessLeg").get("minutesEachWay").asInt()).isEqualTo(150);

        JsonNode plan = solve(10);
        assertThat(plan.get("score").asString()).startsWith("0hard");
        JsonNode tour = null;
        JsonNode stop = null;
        for (JsonNode t : plan.get("tours")) {
            for (JsonNode s : t.get("stops")) {
                if (s.get("siteName").asString().equals("Neuwerk (Insel)")) {
                    tour = t;
                    stop = s;
                }
            }
        }
        assertThat(stop).as("Neuwerk planned").isNotNull();
        assertThat(tour.get("date").asString()).isEqualTo("2026-12-09");
        assertThat(stop.get("travelTimes").asString()).isEqualTo("manual");
        assertThat(stop.get("travelSeconds").asInt()).isGreaterThanOrEqualTo(150 * 60);
        JsonNode last = tour.get("stops").get(tour.get("stops").size() - 1);
        if (last.get("siteName").asString().equals("Neuwerk (Insel)")) {
            assertThat(tour.get("returnTravelTimes").asString()).isEqualTo("manual");
        }
        assertThat(plan.get("kpis").get("travelProblems").has("Neuwerk (Insel)")).isFalse();
        assertThat(plan.get("kpis").get("accessLegs").get("Neuwerk (Insel)").asString())
                .isEqualTo("Schiff (Testangabe): 150 min each way from a team's base, Wed");

        long id = plan.get("id").asLong();
        JsonNode explained = null;
        for (JsonNode v : dispatcher().get("/api/v1/plans/" + id + "/explanation").json().get("visits")) {
            if (v.get("visitId").asString().equals(stop.get("visitId").asString())) {
                explained = v;
            }
        }
        assertThat(explained.get("travelTimes").asString()).isEqualTo("manual");
        assertThat(explained.get("accessLeg").asString()).startsWith("Schiff (Testangabe)");
        assertThat(dispatcher().get("/api/v1/plans/" + id + "/tours.geojson").body())
                .contains("\"travelTimes\":\"manual\"");

        site.remove("accessLeg");
        assertThat(dispatcher().put("/api/v1/sites/" + siteId, site.toString()).json().get("accessLeg").isNull())
                .as("a PUT without it removes the crossing").isTrue();
    }

    @Test
    @Order(3)
    void badAccessLegsAreProblemsNamingTheField() {
        long siteId = siteIdOf("Neuwerk (Insel)");
        ObjectNode site = (ObjectNode) dispatcher().get("/api/v1/sites/" + siteId).json();
        site.remove("id");
        site.putObject("accessLeg").put("description", " ").put("minutesEachWay", 0);
        Response r = dispatcher().put("/api/v1/sites/" + siteId, site.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").toString()).contains("accessLeg.description", "accessLeg.minutesEachWay");
        assertThat(dispatcher().get("/api/v1/sites/" + siteId).json().get("accessLeg").isNull()).isTrue();
    }

    JsonNode awaitHealthUp() throws InterruptedException {
        Response health = null;
        for (int i = 0; i < 240; i++) {
            health = anonymous().get("/actuator/health");
            if (health.status() == 200) {
                return health.json();
            }
            assertThat(health.json().get("components").get("roadGraph").get("status").asString()).isEqualTo("DOWN");
            Thread.sleep(500);
        }
        throw new AssertionError("health not UP within 120 s: " + health.body());
    }

    JsonNode solve(int seconds) throws InterruptedException {
        Response created = dispatcher().post("/api/v1/plans",
                "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": " + seconds + "}");
        assertThat(created.status()).isEqualTo(202);
        long id = created.json().get("id").asLong();
        for (int i = 0; i < 600; i++) {
            JsonNode plan = dispatcher().get("/api/v1/plans/" + id).json();
            if (!plan.get("status").asString().equals("SOLVING")) {
                assertThat(plan.get("status").asString()).as(plan.toString()).isEqualTo("SOLVED");
                return plan;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("plan " + id + " still solving");
    }

    long siteIdOf(String name) {
        for (JsonNode s : all(anonymous(), "/api/v1/sites")) {
            if (s.get("name").asString().equals(name)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no site " + name);
    }

    static JsonNode unassignedAt(JsonNode plan, String siteName) {
        for (JsonNode u : plan.get("unassigned")) {
            if (u.get("siteName").asString().equals(siteName)) {
                return u;
            }
        }
        throw new AssertionError(siteName + " is not unassigned");
    }
}
