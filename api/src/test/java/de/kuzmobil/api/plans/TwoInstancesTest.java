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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two service instances on one database, one solve at a time each: this test's application (A) and a
 * second one started beside it (B). They share one queue; a run on A reports its progress to a
 * listener on B, a stop sent to B ends it, and a run B hands back when it stops is continued by A.
 */
@DirtiesContext
@TestPropertySource(properties = "kuzmobil.solver.max-concurrent=1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest extends ApiTest {

    private static final String WEEK = "2026-12-07";
    private static ConfigurableApplicationContext b;
    private static int bPort;

    @BeforeAll
    static void startSecondInstance() {
        b = new SpringApplicationBuilder(KuzMobilApplication.class).run(secondInstanceArguments().toArray(String[]::new));
        bPort = ((WebServerApplicationContext) b).getWebServer().getPort();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (b != null) {
            b.close();
        }
    }

    @Autowired
    SolverQueue queue;
    @Autowired
    PlanSignals signals;

    /** The booking limit counts on every instance alike (its buckets live in the database). */
    @Test
    @Order(-2)
    void aBookingLimitUsedUpOnOneInstanceHoldsOnTheOther() throws Exception {
        String cancel = "/api/v1/public/bookings/aaaaaaaaaaaaaaaaaaaaaaaaaa";
        for (int i = 0; i < 10; i++) { // the default: 10 a minute, all taken on A
            assertThat(anonymous().delete(cancel).status()).isEqualTo(404);
        }
        HttpResponse<String> onB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + bPort + cancel)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(onB.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    /** Sessions live in the database: signed in on A, a browser is signed in on B too. */
    @Test
    @Order(-1)
    void aSignInOnOneInstanceHoldsOnTheOther() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String token = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dispatcher&password=dispatcher-demo&_csrf=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        // cookies do not tell ports apart: the same browser now asks B
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + bPort + "/api/v1/me")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"DISPATCHER\"");
        assertThat(schema().jdbc().sql("select count(*) from spring_session where principal_name = 'dispatcher'")
                .query(Long.class).single()).isPositive();
    }

    /** Six plans on two instances that solve one at a time each: never more than two at once, each once. */
    @Test
    @Order(0)
    void sixPlansOnTwoInstancesEachSolvedOnceNeverMoreThanTwoAtOnce() throws Exception {
        var jdbc = schema().jdbc();
        List<Long> ids = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            Response r = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 4}");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            ids.add(r.json().get("id").asLong());
        }
        String in = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        int mostAtOnce = 0;
        int mostOnOneInstance = 0;
        while (jdbc.sql("select count(*) from plan where status = 'SOLVING' and id in (" + in + ")")
                .query(Long.class).single() > 0) {
            assertThat(System.nanoTime() - began).as("all end").isLessThan(180_000_000_000L);
            mostAtOnce = Math.max(mostAtOnce, jdbc.sql("select count(*) from solver_job where status = 'RUNNING'")
                    .query(Long.class).single().intValue());
            mostOnOneInstance = Math.max(mostOnOneInstance, jdbc.sql("select coalesce(max(n), 0) from (select count(*)"
                    + " as n from solver_job where status = 'RUNNING' group by instance_id) r").query(Long.class)
                    .single().intValue());
            Thread.sleep(50);
        }
        long seconds = (System.nanoTime() - began) / 1_000_000_000L;
        List<Map<String, Object>> jobs = jdbc.sql("select plan_id, status, pickups, instance_id from solver_job"
                + " where plan_id in (" + in + ")").query().listOfRows();
        Map<Object, Long> perInstance = jobs.stream().collect(java.util.stream.Collectors.groupingBy(
                j -> j.get("instance_id"), java.util.stream.Collectors.counting()));
        System.out.printf("SIX_PLANS_TWO_INSTANCES seconds=%d most-at-once=%d most-on-one-instance=%d per-instance=%s%n",
                seconds, mostAtOnce, mostOnOneInstance, perInstance.values());
        for (long id : ids) {
            assertThat(dispatcher().get("/api/v1/plans/" + id).json().get("status").asString()).isEqualTo("SOLVED");
        }
        assertThat(jobs).hasSize(6).allSatisfy(j -> {
            assertThat(j.get("status")).isEqualTo("DONE");
            assertThat(j.get("pickups")).as("picked up once").isEqualTo(1);
        });
        assertThat(mostAtOnce).isBetween(1, 2);
        assertThat(mostOnOneInstance).isEqualTo(1);
        assertThat(perInstance).as("both instances took runs").hasSize(2);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks").query(Long.class).single()).as("queue empty").isZero();
    }

    @Test
    @Order(1)
    void progressOfARunOnOneInstanceReachesAListenerOnTheOther() throws Exception {
        b.getBean(SolverQueue.class).takeRuns(false); // so that A runs it
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
        assertThat(ranOn(id)).isEqualTo(signals.instance());
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
        assertThat(ranOn(id)).isEqualTo(signals.instance());
        b.getBean(SolverQueue.class).takeRuns(true);
    }

    /**
     * B stops normally (as on SIGTERM) while it solves: its run is handed back with its best plan stored,
     * nothing becomes FAILED, and A takes the run over and continues from that plan.
     */
    @Test
    @Order(3)
    void aRunOfAnInstanceThatStopsIsContinuedByTheOther() throws Exception {
        queue.takeRuns(false); // so that B runs it
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
        assertThat(ranOn(id)).isEqualTo(b.getBean(PlanSignals.class).instance());
        long stopping = System.nanoTime();
        queue.takeRuns(true);
        b.close();
        b = null;
        long closeSeconds = (System.nanoTime() - stopping) / 1_000_000_000L;
        JsonNode handedBack = dispatcher().get("/api/v1/plans/" + id).json();
        assertThat(handedBack.get("status").asString()).as("nothing FAILED on a normal stop").isEqualTo("SOLVING");
        String checkpoint = handedBack.get("score").asString();
        assertThat(checkpoint).isNotBlank();

        // A picks the handed-back run from the queue; stop it there once it runs, keeping its best
        var jdbc = schema().jdbc();
        long takenOver = System.nanoTime();
        for (int i = 0; i < 240 && jdbc.sql("select count(*) from solver_job where plan_id = ? and status = 'RUNNING'")
                .param(id).query(Long.class).single() == 0; i++) {
            Thread.sleep(250);
        }
        assertThat(ranOn(id)).isEqualTo(signals.instance());
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

    /** The instance that runs (or ran) the plan's latest job. */
    private static String ranOn(long planId) {
        return schema().jdbc().sql("select instance_id from solver_job where plan_id = ? order by id desc limit 1")
                .param(planId).query(String.class).single();
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
