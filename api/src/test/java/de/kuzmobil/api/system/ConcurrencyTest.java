package de.kuzmobil.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.FixedClock;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Many requests at the same moment, on a real PostgreSQL: one edit wins per version, one plan is
 * published per week, and the solve limit holds while every run still ends.
 */
@DirtiesContext
@Import(FixedClock.class)
@TestPropertySource(properties = {"kuzmobil.solver.max-concurrent=2", "kuzmobil.solver.max-queued=20"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConcurrencyTest extends ApiTest {

    static final String WEEK = "2026-12-07";

    /** Runs {@code n} calls released at the same instant; their statuses, counted. */
    static Map<Integer, Long> atOnce(int n, Function<Integer, Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            answers.add(pool.submit((Callable<Response>) () -> {
                start.await();
                return call.apply(k);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> f : answers) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    long solvedPlan() {
        long id = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 2}")
                .json().get("id").asLong();
        assertThat(awaitNotSolving(id).get("status").asString()).isEqualTo("SOLVED");
        return id;
    }

    @Test
    @Order(1)
    void fiftyEditsWithOneEtagLeaveOneWinnerAndOneAuditRow() throws Exception {
        long plan = solvedPlan();
        Response read = dispatcher().get("/api/v1/plans/" + plan);
        String etag = read.header("ETag");
        String visit = null;
        for (JsonNode tour : read.json().get("tours")) {
            if (!tour.get("stops").isEmpty()) {
                visit = tour.get("stops").get(0).get("visitId").asString();
                break;
            }
        }
        int auditBefore = all(dispatcher(), "/api/v1/plans/" + plan + "/audit").size();
        String path = "/api/v1/plans/" + plan + "/visits/" + visit;
        Map<Integer, Long> statuses = atOnce(50, i -> dispatcher().send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"pinned\": " + (i % 2 == 0) + "}"))));
        System.out.println("CONCURRENT_EDITS " + statuses);
        assertThat(statuses).containsEntry(200, 1L).containsEntry(412, 49L).hasSize(2);
        assertThat(all(dispatcher(), "/api/v1/plans/" + plan + "/audit").size()).isEqualTo(auditBefore + 1);
    }

    @Test
    @Order(2)
    void twentyPublishesLeaveOnePublishedPlanForTheWeek() throws Exception {
        long a = solvedPlan();
        long b = solvedPlan();
        Map<Integer, Long> statuses = atOnce(20, i -> dispatcher().post("/api/v1/plans/" + (i % 2 == 0 ? a : b)
                + "/publish", ""));
        System.out.println("CONCURRENT_PUBLISHES " + statuses);
        assertThat(statuses.keySet()).allMatch(s -> s == 200 || s == 409);
        assertThat(statuses.get(200)).isBetween(1L, 2L); // b may supersede a, never both at once
        long published = 0;
        for (JsonNode p : all(dispatcher(), "/api/v1/plans")) {
            if (p.get("weekStart").asString().equals(WEEK) && p.get("status").asString().equals("PUBLISHED")) {
                published++;
            }
        }
        assertThat(published).isEqualTo(1);
    }

    @Test
    @Order(3)
    void thirtySolvesAtOnceKeepTheLimitAndAllEnd() throws Exception {
        List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Long> statuses = atOnce(30, i -> {
            Response r = dispatcher().post("/api/v1/plans", "{\"weekStart\": \"" + WEEK + "\", \"solveSeconds\": 1}");
            if (r.status() == 202) {
                ids.add(r.json().get("id").asLong());
            }
            return r;
        });
        System.out.println("CONCURRENT_SOLVES " + statuses);
        assertThat(statuses).containsEntry(202, 22L).containsEntry(429, 8L);
        int mostRunning = 0;
        for (int round = 0; round < 600; round++) {
            int running = 0;
            int solving = 0;
            for (JsonNode p : all(dispatcher(), "/api/v1/plans")) {
                if (p.get("status").asString().equals("SOLVING")) {
                    solving++;
                    running += p.get("queuePosition").isNull() ? 1 : 0;
                }
            }
            mostRunning = Math.max(mostRunning, running);
            if (solving == 0) {
                break;
            }
            Thread.sleep(100);
        }
        System.out.println("CONCURRENT_SOLVES most running at once: " + mostRunning);
        assertThat(mostRunning).isBetween(1, 2);
        for (long id : ids) {
            assertThat(awaitNotSolving(id).get("status").asString()).isIn("SOLVED", "FAILED");
        }
    }
}
