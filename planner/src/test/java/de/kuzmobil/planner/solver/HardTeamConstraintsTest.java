package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import java.time.LocalTime;

import static de.kuzmobil.planner.testkit.Fixtures.*;

/** Skills, capacity, allowed dates, pins. */
class HardTeamConstraintsTest {

    private final ConstraintVerifier<WeekPlanConstraints, WeekPlan> verifier =
            ConstraintVerifier.build(new WeekPlanConstraints(), WeekPlan.class, TeamDay.class, Visit.class);

    @Test
    void skillMismatchPenalisedPerAppointment() {
        // Team Süd has no "registration" skill: the 4 registrations cannot be served.
        Visit visit = visit("v", CARE_HOME, idCards(6), registrations(4));
        tour(teamDay(SOUTH_ID_ONLY, MONDAY, "08:00", "16:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::teamSkills).given(visit).penalizesBy(4);
    }

    @Test
    void teamWithAllSkillsNotPenalised() {
        Visit visit = visit("v", CARE_HOME, idCards(6), registrations(4));
        tour(teamDay(EAST, MONDAY, "08:00", "16:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::teamSkills).given(visit).penalizesBy(0);
    }

    @Test
    void capacityExcessPenalised() {
        // Team Süd serves at most 20 a day: 12 + 10 = 22 → 2 too many.
        Visit a = visit("a", CARE_HOME, idCards(12));
        Visit b = visit("b", PRISON_SITE, idCards(10));
        TeamDay monday = tour(teamDay(SOUTH_ID_ONLY, MONDAY, "08:00", "20:00"), a, b);

        verifier.verifyThat(WeekPlanConstraints::capacity).given(monday, a, b).penalizesBy(2);
    }

    @Test
    void capacityCountedPerTeamDay() {
        // 12 on Monday, 10 on Tuesday: each within 20.
        Visit a = visit("a", CARE_HOME, idCards(12));
        Visit b = visit("b", CARE_HOME, idCards(10));
        TeamDay monday = tour(teamDay(SOUTH_ID_ONLY, MONDAY, "08:00", "20:00"), a);
        TeamDay tuesday = tour(teamDay(SOUTH_ID_ONLY, TUESDAY, "08:00", "20:00"), b);

        verifier.verifyThat(WeekPlanConstraints::capacity).given(monday, tuesday, a, b).penalizesBy(0);
    }

    @Test
    void capacityNotCheckedOnTheUnassignedTour() {
        // 30 appointments waiting for a tour are no team's day.
        Visit a = visit("a", CARE_HOME, idCards(15));
        Visit b = visit("b", CARE_HOME, idCards(15));
        TeamDay unassigned = tour(TeamDay.unassigned(), a, b);

        verifier.verifyThat(WeekPlanConstraints::capacity).given(unassigned, a, b).penalizesBy(0);
    }

    @Test
    void dateOutsideDemandRangePenalisedByAppointments() {
        Visit visit = visit("v", CARE_HOME, MONDAY, TUESDAY, idCards(5));
        tour(teamDay(EAST, FIRST_THURSDAY, "08:00", "16:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::allowedDate).given(visit).penalizesBy(5);
    }

    @Test
    void dateInsideDemandRangeNotPenalised() {
        Visit visit = visit("v", CARE_HOME, MONDAY, TUESDAY, idCards(5));
        tour(teamDay(EAST, TUESDAY, "08:00", "16:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::allowedDate).given(visit).penalizesBy(0);
    }

    @Test
    void pinnedVisitOnAnotherTeamDayPenalised() {
        TeamDay monday = teamDay(EAST, MONDAY, "08:00", "16:00");
        TeamDay tuesday = teamDay(EAST, TUESDAY, "08:00", "16:00");
        Visit visit = visit("v", CARE_HOME, idCards(5));
        visit.pinTo(monday, null);
        tour(tuesday, visit);

        verifier.verifyThat(WeekPlanConstraints::pinTeamDay).given(visit).penalizesBy(1);
    }

    @Test
    void pinnedStartTimeMissedPenalisedByMinutes() {
        // Pinned to start 08:00 but the team only arrives 08:20.
        TeamDay monday = teamDay(EAST, MONDAY, "08:00", "16:00");
        Visit visit = visit("v", CARE_HOME, idCards(5));
        visit.pinTo(monday, LocalTime.of(8, 0));
        tour(monday, visit);

        verifier.verifyThat(WeekPlanConstraints::pinTeamDay).given(visit).penalizesBy(0);
        verifier.verifyThat(WeekPlanConstraints::pinStart).given(visit).penalizesBy(20);
    }
}
