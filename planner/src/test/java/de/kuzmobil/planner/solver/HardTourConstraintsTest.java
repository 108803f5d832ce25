package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import static de.kuzmobil.planner.testkit.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Shift end, lunch break, road connection. */
class HardTourConstraintsTest {

    private final ConstraintVerifier<WeekPlanConstraints, WeekPlan> verifier =
            ConstraintVerifier.build(new WeekPlanConstraints(), WeekPlan.class, TeamDay.class, Visit.class);

    @Test
    void backAtBaseLatePenalisedByMinutes() {
        // 08:00 + 20 → care 08:20, 15 + 8 × 15 = 135 min → 10:35, + 20 back = 10:55;
        // shift ends 10:30 → 25 min late.
        Visit visit = visit("v", CARE_HOME, idCards(8));
        tour(teamDay(EAST, MONDAY, "08:00", "10:30"), visit);

        verifier.verifyThat(WeekPlanConstraints::backAtBase).given(visit).penalizesBy(25);
    }

    @Test
    void backAtBaseInTimeNotPenalised() {
        Visit visit = visit("v", CARE_HOME, idCards(8));
        tour(teamDay(EAST, MONDAY, "08:00", "11:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::backAtBase).given(visit).penalizesBy(0);
    }

    @Test
    void sevenHourDayWithoutBreakPenalised() {
        // Late shift 13:00-21:00: 45 min to the prison → 13:45; a 30 min break would end 14:15,
        // after the 11:30-14:00 span. Visit 30 + 20 × 15 = 330 min → 19:15, home 20:00:
        // 7 h working time → 30 min break due, none possible.
        Visit visit = visit("v", new de.kuzmobil.planner.domain.Site("p", "prison all day",
                PRISON_SITE.kind(), PRISON, 30, de.kuzmobil.planner.domain.OpeningRules.weekdays(ALL_DAY)),
                idCards(20));
        tour(teamDay(EAST, MONDAY, "13:00", "21:00"), visit);

        assertThat(visit.getSchedule().tourEnd().workSeconds()).isEqualTo(7 * 3600);
        assertThat(visit.getSchedule().hasBreak()).isFalse();
        verifier.verifyThat(WeekPlanConstraints::lunchBreak).given(visit).penalizesBy(30);
    }

    @Test
    void sevenHourDayWithBreakBetweenVisitsHeld() {
        // 08:00 → care 08:20, 15 + 12 × 15 = 195 min → 11:35; 40 min to the prison → 12:15:
        // break 12:15-12:45, waits for the 14:00 window, 30 + 15 = 45 min → 14:45; home 45 min → 15:30.
        // Working time without the break 7 h 30 → 30 min due, held at the prison.
        Visit care = visit("care", CARE_HOME, idCards(12));
        Visit prison = visit("prison", PRISON_SITE, idCards(1));
        tour(teamDay(EAST, MONDAY, "08:00", "16:00"), care, prison);

        assertThat(prison.getSchedule().breakStart()).isEqualTo(at("12:15"));
        assertThat(prison.getSchedule().breakEnd()).isEqualTo(at("12:45"));
        assertThat(prison.getSchedule().start()).isEqualTo(at("14:00"));
        assertThat(prison.getSchedule().tourEnd().returnToBase()).isEqualTo(at("15:30"));
        verifier.verifyThat(WeekPlanConstraints::lunchBreak).given(care, prison).penalizesBy(0);
    }

    @Test
    void tenHourDayNeeds45Minutes() {
        // Late start 13:00, 45 min → prison 13:45 (too late for the span), all-day prison:
        // 30 + 34 × 15 = 540 min → 22:45, home 23:30 → 10 h 30 working time → 45 min due.
        Visit visit = visit("v", new de.kuzmobil.planner.domain.Site("p", "prison all day",
                PRISON_SITE.kind(), PRISON, 30, de.kuzmobil.planner.domain.OpeningRules.weekdays(
                de.kuzmobil.planner.domain.OpeningWindow.of("07:00", "23:59"))), idCards(34));
        tour(teamDay(EAST, MONDAY, "13:00", "23:59"), visit);

        verifier.verifyThat(WeekPlanConstraints::lunchBreak).given(visit).penalizesBy(45);
    }

    @Test
    void shortDayNeedsNoBreak() {
        Visit visit = visit("v", CARE_HOME, idCards(8));
        tour(teamDay(EAST, MONDAY, "13:00", "18:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::lunchBreak).given(visit).penalizesBy(0);
    }

    @Test
    void unreachableIslandPenalisedPerLeg() {
        // No road base ↔ Neuwerk: both legs missing.
        Visit visit = visit("v", NEUWERK, idCards(2));
        tour(teamDay(EAST, MONDAY, "08:00", "16:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::roadConnection).given(visit).penalizesBy(2);
    }
}
