package de.kuzmobil.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document and Swagger UI are public and describe the endpoints; what the document says
 * about signing in is what the service does.
 */
@DirtiesContext
class ApiDocsTest extends ApiTest {

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
     * anonymous, wrong password, team lead and dispatcher against every operation get exactly the
     * answers the document promises (401, 403, or through to the operation).
     */
    @Test
    void everyOperationIsNamedAndEveryRoleGetsTheDocumentedAnswer() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        assertThat(docs.get("components").get("securitySchemes").has("basic")).isTrue();
        Map<String, Client> clients = new java.util.LinkedHashMap<>();
        clients.put("anonymous", anonymous());
        clients.put("wrong password", new Client("dispatcher", "not-the-password"));
        clients.put("team lead", teamLead());
        clients.put("dispatcher", dispatcher());
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
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
                assertThat(responses.propertyNames().stream().anyMatch(c -> c.startsWith("4") && !c.equals("401")))
                        .as(name + " documents its other 4xx").isTrue();
                boolean documentedOpen = operation.has("security") && operation.get("security").isEmpty();
                Set<String> roles = new HashSet<>();
                operation.path("x-roles").forEach(r -> roles.add(r.asString()));
                open += documentedOpen ? 1 : 0;
                assertThat(documentedOpen || !roles.isEmpty()).as(name + " says who may call it").isTrue();
                assertThat(responses.has("403")).as(name + " documents 403 iff a role is refused")
                        .isEqualTo(!documentedOpen && !roles.contains("TEAM_LEAD"));
                for (Map.Entry<String, Client> client : clients.entrySet()) {
                    int status = call(client.getValue(), method, path.getKey()).status();
                    String who = client.getKey();
                    boolean expected = switch (who) {
                        case "anonymous" -> documentedOpen ? status != 401 && status != 403 : status == 401;
                        case "wrong password" -> status == 401;
                        case "team lead" -> documentedOpen || roles.contains("TEAM_LEAD")
                                ? status != 401 && status != 403 : status == 403;
                        default -> status != 401 && status != 403;
                    };
                    if (!expected) {
                        wrong.add(name + " as " + who + ": " + status);
                    }
                }
            }
        }
        System.out.printf("ROLE_MATRIX operations=%d open=%d cases=%d wrong=%d%n", operations, open,
                operations * clients.size(), wrong.size());
        assertThat(wrong).isEmpty();
        assertThat(open).isGreaterThanOrEqualTo(10);
    }

    /** The operation as {@code client}, with placeholder path values (nothing exists there) and an empty body. */
    private Response call(Client client, String method, String template) {
        String path = template.replaceAll("\\{(id|planId)}", "999999").replaceAll("\\{[^}]+}", "nothing-here");
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body));
    }
}
