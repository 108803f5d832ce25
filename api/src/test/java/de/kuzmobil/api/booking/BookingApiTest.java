package de.kuzmobil.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.FixedClock;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Citizens book a slot at a published stop of the demo week and cancel it; two hundred at once never
 * get more than the free slots; a booked stop keeps its day and time when the plan is re-optimised.
 */
@DirtiesContext
@Import(FixedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookingApiTest extends ApiTest {

    static final String WEEK = "2026-12-07";
    static JsonNode published;

    @DynamicPropertySource
    static void noRateLimitHere(DynamicPropertyRegistry registry) {
        // this class sends hundreds of bookings from one address on purpose; RateLimitApiTest checks the limit
        registry.add("kuzmobil.booking.rate-limit-per-minute", () -> "100000");
    }

    @BeforeEach
    void publishTheDemoWeek() {
        if (published == null) {
            published = planAndPublish(WEEK, 5);
        }
    }

    JsonNode stops() {
        return anonymous().get("/api/v1/public/stops?from=2026-12-07&to=2026-12-13&size=200").json().get("content");
    }

    JsonNode stop(long id) {
        return anonymous().get("/api/v1/public/stops/" + id).json();
    }

    /** A stop and service with at least {@code free} free slots. */
    long[] stopWithFree(String service, int free) {
        for (JsonNode s : stops()) {
            if (s.get("freeSlots").has(service) && s.get("freeSlots").get(service).asInt() >= free) {
                return new long[] {s.get("id").asLong(), s.get("freeSlots").get(service).asInt()};
            }
        }
        throw new AssertionError("no stop with " + free + " free " + service);
    }

    Response book(long stop, String body) {
        return anonymous().post("/api/v1/public/stops/" + stop + "/bookings", body);
    }

    static String citizen(String service) {
        return "{\"service\": \"" + service + "\", \"name\": \"Erika Mustermann\", \"email\": \"erika@example.org\"}";
    }

    @Test
    @Order(1)
    void aCitizenBooksViewsAndCancelsAndTheSlotIsFreeAgain() {
        long[] chosen = stopWithFree("ID_CARD", 1);
        long stop = chosen[0];
        Response booked = book(stop, "{\"service\": \"Personalausweis beantragen\", \"name\": \"Erika Mustermann\","
                + " \"phone\": \"040 123456\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode b = booked.json();
        String code = b.get("code").asString();
        assertThat(code).matches("[a-z2-7]{26}");
        assertThat(b.get("service").asString()).isEqualTo("ID_CARD");
        assertThat(b.get("slotStart").asString()).isNotBlank();
        assertThat(booked.header("Location")).isEqualTo("/api/v1/public/bookings/" + code);
        assertThat(stop(stop).get("freeSlots").get("ID_CARD").asInt()).isEqualTo((int) chosen[1] - 1);

        JsonNode read = anonymous().get("/api/v1/public/bookings/" + code.toUpperCase()).json();
        assertThat(read.get("status").asString()).isEqualTo("BOOKED");
        assertThat(read.get("phone").asString()).isEqualTo("040 123456");
        assertThat(read.has("code") && !read.get("code").isNull()).as("the code is never repeated").isFalse();

        JsonNode forDispatchers = all(dispatcher(), "/api/v1/bookings?week=" + WEEK);
        assertThat(forDispatchers.toString()).contains("Erika Mustermann", "040 123456");
        assertThat(anonymous().get("/api/v1/bookings?week=" + WEEK).status()).isEqualTo(401);
        assertThat(teamLead().get("/api/v1/bookings?week=" + WEEK).status()).isEqualTo(403);

        assertThat(anonymous().delete("/api/v1/public/bookings/" + code).status()).isEqualTo(204);
        assertThat(stop(stop).get("freeSlots").get("ID_CARD").asInt()).isEqualTo((int) chosen[1]);
        Response again = anonymous().delete("/api/v1/public/bookings/" + code);
        assertThat(again.status()).isEqualTo(409);
        assertThat(anonymous().get("/api/v1/public/bookings/" + code).json().get("status").asString())
                .isEqualTo("CANCELLED");
        Response unknown = anonymous().get("/api/v1/public/bookings/aaaaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    @Order(2)
    void badBookingsAreProblemsNamingTheFieldAndStoreNothing() {
        long stop = stopWithFree("ID_CARD", 1)[0];
        int before = all(dispatcher(), "/api/v1/bookings?week=" + WEEK).size();
        Response noContact = book(stop, "{\"service\": \"ID_CARD\", \"name\": \"A\"}");
        assertThat(noContact.status()).isEqualTo(400);
        assertThat(noContact.json().get("errors").toString()).contains("reachable", "e-mail");
        Response badMail = book(stop, "{\"service\": \"ID_CARD\", \"name\": \"A\", \"email\": \"not-an-address\"}");
        assertThat(badMail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        Response service = book(stop, citizen("DRIVING_LICENCE"));
        assertThat(service.status()).isEqualTo(400);
        assertThat(service.json().get("errors").get(0).get("message").asString()).contains("offered here", "ID_CARD");
        Response time = book(stop, "{\"service\": \"ID_CARD\", \"name\": \"A\", \"email\": \"a@example.org\","
                + " \"slotStart\": \"03:00\"}");
        assertThat(time.status()).isEqualTo(409);
        assertThat(time.header("Content-Type")).startsWith("application/problem+json");
        assertThat(book(999_999, citizen("ID_CARD")).status()).isEqualTo(404);
        assertThat(all(dispatcher(), "/api/v1/bookings?week=" + WEEK).size()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void twoHundredAtOnceForThreeFreeSlotsGiveThreeBookingsAndClearConflicts() throws Exception {
        long[] chosen = stopWithFree("ID_CARD", 3);
        long stop = chosen[0];
        for (int i = 0; i < chosen[1] - 3; i++) {
            assertThat(book(stop, citizen("ID_CARD")).status()).isEqualTo(201);
        }
        assertThat(stop(stop).get("freeSlots").get("ID_CARD").asInt()).isEqualTo(3);

        List<Integer> statuses = race(200, () -> book(stop, citizen("ID_CARD")).status());
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(197);
        assertThat(statuses).noneMatch(s -> s >= 500);
        assertThat(stop(stop).get("freeSlots").get("ID_CARD").asInt()).isZero();
        Response full = book(stop, citizen("ID_CARD"));
        assertThat(full.json().get("detail").asString()).contains("no free appointment");
        JsonNode after = stop(stop);
        boolean anyFree = false;
        for (JsonNode n : after.get("freeSlots")) {
            anyFree |= n.asInt() > 0;
        }
        assertThat(after.get("bookable").asBoolean()).as("bookable while any service has room").isEqualTo(anyFree);
    }

    @Test
    @Order(4)
    void cancellingAndRebookingAtOnceNeverOverbooks() throws Exception {
        long[] chosen = stopWithFree("REGISTRATION", 2);
        long stop = chosen[0];
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < chosen[1]; i++) {
            codes.add(book(stop, citizen("REGISTRATION")).json().get("code").asString());
        }
        int slots = codes.size();
        List<Integer> statuses = race(100, new java.util.function.Supplier<>() {
            final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public Integer get() {
                int i = next.getAndIncrement();
                return i < codes.size() ? anonymous().delete("/api/v1/public/bookings/" + codes.get(i)).status()
                        : book(stop, citizen("REGISTRATION")).status();
            }
        });
        assertThat(statuses).noneMatch(s -> s >= 500);
        assertThat(statuses.stream().filter(s -> s == 204).count()).isEqualTo(slots);
        long rebooked = statuses.stream().filter(s -> s == 201).count();
        assertThat(rebooked).isLessThanOrEqualTo(slots);
        assertThat(stop(stop).get("freeSlots").get("REGISTRATION").asInt()).isEqualTo(slots - (int) rebooked);
    }

    @Test
    @Order(5)
    void aBookedStopKeepsItsDayAndTimeWhenReoptimisedAndMovesOnlyByADispatchersOverride() {
        JsonNode stop = null;
        for (JsonNode s : stops()) {
            if (s.get("freeSlots").has("ID_CARD") && s.get("freeSlots").get("ID_CARD").asInt() > 0) {
                stop = s;
                break;
            }
        }
        // earlier tests may have booked at the same stop (the plan differs from run to run)
        long stopId = stop.get("id").asLong();
        int before = 0;
        for (JsonNode s : all(dispatcher(), "/api/v1/bookings?week=" + WEEK)) {
            if (s.get("stopId").asLong() == stopId) {
                before = s.get("bookings").size();
            }
        }
        assertThat(book(stopId, citizen("ID_CARD")).status()).isEqualTo(201);
        String date = stop.get("date").asString();
        String start = stop.get("start").asString();
        String visitId = visitOf(published, stop.get("siteName").asString(), date, start);

        Response reopt = teamLead().post("/api/v1/plans/" + published.get("id").asLong() + "/reoptimize",
                "{\"solveSeconds\": 4}");
        assertThat(reopt.status()).isEqualTo(202);
        long copy = reopt.json().get("id").asLong();
        JsonNode after = awaitNotSolving(copy);
        JsonNode moved = findStop(after, visitId);
        assertThat(moved).as("the booked visit is still planned").isNotNull();
        assertThat(moved.get("start").asString()).isEqualTo(start);
        assertThat(findDate(after, visitId)).isEqualTo(date);
        assertThat(moved.get("pinned").asBoolean()).isTrue();
        assertThat(moved.get("bookings").asInt()).isEqualTo(before + 1);

        String move = "{\"position\": 0, \"pinnedStart\": \"06:00\"}";
        Response byTeamLead = patch(teamLead(), copy, visitId, move);
        assertThat(byTeamLead.status()).isEqualTo(409);
        assertThat(byTeamLead.json().get("detail").asString()).contains("booking", "overrideBookings");
        Response withoutOverride = patch(dispatcher(), copy, visitId, move);
        assertThat(withoutOverride.status()).isEqualTo(409);
        Response overridden = patch(dispatcher(), copy, visitId, "{\"position\": 0, \"pinnedStart\": \"06:00\","
                + " \"overrideBookings\": true}");
        assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
        assertThat(overridden.json().get("affectedBookings").toString()).contains("Erika Mustermann", "erika@example.org");
    }

    Response patch(Client who, long planId, String visitId, String body) {
        String etag = who.get("/api/v1/plans/" + planId).header("ETag");
        return who.send(HttpRequest.newBuilder(uri("/api/v1/plans/" + planId + "/visits/" + visitId))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    static String visitOf(JsonNode plan, String siteName, String date, String start) {
        for (JsonNode t : plan.get("tours")) {
            for (JsonNode s : t.get("stops")) {
                if (s.get("siteName").asString().equals(siteName) && t.get("date").asString().equals(date)
                        && s.get("start").asString().equals(start)) {
                    return s.get("visitId").asString();
                }
            }
        }
        throw new AssertionError("no visit " + siteName + " " + date + " " + start);
    }

    static JsonNode findStop(JsonNode plan, String visitId) {
        for (JsonNode t : plan.get("tours")) {
            for (JsonNode s : t.get("stops")) {
                if (s.get("visitId").asString().equals(visitId)) {
                    return s;
                }
            }
        }
        return null;
    }

    static String findDate(JsonNode plan, String visitId) {
        for (JsonNode t : plan.get("tours")) {
            for (JsonNode s : t.get("stops")) {
                if (s.get("visitId").asString().equals(visitId)) {
                    return t.get("date").asString();
                }
            }
        }
        return null;
    }

    /** Runs n calls as nearly at once as 32 threads allow. */
    static List<Integer> race(int n, java.util.function.Supplier<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.get();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : futures) {
            statuses.add(f.get());
        }
        pool.shutdown();
        return statuses;
    }
}
