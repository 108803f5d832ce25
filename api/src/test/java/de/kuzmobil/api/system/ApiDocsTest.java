package de.kuzmobil.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document and Swagger UI are public and describe the endpoints; what the document says
 * about signing in is what the service does.
 */
@DirtiesContext
class ApiDocsTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    private long scopedPlan;
    private String scopedVisit;
    private int scopedOperations;

    @Test
    void openApiListsTheEndpointsAndSwaggerUiIsServed() {
        Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/plans")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/public/stops")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/plans/{planId}/visits/{visitId}")).isTrue();
        Response ui = anonymous().send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET());
        assertThat(ui.status()).isEqualTo(200);
    }

    /**
     * The role matrix, generated from the document itself so that a new endpoint is covered at once:
     * anonymous, wrong password, a team lead of another team, the team's lead and a dispatcher against
     * every operation get exactly the answers the document promises (401, 403, or through to the
     * operation). Team-scoped operations are called on a real visit of a team the other lead does not lead.
     */
    @Test
    void everyOperationIsNamedAndEveryRoleGetsTheDocumentedAnswer() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        assertThat(docs.get("components").get("securitySchemes").has("basic")).isTrue();
        JsonNode plan = awaitNotSolving(dispatcher().post("/api/v1/plans",
                "{\"weekStart\": \"2026-12-07\", \"solveSeconds\": 3}").json().get("id").asLong());
        JsonNode tour = plan.get("tours").get(0);
        long teamOfVisit = tour.get("teamId").asLong();
        scopedPlan = plan.get("id").asLong();
        scopedVisit = tour.get("stops").get(0).get("visitId").asString();
        long otherTeam = StreamSupport.stream(all(dispatcher(), "/api/v1/teams").spliterator(), false)
                .mapToLong(t -> t.get("id").asLong()).filter(id -> id != teamOfVisit).findFirst().orElseThrow();
        jdbc.sql("insert into app_user (username, password_hash, role) values ('lead-other', ?, 'TEAM_LEAD')")
                .param(encoder.encode("other-demo")).update();
        assertThat(dispatcher().put("/api/v1/team-leads/lead-other/teams", "{\"teamIds\": [" + otherTeam + "]}")
                .status()).isEqualTo(200);
        Map<String, Client> clients = new java.util.LinkedHashMap<>();
        clients.put("anonymous", anonymous());
        clients.put("wrong password", new Client("dispatcher", "not-the-password"));
        clients.put("team lead of another team", new Client("lead-other", "other-demo"));
        clients.put("team lead", teamLead());
        clients.put("dispatcher", dispatcher());
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        int open = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                String name = method + " " + path.getKey();
                operations++;
                assertThat(operation.path("summary").asString("")).as(name + " summary").isNotBlank();
                assertThat(operation.path("description").asString("")).as(name + " description").isNotBlank();
                assertThat(ids.add(operation.path("operationId").asString(""))).as(name + " operationId unique").isTrue();
                JsonNode responses = operation.get("responses");
                assertThat(responses.has("401")).as(name + " documents 401").isTrue();
                assertThat(responses.has("400") && responses.has("500")).as(name + " documents 400 and 500").isTrue();
                for (String code : responses.propertyNames()) {
                    assertThat(code).as(name + " names each status").matches("[1-5]\\d\\d");
                    if (code.startsWith("4") || code.startsWith("5")) {
                        assertThat(responses.get(code).path("content").has("application/problem+json"))
                                .as(name + " " + code + " is a problem document").isTrue();
                    }
                }
                boolean documentedOpen = operation.has("security") && operation.get("security").isEmpty();
                Set<String> roles = new HashSet<>();
                operation.path("x-roles").forEach(r -> roles.add(r.asString()));
                open += documentedOpen ? 1 : 0;
                assertThat(documentedOpen || !roles.isEmpty()).as(name + " says who may call it").isTrue();
                boolean scoped = operation.path("x-team-scoped").asBoolean(false);
                scopedOperations += scoped ? 1 : 0;
                assertThat(responses.has("403")).as(name + " documents 403 iff a role is refused")
                        .isEqualTo(!documentedOpen && (!roles.contains("TEAM_LEAD") || scoped));
                for (Map.Entry<String, Client> client : clients.entrySet()) {
                    int status = call(client.getValue(), method, path.getKey(), scoped).status();
                    String who = client.getKey();
                    if (!responses.has(String.valueOf(status))) {
                        undocumented.add(name + " as " + who + ": " + status);
                    }
                    boolean teamLeadMay = documentedOpen || roles.contains("TEAM_LEAD");
                    boolean expected = switch (who) {
                        case "anonymous" -> documentedOpen ? status != 401 && status != 403 : status == 401;
                        case "wrong password" -> status == 401;
                        case "team lead of another team" -> teamLeadMay && !scoped
                                ? status != 401 && status != 403 : status == 403;
                        case "team lead" -> teamLeadMay ? status != 401 && status != 403 : status == 403;
                        default -> status != 401 && status != 403;
                    };
                    if (!expected) {
                        wrong.add(name + " as " + who + ": " + status);
                    }
                }
            }
        }
        System.out.printf("ROLE_MATRIX operations=%d open=%d team-scoped=%d clients=%d cases=%d wrong=%d%n",
                operations, open, scopedOperations, clients.size(), operations * clients.size(), wrong.size());
        assertThat(wrong).isEmpty();
        assertThat(undocumented).as("answers the document does not list").isEmpty();
        assertThat(scopedOperations).isGreaterThanOrEqualTo(1);
        assertThat(open).isGreaterThanOrEqualTo(10);
    }

    /**
     * The operation as {@code client}: with placeholder path values (nothing exists there) and an empty
     * body, or, when team-scoped, on the real visit with a pin that any current version accepts.
     */
    private Response call(Client client, String method, String template, boolean scoped) {
        String path = scoped
                ? template.replace("{planId}", String.valueOf(scopedPlan)).replace("{visitId}", scopedVisit)
                : template.replaceAll("\\{(id|planId)}", "999999").replaceAll("\\{[^}]+}", "nothing-here");
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(scoped ? "{\"pinned\": true}" : "{}");
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("If-Match", "*").method(method, body));
    }
}
