package de.kuzmobil.data.publicstop;

import static de.kuzmobil.data.publicstop.PublishedWeek.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Never more bookings than slots, however many book and cancel at once: PostgreSQL decides. */
class BookingRepositoryTest {

    static TestSchema db;
    static PublishedWeek week;
    static PublicStopRepository stops;
    static BookingRepository bookings;
    static TransactionTemplate tx;
    long stop;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema();
        week = new PublishedWeek(db);
        stops = new PublicStopRepository(db.jdbc());
        bookings = new BookingRepository(db.jdbc());
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @BeforeEach
    void publish() {
        week.plans.publish(week.solved(1, LocalTime.of(10, 0), null).id(), WEEK);
        stop = stops.find(WEEK, WEEK.plusDays(6), List.of(), List.of(), false).get(0).id();
        db.jdbc().sql("update stop_slot set booking_id = null").update();
        db.jdbc().sql("delete from booking").update();
    }

    static String code() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The repository's own transaction, as Spring runs it. */
    java.util.Optional<BookingRepository.Booking> book(String service) {
        String code = code();
        return tx.execute(s -> bookings.book(stop, service, null, code, "Name", "a@example.org", null));
    }

    @Test
    void twoHundredAtOnceForThreeSlotsGiveExactlyThreeBookings() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            tasks.add(() -> {
                start.await();
                return book("ID_CARD").isPresent();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Boolean>> results = new ArrayList<>();
        tasks.forEach(t -> results.add(pool.submit(t)));
        start.countDown();
        int booked = 0;
        for (Future<Boolean> f : results) {
            booked += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(3);
        assertThat(db.jdbc().sql("select count(*) from booking where status = 'BOOKED'").query(Integer.class).single())
                .isEqualTo(3);
        assertThat(stops.find(stop).orElseThrow().freeSlots()).containsEntry("ID_CARD", 0);
        assertThat(book("REGISTRATION")).as("another service has its own slots").isPresent();
    }

    @Test
    void cancelAndRebookRacesNeverOverbook() throws Exception {
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = code();
            tx.execute(s -> bookings.book(stop, "ID_CARD", null, code, "Name", null, "040 123")).orElseThrow();
            held.add(code);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String code : held) {
            results.add(pool.submit(() -> {
                start.await();
                return tx.execute(s -> bookings.cancel(code)) ? -1 : 0;
            }));
        }
        for (int i = 0; i < 60; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return book("ID_CARD").isPresent() ? 1 : 0;
            }));
        }
        start.countDown();
        int cancelled = 0;
        int booked = 0;
        for (Future<Integer> f : results) {
            int r = f.get();
            cancelled += r < 0 ? 1 : 0;
            booked += r > 0 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(cancelled).isEqualTo(3);
        assertThat(booked).as("at most the three freed seats").isLessThanOrEqualTo(3);
        int active = db.jdbc().sql("select count(*) from booking where status = 'BOOKED'").query(Integer.class).single();
        assertThat(active).isEqualTo(booked).isLessThanOrEqualTo(3);
        assertThat(db.jdbc().sql("select count(*) from stop_slot where booking_id is not null").query(Integer.class)
                .single()).as("one seat per active booking").isEqualTo(active);
        assertThat((boolean) tx.execute(s -> bookings.cancel(held.get(0)))).as("a second cancel changes nothing").isFalse();
    }

    @Test
    void personalDataIsErasedAfterTheStop() {
        String code = code();
        tx.execute(s -> bookings.book(stop, "ID_CARD", null, code, "Erika", "e@example.org", null)).orElseThrow();
        assertThat(bookings.eraseBefore(WEEK.plusDays(1))).as("the stop is on day 1: not yet").isZero();
        assertThat(bookings.eraseBefore(WEEK.plusDays(2))).isEqualTo(1);
        BookingRepository.Booking b = bookings.findByCodeHash(code).orElseThrow();
        assertThat(b.name()).isNull();
        assertThat(b.email()).isNull();
        assertThat(b.service()).isEqualTo("ID_CARD");
    }
}
