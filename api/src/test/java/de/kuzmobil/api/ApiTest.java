package de.kuzmobil.api;

import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of end-to-end API tests: the real application on a random port, over a real PostgreSQL
 * schema of its own (see TestDatabase) with the demo data loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestSchema schema;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSchema schema = schema();
        registry.add("spring.datasource.url", schema::url);
        registry.add("spring.datasource.username", schema::user);
        registry.add("spring.datasource.password", () -> schema.password() == null ? "" : schema.password());
        registry.add("kuzmobil.demo-data.enabled", () -> "true");
        // the bundled Hamburg road graph, imported once per build into the module's target/
        registry.add("kuzmobil.routing.cache-dir", () -> "target/graph-cache");
        // no map tiles: nothing a test loads may leave the machine
        registry.add("kuzmobil.map.tile-url", () -> "");
    }

    /** This class's schema, made on first use (subclasses may fill it before the context starts). */
    protected static synchronized TestSchema schema() {
        if (schema == null) {
            schema = TestDatabase.freshSchema();
        }
        return schema;
    }

    /**
     * Command-line arguments for a second instance of the application on this class's schema, set as
     * above, one solve at a time; as arguments, they win over application.yml.
     */
    protected static java.util.List<String> secondInstanceArguments() {
        TestSchema schema = schema();
        return java.util.List.of(
                "--spring.datasource.url=" + schema.url(),
                "--spring.datasource.username=" + schema.user(),
                "--spring.datasource.password=" + (schema.password() == null ? "" : schema.password()),
                "--kuzmobil.demo-data.enabled=true",
                "--kuzmobil.routing.cache-dir=target/graph-cache",
                "--kuzmobil.map.tile-url=",
                "--kuzmobil.solver.max-concurrent=1",
                "--server.port=0");
    }

    @AfterAll
    static void dropSchema() {
        // Spring caches contexts across classes; each class has its own schema, so its context must go too
        if (schema != null) {
            schema.close();
            schema = null;
        }
    }

    protected record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** HTTP calls as one user (or anonymously when user is null). */
    protected class Client {
        private final String authorization;

        public Client(String user, String password) {
            this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public Response get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        public Response post(String path, String contentType, String body) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        public Response post(String path, String json) {
            return post(path, "application/json", json);
        }

        public Response put(String path, String json) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        public Response delete(String path) {
            return send(HttpRequest.newBuilder(uri(path)).DELETE());
        }

        public Response send(HttpRequest.Builder request) {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(r.statusCode(), r.headers().map(), r.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Plans the demo week ({@code seconds} of solving) and publishes it; returns the published plan.
     */
    protected JsonNode planAndPublish(String weekStart, int seconds) {
        long id = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + weekStart + "\", \"solveSeconds\": "
                + seconds + "}").json().get("id").asLong();
        JsonNode plan = awaitNotSolving(id);
        if (!plan.get("status").asString().equals("SOLVED")) {
            throw new AssertionError("plan " + id + " ended " + plan);
        }
        Response published = dispatcher().post("/api/v1/plans/" + id + "/publish", "");
        if (published.status() != 200) {
            throw new AssertionError("publish: " + published.body());
        }
        return published.json();
    }

    /** Waits until the plan is no longer SOLVING (at most two minutes). */
    protected JsonNode awaitNotSolving(long planId) {
        for (int i = 0; i < 480; i++) {
            JsonNode plan = dispatcher().get("/api/v1/plans/" + planId).json();
            if (!plan.get("status").asString().equals("SOLVING")) {
                return plan;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("plan " + planId + " still solving");
    }

    /** A tour of the plan whose team is not the team of {@code tour} (null when there is none). */
    protected static JsonNode tourOfAnotherTeam(JsonNode plan, JsonNode tour) {
        for (JsonNode t : plan.get("tours")) {
            if (t.get("teamId").asLong() != tour.get("teamId").asLong()) {
                return t;
            }
        }
        return null;
    }

    /** Every item of a paged list, page after page. */
    protected JsonNode all(Client client, String path) {
        tools.jackson.databind.node.ArrayNode items = JSON.createArrayNode();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Response r = client.get(path + sep + "page=" + page + "&size=1000");
            if (r.status() != 200) {
                throw new AssertionError(path + ": " + r.status() + " " + r.body());
            }
            r.json().get("content").forEach(items::add);
            if (page + 1 >= r.json().get("page").get("totalPages").asInt()) {
                return items;
            }
        }
    }

    /** The demo users the README names. */
    protected Client dispatcher() {
        return new Client("dispatcher", "dispatcher-demo");
    }

    protected Client teamLead() {
        return new Client("teamlead", "teamlead-demo");
    }

    protected Client anonymous() {
        return new Client(null, null);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
