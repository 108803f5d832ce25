package de.kuzmobil.api.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.planner.domain.SiteKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

@DirtiesContext
class SitesApiTest extends ApiTest {

    @Test
    void healthIsUpAndDemoSitesAreListed() throws InterruptedException {
        // DOWN while the road graph loads (a fresh build imports it first)
        String health = "DOWN";
        for (int i = 0; i < 240 && !health.equals("UP"); i++) {
            Thread.sleep(i == 0 ? 0 : 250);
            health = anonymous().get("/actuator/health").json().get("status").asString();
        }
        assertThat(health).isEqualTo("UP");
        Response r = anonymous().get("/api/v1/sites");
        assertThat(r.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode site : r.json().get("content")) {
            names.add(site.get("name").asString());
            for (String field : List.of("id", "name", "district", "address", "latitude", "longitude")) {
                assertThat(site.has(field)).as(field).isTrue();
            }
        }
        assertThat(names).contains("Curslack (Haspa)", "Finkenwerder", "Neuwerk (Insel)")
                .doesNotContain("Asklepios Klinik Harburg");
    }

    @Test
    void dispatchersNotesAreNotPublic() {
        JsonNode anonymousView = all(anonymous(), "/api/v1/sites");
        JsonNode dispatcherView = all(dispatcher(), "/api/v1/sites");
        for (int i = 0; i < anonymousView.size(); i++) {
            assertThat(anonymousView.get(i).get("note").isNull()).isTrue();
        }
        boolean anyNote = false;
        for (JsonNode site : dispatcherView) {
            anyNote |= !site.get("note").isNull();
        }
        assertThat(anyNote).isTrue();
    }

    @Test
    void latitudeOf200IsAProblemNamingTheFieldAndStoresNothing() {
        int before = all(anonymous(), "/api/v1/sites").size();
        Response r = dispatcher().post("/api/v1/sites", "application/json", """
                {"name": "Nowhere", "kind": "CARE_HOME", "district": "Altona", "latitude": 200, "longitude": 9.9}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("latitude");
        assertThat(all(anonymous(), "/api/v1/sites").size()).isEqualTo(before);
    }

    @Test
    void windowEndingBeforeStartAndWrongTypesAreRejected() {
        Response window = dispatcher().post("/api/v1/sites", "application/json", """
                {"name": "Bad window", "kind": "CARE_HOME", "district": "Altona", "latitude": 53.5, "longitude": 9.9,
                 "weeklyWindows": [{"weekday": "MONDAY", "start": "14:00", "end": "09:00"}]}""");
        assertThat(window.status()).isEqualTo(400);
        assertThat(window.json().get("errors").get(0).get("field").asString()).startsWith("weeklyWindows[0]");

        Response type = dispatcher().post("/api/v1/sites", "application/json", """
                {"name": "Bad type", "kind": "CARE_HOME", "district": "Altona", "latitude": "north", "longitude": 9.9}""");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("detail").asString()).contains("latitude");

        Response malformed = dispatcher().post("/api/v1/sites", "application/json", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void writingNeedsADispatcher() {
        String body = """
                {"name": "X", "kind": "CARE_HOME", "district": "Altona", "latitude": 53.5, "longitude": 9.9}""";
        Response anonymous = anonymous().post("/api/v1/sites", body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(teamLead().post("/api/v1/sites", body).status()).isEqualTo(403);
        assertThat(new Client("dispatcher", "wrong").post("/api/v1/sites", body).status()).isEqualTo(401);
        assertThat(all(anonymous(), "/api/v1/sites").toString()).doesNotContain("\"X\"");
    }

    @Test
    void createReadUpdateDelete() {
        Response created = dispatcher().post("/api/v1/sites", "application/json", """
                {"name": "Bücherhalle Test", "kind": "LIBRARY", "district": "Wandsbek", "latitude": 53.65,
                 "longitude": 10.17, "monthlyWindows": [{"weekOfMonth": 2, "weekday": "THURSDAY",
                 "start": "09:30", "end": "18:00"}]}""");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/sites/" + id);
        assertThat(anonymous().get("/api/v1/sites/" + id).json().get("monthlyWindows").get(0).get("weekOfMonth").asInt())
                .isEqualTo(2);
        assertThat(dispatcher().put("/api/v1/sites/" + id, """
                {"name": "Bücherhalle Test 2", "kind": "LIBRARY", "district": "Wandsbek", "latitude": 53.65,
                 "longitude": 10.17}""").json().get("name").asString()).isEqualTo("Bücherhalle Test 2");
        assertThat(dispatcher().delete("/api/v1/sites/" + id).status())
                .isEqualTo(204);
        Response gone = anonymous().get("/api/v1/sites/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("errors").get(0).get("field").asString()).isEqualTo("siteId");
    }

    /** One vocabulary of site kinds: the planner's enum, which the API takes, is what the table allows. */
    @Test
    void siteKindsAreExactlyThoseTheTableAllows() {
        String check = schema().jdbc().sql("select pg_get_constraintdef(oid) from pg_constraint"
                + " where conname = 'site_kind_check' and conrelid = 'site'::regclass").query(String.class).single();
        List<String> allowed = java.util.regex.Pattern.compile("'([A-Z_]+)'").matcher(check).results()
                .map(m -> m.group(1)).toList();
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(SiteKind.values()).map(Enum::name).toList());

        Response refused = dispatcher().post("/api/v1/sites", """
                {"name": "Castle", "kind": "CASTLE", "district": "Altona", "latitude": 53.5, "longitude": 9.9}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("COMMUNITY_CENTRE");
    }
}
