package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.junit.jupiter.api.Test;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import static de.kuzmobil.planner.testkit.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Opening windows: several per day, monthly rules. */
class HardWindowConstraintsTest {

    private final ConstraintVerifier<WeekPlanConstraints, WeekPlan> verifier =
            ConstraintVerifier.build(new WeekPlanConstraints(), WeekPlan.class, TeamDay.class, Visit.class);

    @Test
    void twoWindowsOnlyTheSecondFits() {
        // 15 set-up + 6 × 15 = 105 min. Leaves base 08:00, 20 min → arrives 08:20; the 09:00-10:00
        // window cannot hold 105 min, the 14:00-18:00 one can: waits, starts 14:00, ends 15:45.
        Visit visit = visit("v", CARE_TWO_WINDOWS, idCards(6));
        tour(teamDay(EAST, MONDAY, "08:00", "18:00"), visit);

        assertThat(visit.getSchedule().arrival()).isEqualTo(at("08:20"));
        assertThat(visit.getSchedule().start()).isEqualTo(at("14:00"));
        assertThat(visit.getSchedule().end()).isEqualTo(at("15:45"));
        verifier.verifyThat(WeekPlanConstraints::insideWindow).given(visit).penalizesBy(0);
    }

    @Test
    void noWindowLongEnoughPenalisesMinutesOutside() {
        // 105 min against 60 min windows: best is 09:00-10:45 in the first window, 45 min outside.
        Visit visit = visit("v", new de.kuzmobil.planner.domain.Site("short", "short", CARE_TWO_WINDOWS.kind(),
                CARE, 15, de.kuzmobil.planner.domain.OpeningRules.weekdays(
                de.kuzmobil.planner.domain.OpeningWindow.of("09:00", "10:00"))), idCards(6));
        tour(teamDay(EAST, MONDAY, "08:00", "18:00"), visit);

        assertThat(visit.getSchedule().start()).isEqualTo(at("09:00"));
        verifier.verifyThat(WeekPlanConstraints::insideWindow).given(visit).penalizesBy(45);
    }

    @Test
    void secondThursdayRuleHonoured() {
        // Base → bank 30 min: arrives 08:30, waits for 09:30, 105 min → 11:15.
        Visit visit = visit("v", BANK_BRANCH, idCards(6));
        tour(teamDay(EAST, SECOND_THURSDAY, "08:00", "16:00"), visit);

        assertThat(visit.getSchedule().start()).isEqualTo(at("09:30"));
        verifier.verifyThat(WeekPlanConstraints::insideWindow).given(visit).penalizesBy(0);
    }

    @Test
    void firstThursdayRejected() {
        // No window at all on the 1st Thursday: the whole 105 min are outside.
        Visit visit = visit("v", BANK_BRANCH, idCards(6));
        tour(teamDay(EAST, FIRST_THURSDAY, "08:00", "16:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::insideWindow).given(visit).penalizesBy(105);
    }

    @Test
    void unassignedVisitIsNotCheckedForWindows() {
        Visit visit = visit("v", BANK_BRANCH, idCards(6));
        tour(TeamDay.unassigned(), visit);

        verifier.verifyThat(WeekPlanConstraints::insideWindow).given(visit, PlannerWeights.defaults()).penalizesBy(0);
    }
}
