package de.kuzmobil.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import de.kuzmobil.api.ApiTest;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * End to end over the demo data, a real PostgreSQL and the real solver: plan, follow, publish,
 * look up as a citizen; adjust as a team lead; the security and error rules.
 */
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanningApiTest extends ApiTest {

    static final String WEEK = "2026-12-07";
    static long publishedPlan;

    long createPlan(int seconds) {
        return createPlan(seconds, null).json().get("id").asLong();
    }

    /** POST /plans for {@link #WEEK}, with the default objective when {@code objective} is null. */
    Response createPlan(int seconds, String objective) {
        String choice = objective == null ? "" : ", \"objective\": \"" + objective + "\"";
        Response r = dispatcher().post("/api/v1/plans", """
                {"weekStart": "%s", "solveSeconds": %d%s}""".formatted(WEEK, seconds, choice));
        assertThat(r.status()).isEqualTo(202);
        long id = r.json().get("id").asLong();
        assertThat(r.header("Location")).isEqualTo("/api/v1/plans/" + id);
        assertThat(r.json().get("status").asString()).isEqualTo("SOLVING");
        return r;
    }

    /** The plan's SSE stream, as the dispatcher, line by line. */
    HttpResponse<Stream<String>> events(long planId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/plans/" + planId + "/events"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dispatcher:dispatcher-demo".getBytes()))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(120)).GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** Reads the SSE stream until the final event; returns the event names seen. */
    List<String> followEvents(long planId) throws Exception {
        HttpResponse<Stream<String>> response = events(planId);
        List<String> names = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    names.add(line.substring(6).trim());
                    if (names.get(names.size() - 1).equals("done")) {
                        break;
                    }
                }
            }
        }
        return names;
    }

    JsonNode awaitSolved(long planId) throws Exception {
        List<String> events = followEvents(planId);
        assertThat(events).last().isEqualTo("done");
        JsonNode plan = dispatcher().get("/api/v1/plans/" + planId).json();
        assertThat(plan.get("status").asString()).isEqualTo("SOLVED");
        return plan;
    }

    @Test
    @Order(1)
    void dispatcherPlansFollowsAndPublishesAndCitizensSeeExactlyThoseStops() throws Exception {
        long id = createPlan(4);
        JsonNode plan = awaitSolved(id);

        assertThat(plan.get("travelTimes").asString()).isEqualTo("road");
        assertThat(plan.get("objective").asString()).as("the default").isEqualTo("LEAST_DRIVING");
        assertThat(plan.get("score").asString()).startsWith("0hard");
        assertThat(plan.get("kpis").get("appointmentsDemanded").asInt()).isPositive();
        assertThat(plan.get("kpis").get("appointmentsPlanned").asInt()).isPositive();
        assertThat(plan.get("kpis").has("perDistrictCoverage")).isTrue();
        int stops = 0;
        for (JsonNode tour : plan.get("tours")) {
            assertThat(tour.has("teamId") && tour.has("date")).isTrue();
            for (JsonNode stop : tour.get("stops")) {
                for (String f : List.of("visitId", "siteId", "arrival", "start", "end", "appointments", "services")) {
                    assertThat(stop.has(f)).as(f).isTrue();
                }
                stops++;
            }
        }
        assertThat(stops).isPositive();
        for (JsonNode u : plan.get("unassigned")) {
            assertThat(u.get("reason").asString()).isNotBlank();
        }

        JsonNode explanation = dispatcher().get("/api/v1/plans/" + id + "/explanation").json();
        assertThat(explanation.get("constraints").size()).isPositive();
        assertThat(explanation.get("visits").size()).isEqualTo(stops + plan.get("unassigned").size());

        JsonNode geo = dispatcher().get("/api/v1/plans/" + id + "/tours.geojson").json();
        assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(geo.get("features").size()).isGreaterThan(stops);

        assertThat(anonymous().get("/api/v1/public/stops?from=2026-12-07&to=2026-12-13")
                .json().get("page").get("totalElements").asInt()).as("nothing before publishing").isZero();
        assertThat(teamLead().post("/api/v1/plans/" + id + "/publish", "").status()).isEqualTo(403);
        Response published = dispatcher().post("/api/v1/plans/" + id + "/publish", "");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        publishedPlan = id;

        // citizens see the stops at public sites, not those at care homes, prisons or hospital wards
        java.util.Set<String> internal = new java.util.HashSet<>();
        all(anonymous(), "/api/v1/sites").forEach(site -> {
            if (site.get("visibility").asString().equals("INTERNAL")) {
                internal.add(site.get("name").asString());
            }
        });
        int publicStops = 0;
        for (JsonNode tour : plan.get("tours")) {
            for (JsonNode stop : tour.get("stops")) {
                publicStops += internal.contains(stop.get("siteName").asString()) ? 0 : 1;
            }
        }
        assertThat(publicStops).isPositive().isLessThan(stops);
        Response forCitizens = anonymous().get("/api/v1/public/stops?from=2026-12-07&to=2026-12-13&size=200");
        assertThat(forCitizens.json().get("page").get("totalElements").asInt()).isEqualTo(publicStops);
        assertThat(forCitizens.body()).doesNotContain("teamId", "visitId");
        String ics = anonymous().get("/api/v1/public/stops.ics?from=2026-12-07&to=2026-12-13").body();
        assertThat(new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT")).hasSize(publicStops);
    }

    @Test
    @Order(2)
    void teamLeadMovesAndPinsWithETagsAndReoptimisingKeepsThePin() throws Exception {
        long id = createPlan(3);
        JsonNode plan = awaitSolved(id);
        JsonNode tours = plan.get("tours");
        assertThat(tours.size()).as("the demo week needs at least two tours").isGreaterThanOrEqualTo(2);
        JsonNode from = tours.get(0);
        JsonNode to = tours.get(1);
        String visitId = from.get("stops").get(0).get("visitId").asString();

        Response read = teamLead().get("/api/v1/plans/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isNotBlank();
        String move = """
                {"teamId": %d, "date": "%s", "position": 0, "pinned": true}"""
                .formatted(to.get("teamId").asLong(), to.get("date").asString());
        Response moved = teamLead().send(HttpRequest.newBuilder(uri("/api/v1/plans/" + id + "/visits/" + visitId))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(move)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.header("ETag")).isNotEqualTo(etag);
        assertThat(moved.json().has("brokenRules")).isTrue();
        JsonNode firstOfTarget = findTour(moved.json().get("plan"), to).get("stops").get(0);
        assertThat(firstOfTarget.get("visitId").asString()).isEqualTo(visitId);
        assertThat(firstOfTarget.get("pinned").asBoolean()).isTrue();

        Response stale = teamLead().send(HttpRequest.newBuilder(uri("/api/v1/plans/" + id + "/visits/" + visitId))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"pinned\": false}")));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");

        String secondVisit = to.get("stops").get(0).get("visitId").asString();
        Response pinAnother = teamLead().send(HttpRequest.newBuilder(
                        uri("/api/v1/plans/" + id + "/visits/" + secondVisit))
                .header("Content-Type", "application/json").header("If-Match", moved.header("ETag"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"pinned\": true}")));
        assertThat(pinAnother.status()).isEqualTo(200);
        assertThat(findStop(pinAnother.json().get("plan"), secondVisit).get("sequence").asInt())
                .as("pinning alone keeps the visit where it is").isEqualTo(1);

        JsonNode auditLog = all(teamLead(), "/api/v1/plans/" + id + "/audit");
        assertThat(auditLog.size()).isEqualTo(2);
        assertThat(auditLog.get(0).get("actor").asString()).isEqualTo("teamlead");
        assertThat(auditLog.get(0).get("before").get("teamId").asLong()).isEqualTo(from.get("teamId").asLong());
        assertThat(auditLog.get(0).get("after").get("teamId").asLong()).isEqualTo(to.get("teamId").asLong());
        assertThat(auditLog.get(0).get("after").get("pinned").asBoolean()).isTrue();

        Response reopt = teamLead().post("/api/v1/plans/" + id + "/reoptimize", "{\"solveSeconds\": 3}");
        assertThat(reopt.status()).isEqualTo(202);
        JsonNode after = awaitSolved(reopt.json().get("id").asLong());
        JsonNode stop = findStop(after, visitId);
        assertThat(stop).as("pinned visit still planned").isNotNull();
        assertThat(stop.get("pinned").asBoolean()).isTrue();
        assertThat(findTourOf(after, visitId).get("teamId").asLong()).isEqualTo(to.get("teamId").asLong());
        assertThat(findTourOf(after, visitId).get("date").asString()).isEqualTo(to.get("date").asString());
        assertThat(findTourOf(after, secondVisit).get("teamId").asLong()).isEqualTo(to.get("teamId").asLong());

        // the published plan stays as it was
        if (publishedPlan > 0) {
            Response edit = dispatcher().send(HttpRequest.newBuilder(
                            uri("/api/v1/plans/" + publishedPlan + "/visits/" + visitId))
                    .header("Content-Type", "application/json")
                    .header("If-Match", dispatcher().get("/api/v1/plans/" + publishedPlan).header("ETag"))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"pinned\": true}")));
            assertThat(edit.status()).isEqualTo(409);
        }
    }

    @Test
    @Order(3)
    void securityAndBadInputAreProblemDocumentsAndStoreNothing() {
        int before = all(dispatcher(), "/api/v1/plans").size();
        Response anonymous = anonymous().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(teamLead().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\"}").status()).isEqualTo(403);

        Response malformed = dispatcher().post("/api/v1/plans", "{\"weekStart\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        Response wrongType = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"soon\", \"solveSeconds\": 5}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("weekStart");
        Response wrongNumber = dispatcher().post("/api/v1/plans",
                "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": \"lots\"}");
        assertThat(wrongNumber.json().get("errors").get(0).get("field").asString()).isEqualTo("solveSeconds");
        Response objective = dispatcher().post("/api/v1/plans",
                "{\"weekStart\": \"" + WEEK + "\", \"objective\": \"CHEAPEST\"}");
        assertThat(objective.status()).isEqualTo(400);
        assertThat(objective.json().get("errors").get(0).get("field").asString()).isEqualTo("objective");
        assertThat(objective.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must be one of LEAST_DRIVING, FEWEST_TEAM_DAYS");
        Response tuesday = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"2026-12-08\"}");
        assertThat(tuesday.status()).isEqualTo(400);
        assertThat(tuesday.json().get("errors").get(0).get("field").asString()).isEqualTo("weekStart");
        Response unknown = dispatcher().get("/api/v1/plans/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("planId");
        assertThat(all(dispatcher(), "/api/v1/plans").size()).isEqualTo(before);
        assertThat(unknown.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("select ");
    }

    @Test
    @Order(4)
    void dispatcherChoosesFewestTeamDaysAndThePlanIsScoredWithItUntilReoptimisedOtherwise() throws Exception {
        Response created = createPlan(3, "FEWEST_TEAM_DAYS");
        assertThat(created.json().get("objective").asString()).isEqualTo("FEWEST_TEAM_DAYS");
        long id = created.json().get("id").asLong();
        JsonNode plan = awaitSolved(id);
        assertThat(plan.get("objective").asString()).isEqualTo("FEWEST_TEAM_DAYS");
        int used = toursWithStops(plan);
        assertThat(used).isPositive();
        // each used team-day costs one on the medium level, in the stored score and in the explanation
        JsonNode teamDays = constraint(dispatcher().get("/api/v1/plans/" + id + "/explanation").json(),
                "Team-day used");
        assertThat(teamDays).as("team-days count under this objective").isNotNull();
        assertThat(teamDays.get("matchCount").asInt()).isEqualTo(used);
        assertThat(teamDays.get("medium").asLong()).isEqualTo(-used);
        assertThat(mediumOf(plan.get("score").asString())).isLessThanOrEqualTo(-used);

        Response reopt = dispatcher().post("/api/v1/plans/" + id + "/reoptimize",
                "{\"solveSeconds\": 2, \"objective\": \"LEAST_DRIVING\"}");
        assertThat(reopt.status()).isEqualTo(202);
        assertThat(reopt.json().get("id").asLong()).as("a solved plan is solved again in place").isEqualTo(id);
        JsonNode after = awaitSolved(id);
        assertThat(after.get("objective").asString()).isEqualTo("LEAST_DRIVING");
        JsonNode none = constraint(dispatcher().get("/api/v1/plans/" + id + "/explanation").json(), "Team-day used");
        assertThat(none == null || none.get("medium").asLong() == 0).as("team-days cost nothing now").isTrue();
        assertThat(all(dispatcher(), "/api/v1/plans")).anySatisfy(summary -> {
            assertThat(summary.get("id").asLong()).isEqualTo(id);
            assertThat(summary.get("objective").asString()).isEqualTo("LEAST_DRIVING");
        });
    }

    /**
     * Stopping a FEWEST_TEAM_DAYS run while its tour elimination runs (here up to 180 s of a
     * 600 s run) ends it at once with the best plan so far: the stop reaches the elimination phase,
     * which OptaPlanner's own early termination does not.
     */
    @Test
    @Order(5)
    void stoppingAFewestTeamDaysRunEndsItsTourEliminationToo() throws Exception {
        long id = createPlan(600, "FEWEST_TEAM_DAYS").json().get("id").asLong();
        HttpResponse<Stream<String>> response = events(id);
        List<String> names = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (!line.startsWith("event:")) {
                        continue;
                    }
                    names.add(line.substring(6).trim());
                    if (names.size() == 1) { // the construction heuristic's plan: the elimination runs now
                        assertThat(dispatcher().delete("/api/v1/plans/" + id + "/solving").status()).isEqualTo(202);
                    }
                    if (names.get(names.size() - 1).equals("done")) {
                        break;
                    }
                }
            }
        }, "a stopped run ends long before its elimination's 180 s");
        assertThat(names).first().isEqualTo("best");
        assertThat(names).last().isEqualTo("done");
        JsonNode plan = dispatcher().get("/api/v1/plans/" + id).json();
        assertThat(plan.get("status").asString()).isEqualTo("SOLVED");
        assertThat(toursWithStops(plan)).isPositive();
    }

    static int toursWithStops(JsonNode plan) {
        int n = 0;
        for (JsonNode t : plan.get("tours")) {
            n += t.get("stops").isEmpty() ? 0 : 1;
        }
        return n;
    }

    static JsonNode constraint(JsonNode explanation, String name) {
        for (JsonNode c : explanation.get("constraints")) {
            if (c.get("constraint").asString().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static long mediumOf(String score) {
        return Long.parseLong(score.split("/")[1].replace("medium", ""));
    }

    static JsonNode findTour(JsonNode plan, JsonNode like) {
        for (JsonNode t : plan.get("tours")) {
            if (t.get("teamId").asLong() == like.get("teamId").asLong()
                    && t.get("date").asString().equals(like.get("date").asString())) {
                return t;
            }
        }
        throw new AssertionError("tour missing");
    }

    static JsonNode findTourOf(JsonNode plan, String visitId) {
        for (JsonNode t : plan.get("tours")) {
            for (JsonNode s : t.get("stops")) {
                if (s.get("visitId").asString().equals(visitId)) {
                    return t;
                }
            }
        }
        return null;
    }

    static JsonNode findStop(JsonNode plan, String visitId) {
        JsonNode tour = findTourOf(plan, visitId);
        if (tour == null) {
            return null;
        }
        for (JsonNode s : tour.get("stops")) {
            if (s.get("visitId").asString().equals(visitId)) {
                return s;
            }
        }
        return null;
    }
}
