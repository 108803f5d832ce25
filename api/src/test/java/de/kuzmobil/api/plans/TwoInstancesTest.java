package de.kuzmobil.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.KuzMobilApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Two service instances on one database: this test's application (A) and a second one started
 * beside it (B). A run on A reports its progress to a listener on B, and a stop sent to B ends it.
 */
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest extends ApiTest {

    private static final String WEEK = "2026-12-07";
    private static ConfigurableApplicationContext b;
    private static int bPort;

    @BeforeAll
    static void startSecondInstance() {
        var schema = schema();
        b = new SpringApplicationBuilder(KuzMobilApplication.class).properties(Map.of(
                "spring.datasource.url", schema.url(),
                "spring.datasource.username", schema.user(),
                "spring.datasource.password", schema.password() == null ? "" : schema.password(),
                "kuzmobil.demo-data.enabled", "true",
                "kuzmobil.routing.cache-dir", "target/graph-cache",
                "kuzmobil.map.tile-url", "",
                "server.port", "0")).run();
        bPort = ((WebServerApplicationContext) b).getWebServer().getPort();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    @Order(1)
    void progressOfARunOnOneInstanceReachesAListenerOnTheOther() throws Exception {
        long id = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 6}")
                .json().get("id").asLong();
        List<String> lines = streamOnB("/api/v1/plans/" + id + "/events", 90);
        JsonNode plan = awaitNotSolving(id);
        assertThat(plan.get("status").asString()).isEqualTo("SOLVED");
        String stream = String.join("\n", lines);
        System.out.printf("TWO_INSTANCES events on B: %d best, %d plan, done=%s%n",
                lines.stream().filter(l -> l.equals("event:best")).count(),
                lines.stream().filter(l -> l.equals("event:plan")).count(), stream.contains("event:done"));
        assertThat(stream).as("B hears A's new best scores").contains("event:best");
        assertThat(stream).contains("event:done").contains("\"status\":\"SOLVED\"")
                .contains("\"score\":\"" + plan.get("score").asString() + "\"");
    }

    @Test
    @Order(2)
    void aStopSentToOneInstanceEndsTheRunOnTheOther() throws Exception {
        long id = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 300}")
                .json().get("id").asLong();
        // until A has a first plan to keep
        for (int i = 0; i < 240 && dispatcher().get("/api/v1/plans/" + id).json().path("score").isNull(); i++) {
            Thread.sleep(250);
        }
        long asked = System.nanoTime();
        HttpResponse<String> stop = onB("DELETE", "/api/v1/plans/" + id + "/solving");
        assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
        JsonNode plan = awaitNotSolving(id);
        long seconds = (System.nanoTime() - asked) / 1_000_000_000L;
        System.out.printf("TWO_INSTANCES stop on B ended the run on A after %d s: %s%n", seconds,
                plan.get("status").asString());
        assertThat(plan.get("status").asString()).as("the best plan so far is kept").isEqualTo("SOLVED");
        assertThat(seconds).isLessThan(60);
        assertThat(onB("DELETE", "/api/v1/plans/" + id + "/solving").statusCode()).as("nothing runs any more")
                .isEqualTo(409);
    }

    /**
     * B stops normally (as on SIGTERM) while it solves: its run is handed back with its best plan stored,
     * nothing becomes FAILED, and A takes the run over and continues from that plan.
     */
    @Test
    @Order(3)
    void aRunOfAnInstanceThatStopsIsContinuedByTheOther() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + bPort + "/api/v1/plans")).header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 300}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        long id = JSON.readTree(created.body()).get("id").asLong();
        for (int i = 0; i < 240 && dispatcher().get("/api/v1/plans/" + id).json().path("score").isNull(); i++) {
            Thread.sleep(250);
        }
        long stopping = System.nanoTime();
        b.close();
        b = null;
        long closeSeconds = (System.nanoTime() - stopping) / 1_000_000_000L;
        JsonNode handedBack = dispatcher().get("/api/v1/plans/" + id).json();
        assertThat(handedBack.get("status").asString()).as("nothing FAILED on a normal stop").isEqualTo("SOLVING");
        String checkpoint = handedBack.get("score").asString();
        assertThat(checkpoint).isNotBlank();

        // A's sweep (every 15 s) takes the run over; stop it there once it runs, keeping its best
        var jdbc = schema().jdbc();
        long takenOver = System.nanoTime();
        for (int i = 0; i < 240 && jdbc.sql("select count(*) from solver_job where plan_id = ? and status = 'RUNNING'")
                .param(id).query(Long.class).single() == 0; i++) {
            Thread.sleep(250);
        }
        long takeOverSeconds = (System.nanoTime() - takenOver) / 1_000_000_000L;
        Thread.sleep(2_000);
        assertThat(dispatcher().delete("/api/v1/plans/" + id + "/solving").status()).isEqualTo(202);
        JsonNode done = awaitNotSolving(id);
        System.out.printf("TWO_INSTANCES B closed in %d s, A continued after %d s: checkpoint %s, final %s%n",
                closeSeconds, takeOverSeconds, checkpoint, done.get("score").asString());
        assertThat(done.get("status").asString()).isEqualTo("SOLVED");
        assertThat(HardMediumSoftLongScore.parseScore(done.get("score").asString()))
                .as("continued from the checkpoint, never worse").isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(checkpoint));
        assertThat(jdbc.sql("select count(*) from solver_job where plan_id = ? and status = 'FAILED'"
                + " and error not like 'replaced%'").param(id).query(Long.class).single()).isZero();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("dispatcher:dispatcher-demo".getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> onB(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + bPort + path))
                .header("Authorization", basic()).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The event stream's lines on B until it ends (at most {@code seconds}). */
    private static List<String> streamOnB(String path, int seconds) throws Exception {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpResponse<java.util.stream.Stream<String>> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + bPort + path)).header("Authorization", basic())
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        CompletableFuture<Void> read = CompletableFuture.runAsync(() -> r.body().forEach(lines::add));
        read.get(seconds, TimeUnit.SECONDS);
        return new ArrayList<>(lines);
    }
}
