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

    @Test
    void everyOperationHasANameASummaryAProblemAnswerAndTheSecurityTheServiceApplies() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        assertThat(docs.get("components").get("securitySchemes").has("basic")).isTrue();
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        int open = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                JsonNode operation = op.getValue();
                String name = method + " " + path.getKey();
                assertThat(operation.path("summary").asString("")).as(name + " summary").isNotBlank();
                assertThat(ids.add(operation.path("operationId").asString(""))).as(name + " operationId unique").isTrue();
                assertThat(operation.get("responses").propertyNames().stream().anyMatch(c -> c.startsWith("4")))
                        .as(name + " has a 4xx answer").isTrue();
                boolean documentedOpen = operation.has("security") && operation.get("security").isEmpty();
                open += documentedOpen ? 1 : 0;
                int status = anonymousCall(method, path.getKey()).status();
                if (documentedOpen == (status == 401)) {
                    wrong.add(name + " documented " + (documentedOpen ? "open" : "signed-in") + " but answers " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(open).isGreaterThanOrEqualTo(10);
    }

    /** The operation without credentials, with placeholder path values and an empty body. */
    private Response anonymousCall(String method, String template) {
        String path = template.replaceAll("\\{(id|planId)}", "999999").replaceAll("\\{[^}]+}", "nothing-here");
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return anonymous().send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body));
    }
}
