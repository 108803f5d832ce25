package de.kuzmobil.planner.domain;

import org.junit.jupiter.api.Test;

import static de.kuzmobil.planner.testkit.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Where the lunch break goes. */
class TourTimelineTest {

    private static final Site CLOSES_AT_1245 = new Site("morning", "Open until 12:45", SiteKind.LIBRARY, CARE, 15,
            OpeningRules.weekdays(OpeningWindow.of("09:00", "12:45")));

    @Test
    void breakPostponedWhenItWouldPushTheVisitOutOfItsWindow() {
        // Shift 09:00: base → bank 30 min → 09:30, bank all-day site 15 + 8 × 15 = 135 min → 11:45;
        // → care 25 min → 12:10 (inside the span). 15 + 1 × 15 = 30 min must end by 12:45:
        // a break 12:10-12:40 would push it out, so it waits for the next stop: 12:40 + 25 min
        // → bank 13:05, break 13:05-13:35. Working time without the break 7 h 50 → 30 min.
        Site bankAllDay = new Site("bank-all-day", "Bank all day", SiteKind.BANK_BRANCH, BANK, 15,
                OpeningRules.weekdays(ALL_DAY));
        Visit first = visit("first", bankAllDay, idCards(8));
        Visit morning = visit("morning", CLOSES_AT_1245, idCards(1));
        Visit last = visit("last", bankAllDay, idCards(12));
        tour(teamDay(EAST, MONDAY, "09:00", "18:00"), first, morning, last);

        assertThat(morning.getSchedule().arrival()).isEqualTo(at("12:10"));
        assertThat(morning.getSchedule().hasBreak()).isFalse();
        assertThat(morning.getSchedule().windowOverrunSeconds()).isZero();
        assertThat(last.getSchedule().breakStart()).isEqualTo(at("13:05"));
        assertThat(last.getSchedule().breakEnd()).isEqualTo(at("13:35"));
        assertThat(last.getSchedule().tourEnd().breakHeld()).isTrue();
    }

    @Test
    void noWaitingForLunchWhenTheBreakStillFitsLater() {
        // base → care 08:20 (before the span), 15 + 6 × 15 = 105 min → 10:05; → bank 25 min →
        // 10:30, 15 + 8 × 15 = 135 min → 12:45; → care 13:10: break 13:10-13:40.
        Site bankAllDay = new Site("bank-all-day", "Bank all day", SiteKind.BANK_BRANCH, BANK, 15,
                OpeningRules.weekdays(ALL_DAY));
        Visit a = visit("a", CARE_HOME, idCards(6));
        Visit b = visit("b", bankAllDay, idCards(8));
        Visit c = visit("c", CARE_HOME, idCards(10));
        tour(teamDay(EAST, MONDAY, "08:00", "17:00"), a, b, c);

        assertThat(a.getSchedule().hasBreak()).isFalse();
        assertThat(b.getSchedule().hasBreak()).isFalse();
        assertThat(c.getSchedule().breakStart()).isEqualTo(at("13:10"));
    }

    @Test
    void waitsForTheSpanWhenTheVisitRunsThroughIt() {
        // base → care 08:20; the only visit, 15 + 21 × 15 = 330 min, would run 08:20-13:50 (home
        // 14:10: 6 h 10 → 30 min due) and leave no stop inside the span: break 11:30-12:00 on
        // arrival, visit 12:00-17:30.
        Visit a = visit("a", CARE_HOME, idCards(21));
        tour(teamDay(EAST, MONDAY, "08:00", "18:00"), a);

        assertThat(a.getSchedule().breakStart()).isEqualTo(at("11:30"));
        assertThat(a.getSchedule().start()).isEqualTo(at("12:00"));
        assertThat(a.getSchedule().waitingSeconds()).as("08:20 to 11:30").isEqualTo(3 * 3600 + 10 * 60);
    }

    @Test
    void leavesBaseAsLateAsTheFirstStopAllows() {
        // base → one-hour site 20 min; leaving at 08:00 it would wait 08:20-09:00, so it leaves 08:40
        Site oneHour = new Site("one-hour", "Open 09:00-10:00", SiteKind.LIBRARY, CARE, 15,
                OpeningRules.weekdays(OpeningWindow.of("09:00", "10:00")));
        Visit a = visit("a", oneHour, idCards(2));
        TeamDay day = tour(teamDay(EAST, MONDAY, "08:00", "16:00"), a);

        assertThat(TourTimeline.latestDeparture(day, a.getSchedule())).isEqualTo(at("08:40"));
    }

    @Test
    void departsAtShiftStartWhenTheFirstStopCanStartOnArrival() {
        Visit a = visit("a", CARE_HOME, idCards(2));
        TeamDay day = tour(teamDay(EAST, MONDAY, "08:00", "16:00"), a);

        assertThat(TourTimeline.latestDeparture(day, a.getSchedule())).isEqualTo(at("08:00"));
    }

    @Test
    void departureKeepsABreakHeldAtTheFirstStop() {
        // the only visit runs through the span: the team waits on site from 08:20 for the break at 11:30
        Visit a = visit("a", CARE_HOME, idCards(21));
        TeamDay day = tour(teamDay(EAST, MONDAY, "08:00", "18:00"), a);

        assertThat(a.getSchedule().breakStart()).isEqualTo(at("11:30"));
        assertThat(TourTimeline.latestDeparture(day, a.getSchedule())).isEqualTo(at("11:10"));
    }
}
