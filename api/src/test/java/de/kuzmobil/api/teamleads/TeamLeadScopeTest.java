package de.kuzmobil.api.teamleads;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** A team lead edits only visits on or into the tours of the teams they lead; dispatchers say which. */
@DirtiesContext
class TeamLeadScopeTest extends ApiTest {

    private static final String WEEK = "2026-12-07";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    private final Client lead = new Client("lead-scope", "scope-demo");

    @BeforeEach
    void user() {
        jdbc.sql("insert into app_user (username, password_hash, role) values ('lead-scope', ?, 'TEAM_LEAD')"
                + " on conflict do nothing").param(encoder.encode("scope-demo")).update();
    }

    @Test
    void aTeamLeadEditsOwnToursOnlyAndNothingChangesWhenRefused() {
        JsonNode plan = awaitNotSolving(dispatcher().post("/api/v1/plans",
                "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 3}").json().get("id").asLong());
        long planId = plan.get("id").asLong();
        JsonNode own = plan.get("tours").get(0);
        JsonNode other = tourOfAnotherTeam(plan, own);
        assertThat(other).as("the demo week has tours of two teams").isNotNull();
        long ownTeam = own.get("teamId").asLong();
        assertThat(dispatcher().put("/api/v1/team-leads/lead-scope/teams", "{\"teamIds\": [" + ownTeam + "]}").status())
                .isEqualTo(200);
        assertThat(lead.get("/api/v1/me").json().get("teamIds").toString()).isEqualTo("[" + ownTeam + "]");
        assertThat(dispatcher().get("/api/v1/team-leads").json().toString())
                .contains("{\"username\":\"lead-scope\",\"teamIds\":[" + ownTeam + "]}");

        String foreignVisit = other.get("stops").get(0).get("visitId").asString();
        String ownVisit = own.get("stops").get(0).get("visitId").asString();
        String etag = dispatcher().get("/api/v1/plans/" + planId).header("ETag");
        long auditBefore = all(dispatcher(), "/api/v1/plans/" + planId + "/audit").size();

        Response onForeign = patch(lead, planId, foreignVisit, "{\"pinned\": true}");
        assertThat(onForeign.status()).isEqualTo(403);
        assertThat(onForeign.json().get("errors").get(0).get("field").asString()).isEqualTo("visitId");
        Response intoForeign = patch(lead, planId, ownVisit, "{\"teamId\": " + other.get("teamId").asLong()
                + ", \"date\": \"" + other.get("date").asString() + "\"}");
        assertThat(intoForeign.status()).isEqualTo(403);
        assertThat(intoForeign.json().get("errors").get(0).get("field").asString()).isEqualTo("teamId");
        assertThat(dispatcher().get("/api/v1/plans/" + planId).header("ETag")).as("nothing changed").isEqualTo(etag);
        assertThat(all(dispatcher(), "/api/v1/plans/" + planId + "/audit").size()).isEqualTo(auditBefore);

        Response onOwn = patch(lead, planId, ownVisit, "{\"pinned\": true}");
        assertThat(onOwn.status()).as(onOwn.body()).isEqualTo(200);
        Response byDispatcher = patch(dispatcher(), planId, foreignVisit, "{\"pinned\": true}");
        assertThat(byDispatcher.status()).as(byDispatcher.body()).isEqualTo(200);
    }

    @Test
    void assigningUnknownTeamsOrUsersChangesNothing() {
        long team = all(dispatcher(), "/api/v1/teams").get(0).get("id").asLong();
        assertThat(dispatcher().put("/api/v1/team-leads/lead-scope/teams", "{\"teamIds\": [" + team + "]}").status())
                .isEqualTo(200);
        Response unknownTeam = dispatcher().put("/api/v1/team-leads/lead-scope/teams",
                "{\"teamIds\": [" + team + ", 999999]}");
        assertThat(unknownTeam.status()).isEqualTo(400);
        assertThat(unknownTeam.json().get("errors").get(0).get("field").asString()).isEqualTo("teamIds[1]");
        assertThat(lead.get("/api/v1/me").json().get("teamIds").toString()).isEqualTo("[" + team + "]");
        assertThat(dispatcher().put("/api/v1/team-leads/dispatcher/teams", "{\"teamIds\": []}").status())
                .as("a dispatcher is no team lead").isEqualTo(404);
        assertThat(dispatcher().put("/api/v1/team-leads/nobody/teams", "{\"teamIds\": []}").status()).isEqualTo(404);
        assertThat(lead.put("/api/v1/team-leads/lead-scope/teams", "{\"teamIds\": []}").status())
                .as("team leads do not choose their own teams").isEqualTo(403);
    }

    private Response patch(Client who, long planId, String visitId, String body) {
        return who.send(HttpRequest.newBuilder(uri("/api/v1/plans/" + planId + "/visits/" + visitId))
                .header("Content-Type", "application/json").header("If-Match", "*")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }
}
