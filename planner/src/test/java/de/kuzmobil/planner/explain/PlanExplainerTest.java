package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanConstraints;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static de.kuzmobil.planner.testkit.Fixtures.*;
import static de.kuzmobil.planner.testkit.SmallWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

class PlanExplainerTest {

    private static final PlanExplainer EXPLAINER = new PlanExplainer();
    private final Site idSite = careSite("id");
    private final Site regSite = careSite("reg");

    @Test
    void manualEditListsTheHardRulesTheVisitBreaks() {
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(idSite, regSite),
                List.of(monday("i", idSite, ID_CARD, 6, 1), monday("r", regSite, REGISTRATION, 4, 1)), List.of()),
                MATRIX);
        Visit registration = visitAt(plan, "reg");
        move(plan, registration, tourOf(plan, SOUTH_ID_ONLY.id(), MONDAY));

        PlanExplanation explanation = EXPLAINER.explain(plan);

        assertThat(explanation.feasible()).isFalse();
        assertThat(explanation.hardViolationsOf(registration.getId())).singleElement().satisfies(v -> {
            assertThat(v.constraint()).isEqualTo(WeekPlanConstraints.TEAM_SKILLS);
            assertThat(v.amount()).isEqualTo(4);
            assertThat(v.message()).isEqualTo("team Mobiles Team Süd lacks [registration] for 4 appointments");
        });
        assertThat(explanation.totals()).filteredOn(t -> t.constraint().equals(WeekPlanConstraints.TEAM_SKILLS))
                .singleElement().satisfies(t -> assertThat(t.hard()).isEqualTo(-4));
        // The ID visit was never placed: it is unassigned and has a reason.
        assertThat(explanation.unassigned()).containsOnlyKeys(visitAt(plan, "id").getId());
    }

    @Test
    void pinnedVisitBreakingAHardRuleIsKeptAndReported() {
        // Team lead pins registrations on team Süd, which cannot register, at 10:00.
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(idSite, regSite),
                List.of(monday("i", idSite, ID_CARD, 6, 1), monday("r", regSite, REGISTRATION, 4, 1)),
                List.of(new Pin("reg_1", SOUTH_ID_ONLY.id(), MONDAY, LocalTime.of(10, 0)))), MATRIX);

        WeekPlan best = WeekPlanSolver.solve(plan, SolverSettings.defaults().withSeed(1)
                .withSpent(Duration.ofSeconds(1), null));

        Visit pinned = visitAt(best, "reg");
        assertThat(pinned.getTeamDay().getId()).isEqualTo(SOUTH_ID_ONLY.id() + "@" + MONDAY);
        assertThat(pinned.getStartTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(best.getScore().getHardScore()).isEqualTo(-4);
        PlanExplanation explanation = EXPLAINER.explain(best);
        assertThat(explanation.hardViolationsOf("reg_1")).extracting(HardViolation::constraint)
                .containsExactly(WeekPlanConstraints.TEAM_SKILLS);
        assertThat(visitAt(best, "id").isAssigned()).isTrue();
    }

    @Test
    void readModelShowsStopsTimesAndBreak() {
        // Ost: base 08:00 → care 08:20, 15 + 12 × 15 = 195 min → 11:35; next visit same place
        // (0 min): arrives 11:35 ≥ 11:30 → break 11:35-12:05, then 15 + 8 × 15 = 135 min → 14:20,
        // home 20 min → 14:40. Working time without break 6 h 10 → 30 min.
        Site second = careSite("second");
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(idSite, second),
                List.of(monday("a", idSite, ID_CARD, 12, 1), monday("b", second, ID_CARD, 8, 1)), List.of()),
                MATRIX);
        move(plan, visitAt(plan, "id"), tourOf(plan, EAST.id(), MONDAY));
        move(plan, visitAt(plan, "second"), tourOf(plan, EAST.id(), MONDAY));
        WeekPlanFactory.refresh(plan);

        PlanView view = PlanView.of(plan);

        assertThat(view.tours()).singleElement().satisfies(tour -> {
            assertThat(tour.teamId()).isEqualTo(EAST.id());
            assertThat(tour.breakStart()).isEqualTo(LocalTime.of(11, 35));
            assertThat(tour.breakEnd()).isEqualTo(LocalTime.of(12, 5));
            assertThat(tour.returnToBase()).isEqualTo(LocalTime.of(14, 40));
            assertThat(tour.travelSeconds()).isEqualTo(40 * 60);
            assertThat(tour.travelMeters()).isEqualTo(24_000);
            assertThat(tour.stops()).extracting(PlanView.Stop::start)
                    .containsExactly(LocalTime.of(8, 20), LocalTime.of(12, 5));
            assertThat(tour.stops().get(1).breakStart()).isEqualTo(LocalTime.of(11, 35));
        });
    }
}
