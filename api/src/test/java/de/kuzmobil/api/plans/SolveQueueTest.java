package de.kuzmobil.api.plans;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * At most one solve at a time here and two waiting: the rest are refused with 429; waiting plans know
 * their place; and whatever the timing of starts and stops, every plan ends (no plan left SOLVING, no
 * listener left behind).
 */
@DirtiesContext
@TestPropertySource(properties = {"kuzmobil.solver.max-concurrent=1", "kuzmobil.solver.max-queued=2"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolveQueueTest extends ApiTest {

    static final String WEEK = "2026-12-07";
    static final HttpClient SSE = HttpClient.newHttpClient();

    @Autowired
    PlanEvents events;

    Response create(int seconds) {
        return dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": " + seconds + "}");
    }

    JsonNode plan(long id) {
        return dispatcher().get("/api/v1/plans/" + id).json();
    }

    CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> listen(long id) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/plans/" + id + "/events"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dispatcher:dispatcher-demo".getBytes()))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build();
        return SSE.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    }

    @Test
    @Order(1)
    void beyondTheQueueNewRunsAreRefusedAndWaitingPlansKnowTheirPlace() throws Exception {
        long first = create(120).json().get("id").asLong();
        // the queue picks it within a poll (a second)
        for (int i = 0; i < 100 && plan(first).get("queuePosition").isInt(); i++) {
            Thread.sleep(50);
        }
        JsonNode second = create(120).json();
        long third = create(120).json().get("id").asLong();
        assertThat(second.get("queuePosition").asInt()).isEqualTo(1);
        assertThat(plan(third).get("queuePosition").asInt()).isEqualTo(2);
        assertThat(plan(first).get("queuePosition").isNull()).isTrue();

        Response refused = create(120);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.json().get("detail").asString()).contains("waiting");
        long plansBefore = all(dispatcher(), "/api/v1/plans").size();

        // a listener of a waiting plan hears its place at once
        HttpResponse<java.util.stream.Stream<String>> stream = listen(third).get();
        List<String> lines = stream.body().limit(2).toList();
        assertThat(lines).containsExactly("event:queued", "data:{\"position\":2}");

        // stopping a waiting plan ends it and moves the one behind it up
        assertThat(dispatcher().delete("/api/v1/plans/" + second.get("id").asLong() + "/solving").status()).isEqualTo(202);
        JsonNode stopped = awaitNotSolving(second.get("id").asLong());
        assertThat(stopped.get("status").asString()).isEqualTo("FAILED");
        assertThat(stopped.get("failure").asString()).contains("queue");
        assertThat(plan(third).get("queuePosition").asInt()).isEqualTo(1);

        // the running one stops with its best plan (once it has one); the next starts
        for (int i = 0; i < 240 && plan(first).path("score").isNull(); i++) {
            Thread.sleep(250);
        }
        assertThat(dispatcher().delete("/api/v1/plans/" + first + "/solving").status()).isEqualTo(202);
        assertThat(awaitNotSolving(first).get("status").asString()).isEqualTo("SOLVED");
        for (int i = 0; i < 100 && plan(third).get("queuePosition").isInt(); i++) {
            Thread.sleep(100);
        }
        assertThat(plan(third).get("queuePosition").isNull()).isTrue();
        assertThat(teamLead().delete("/api/v1/plans/" + third + "/solving").status()).as("a team lead may stop").isEqualTo(202);
        assertThat(awaitNotSolving(third).get("status").asString()).isIn("SOLVED", "FAILED");
        assertThat(all(dispatcher(), "/api/v1/plans").size()).as("the refused one stored nothing")
                .isEqualTo(plansBefore);
    }

    @Test
    @Order(2)
    void startsAndStopsAtRandomMomentsAllEnd() throws Exception {
        int pairs = 200;
        AtomicInteger refused = new AtomicInteger();
        List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Random random = new Random(w);
            done.add(workers.submit(() -> {
                for (int i = 0; i < pairs / 4; i++) {
                    Response r = create(1 + random.nextInt(3));
                    if (r.status() == 429) {
                        refused.incrementAndGet();
                        sleep(200);
                        continue;
                    }
                    assertThat(r.status()).isEqualTo(202);
                    long id = r.json().get("id").asLong();
                    ids.add(id);
                    if (random.nextInt(4) == 0) {
                        listen(id); // a listener arriving at any moment, never read: must not stay behind
                    }
                    sleep(random.nextInt(400));
                    int stop = dispatcher().delete("/api/v1/plans/" + id + "/solving").status();
                    assertThat(stop).isIn(202, 409); // 409: it had ended already
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        List<String> left = new ArrayList<>();
        for (long id : ids) {
            String status = awaitNotSolving(id).get("status").asString();
            assertThat(status).isIn("SOLVED", "FAILED");
            if (status.equals("SOLVING")) {
                left.add(String.valueOf(id));
            }
        }
        long solved = ids.stream().filter(id -> plan(id).get("status").asString().equals("SOLVED")).count();
        System.out.printf("START_STOP_RACE pairs=%d started=%d refused=%d solved=%d failed=%d leftSolving=%d%n",
                pairs, ids.size(), refused.get(), solved, ids.size() - solved, left.size());
        assertThat(left).isEmpty();
        for (int i = 0; i < 50 && events.listeners() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(events.listeners()).as("listeners left").isZero();
        assertThat(events.plansWithListeners()).as("plans with listener lists left").isZero();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
