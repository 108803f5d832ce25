package de.kuzmobil.data.publicstop;

import de.kuzmobil.data.plan.PlanStatus;
import static de.kuzmobil.data.publicstop.PublishedWeek.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.testdb.TestDatabase;
import de.kuzmobil.data.testdb.TestSchema;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing makes public stops with a slot per planned appointment; republishing keeps them. */
class PublicStopPublisherTest {

    TestSchema db;
    PublishedWeek week;
    PublicStopRepository stops;
    BookingRepository bookings;

    @BeforeEach
    void setUp() {
        db = TestDatabase.freshSchema();
        week = new PublishedWeek(db);
        stops = new PublicStopRepository(db.jdbc());
        bookings = new BookingRepository(db.jdbc());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    List<PublicStop> all(boolean withCancelled) {
        return stops.find(WEEK, WEEK.plusDays(6), List.of(), List.of(), withCancelled);
    }

    @Test
    void slotsFollowTheSetUpAndEachServicesMinutesAndInternalSitesStayOut() {
        PlanRecord plan = week.solved(1, LocalTime.of(10, 0), null);
        week.plans.publish(plan.id(), WEEK);

        PublicStop stop = all(false).get(0);
        assertThat(all(false)).as("the care home is internal").hasSize(1);
        assertThat(stop.siteName()).isEqualTo("Bramfeld");
        assertThat(stop.freeSlots()).containsExactly(Map.entry("ID_CARD", 3), Map.entry("REGISTRATION", 2));
        // 10:00 + 15 set-up; ID cards every 15 min, then registrations every 7
        assertThat(stops.slots(stop.id())).extracting(PublicStopRepository.Slot::start).containsExactly(
                LocalTime.of(10, 15), LocalTime.of(10, 30), LocalTime.of(10, 45), LocalTime.of(11, 0),
                LocalTime.of(11, 7));
        assertThat(stops.slots(stop.id())).extracting(PublicStopRepository.Slot::service)
                .containsExactly("ID_CARD", "ID_CARD", "ID_CARD", "REGISTRATION", "REGISTRATION");
    }

    @Test
    void aRepublishedStopKeepsItsIdAndBookingsMovesItsSlotsAndCountsTheChange() {
        PlanRecord first = week.solved(1, LocalTime.of(10, 0), null);
        week.plans.publish(first.id(), WEEK);
        PublicStop before = all(false).get(0);
        assertThat(bookings.book(before.id(), "ID_CARD", null, "a".repeat(64), "Erika Muster", "e@example.org", null))
                .isPresent();

        PlanRecord unchanged = week.solved(1, LocalTime.of(10, 0), first.id());
        week.plans.publish(unchanged.id(), WEEK);
        assertThat(all(false).get(0).sequence()).as("nothing moved").isEqualTo(before.sequence());

        PlanRecord later = week.solved(2, LocalTime.of(12, 0), unchanged.id());
        week.plans.publish(later.id(), WEEK);
        PublicStop after = all(false).get(0);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.date()).isEqualTo(WEEK.plusDays(2));
        assertThat(after.sequence()).isEqualTo(before.sequence() + 1);
        assertThat(after.lastModified()).isAfterOrEqualTo(before.lastModified());
        assertThat(after.freeSlots()).containsEntry("ID_CARD", 2);
        assertThat(bookings.findByCodeHash("a".repeat(64)).orElseThrow().slotStart()).as("the booking moved along")
                .isEqualTo(LocalTime.of(12, 15));
    }

    @Test
    void aStopTheNewPlanDropsIsCancelledNotDeleted() {
        PlanRecord first = week.solved(1, LocalTime.of(10, 0), null);
        week.plans.publish(first.id(), WEEK);
        long id = all(false).get(0).id();
        PlanRecord empty = week.plans.create(WEEK, PlanStatus.SOLVING, "LEAST_DRIVING", 5, first.id());
        week.plans.saveSolution(empty.id(), PlanStatus.SOLVED, "s", "road", "{}", List.of(), List.of());
        week.plans.publish(empty.id(), WEEK);

        assertThat(all(false)).isEmpty();
        assertThat(all(true)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.status()).isEqualTo("CANCELLED");
            assertThat(s.sequence()).isEqualTo(1);
        });
    }
}
