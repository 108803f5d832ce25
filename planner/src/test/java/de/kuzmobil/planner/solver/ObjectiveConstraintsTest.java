package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.DemandShare;
import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import static de.kuzmobil.planner.testkit.Fixtures.*;

/** Medium (unassigned) and soft constraints. */
class ObjectiveConstraintsTest {

    private static final PlannerWeights WEIGHTS = PlannerWeights.defaults()
            .withTeamDayUsed(HardMediumSoftLongScore.ofSoft(1));

    private final ConstraintVerifier<WeekPlanConstraints, WeekPlan> verifier =
            ConstraintVerifier.build(new WeekPlanConstraints(), WeekPlan.class, TeamDay.class, Visit.class);

    @Test
    void unassignedWeightedByPriority() {
        // 6 appointments at priority 2 + 4 at priority 1 = 16.
        Visit visit = visit("v", CARE_HOME, new DemandShare("d1", ID_CARD, 6, 2),
                new DemandShare("d2", REGISTRATION, 4, 1));
        tour(TeamDay.unassigned(), visit);

        verifier.verifyThat(WeekPlanConstraints::unassigned).given(visit, WEIGHTS).penalizesBy(16);
    }

    @Test
    void assignedVisitIsNotUnassigned() {
        Visit visit = visit("v", CARE_HOME, idCards(3));
        tour(teamDay(EAST, MONDAY, "08:00", "16:00"), visit);

        verifier.verifyThat(WeekPlanConstraints::unassigned).given(visit, WEIGHTS).penalizesBy(0);
    }

    @Test
    void travelTimeIsEveryLegInSeconds() {
        // base → care 20 min, care → bank 25 min, bank → base 30 min = 75 min = 4500 s.
        Visit care = visit("care", CARE_HOME, idCards(3));
        Visit bank = visit("bank", BANK_BRANCH, idCards(3));
        tour(teamDay(EAST, SECOND_THURSDAY, "08:00", "16:00"), care, bank);

        verifier.verifyThat(WeekPlanConstraints::travelTime).given(care, bank, WEIGHTS).penalizesBy(4500);
    }

    @Test
    void teamDayUsedCountsNonEmptyTours() {
        Visit a = visit("a", CARE_HOME, idCards(3));
        Visit b = visit("b", CARE_HOME, idCards(3));
        Visit c = visit("c", CARE_HOME, idCards(3));
        Visit waiting = visit("waiting", CARE_HOME, idCards(3));
        TeamDay monday = tour(teamDay(EAST, MONDAY, "08:00", "16:00"), a, b);
        TeamDay tuesday = tour(teamDay(EAST, TUESDAY, "08:00", "16:00"), c);
        TeamDay idle = tour(teamDay(SOUTH_ID_ONLY, MONDAY, "08:00", "16:00"));
        TeamDay unassigned = tour(TeamDay.unassigned(), waiting);

        // the idle tour and the unassigned one do not count
        verifier.verifyThat(WeekPlanConstraints::teamDayUsed)
                .given(monday, tuesday, idle, unassigned, a, b, c, waiting, WEIGHTS).penalizesBy(2);
    }

    @Test
    void workBalanceIsSquaredMinutesPerTeam() {
        // East: 15 + 3 × 15 = 60 min twice = 120 min → 120² / 600 = 24;
        // Süd: 60 min → 60² / 600 = 6. Total 30 (a 90/90 split would give 27).
        Visit a = visit("a", CARE_HOME, idCards(3));
        Visit b = visit("b", CARE_HOME, idCards(3));
        Visit c = visit("c", CARE_HOME, idCards(3));
        TeamDay eastMonday = tour(teamDay(EAST, MONDAY, "08:00", "16:00"), a);
        TeamDay eastTuesday = tour(teamDay(EAST, TUESDAY, "08:00", "16:00"), b);
        TeamDay southMonday = tour(teamDay(SOUTH_ID_ONLY, MONDAY, "08:00", "16:00"), c);

        verifier.verifyThat(WeekPlanConstraints::workBalance)
                .given(eastMonday, eastTuesday, southMonday, a, b, c, WEIGHTS).penalizesBy(30);
    }

    @Test
    void teamContinuityPenalisesAnotherTeamAtTheSite() {
        Visit same = visit("same", CARE_HOME, idCards(3));
        same.setPreviousSiteTeamId(EAST.id());
        Visit other = visit("other", PRISON_SITE, idCards(3));
        other.setPreviousSiteTeamId(SOUTH_ID_ONLY.id());
        tour(teamDay(EAST, MONDAY, "08:00", "18:00"), same, other);

        verifier.verifyThat(WeekPlanConstraints::teamContinuity).given(same, other, WEIGHTS).penalizesBy(1);
    }

    @Test
    void stabilityPenalisesMovedAndDroppedPublishedVisits() {
        TeamDay monday = teamDay(EAST, MONDAY, "08:00", "18:00");
        Visit kept = visit("kept", CARE_HOME, idCards(3));
        kept.setPublishedTeamDayId(monday.getId());
        Visit moved = visit("moved", CARE_HOME, idCards(3));
        moved.setPublishedTeamDayId("east@" + TUESDAY);
        Visit dropped = visit("dropped", CARE_HOME, idCards(3));
        dropped.setPublishedTeamDayId(monday.getId());
        Visit fresh = visit("fresh", CARE_HOME, idCards(3));
        tour(monday, kept, moved, fresh);
        tour(TeamDay.unassigned(), dropped);

        verifier.verifyThat(WeekPlanConstraints::stability).given(kept, moved, dropped, fresh, WEIGHTS)
                .penalizesBy(2);
    }
}
