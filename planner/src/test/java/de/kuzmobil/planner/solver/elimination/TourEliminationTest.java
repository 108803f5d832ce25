package de.kuzmobil.planner.solver.elimination;

import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.SolverTuning;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import de.kuzmobil.planner.testkit.RandomWeek;
import de.kuzmobil.planner.testkit.WorkingPlans;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tour elimination on solved random weeks with pins: fewer tours used, every visit still in
 * exactly one tour, pins held, no hard rule broken, and a score at least as good as before.
 */
class TourEliminationTest {

    private final SolverSettings leastDriving = SolverSettings.defaults().withSeed(5)
            .withWeights(PlannerWeights.pureTravel());
    private final SolverSettings fewestTeamDays = leastDriving.withWeights(PlannerWeights.fewestTeamDaysFirst());

    private record Week(RandomWeek.Instance week, WeekPlan plan,
                        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director) {
    }

    /**
     * A random week with pins solved for least driving, then weighed with team-days first. The solve
     * is short on purpose: ruin and recreate empties small tours too, and a longer one (20,000 score
     * calculations) left a week where the 3 s below emptied one tour or, on a busy machine, none.
     */
    private Week solvedWeek() {
        RandomWeek.Instance week = RandomWeek.generate(5, 70, 4, 6, false);
        WeekPlan plan = WorkingPlans.solved(week, leastDriving, 5_000L);
        plan.setWeights(fewestTeamDays.weights());
        return new Week(week, plan, WorkingPlans.scoreDirector(plan, fewestTeamDays, false));
    }

    @Test
    void emptiesToursAndKeepsEverythingElse() {
        Week solved = solvedWeek();
        RandomWeek.Instance week = solved.week();
        WeekPlan plan = solved.plan();
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = solved.director();
        HardMediumSoftLongScore before = director.calculateScore();
        long usedBefore = used(plan);
        long unassignedBefore = plan.unassignedTour().getVisits().size();

        new TourElimination(3000, 3000, 0, () -> false).changeWorkingSolution(director);

        assertThat(used(plan)).isLessThan(usedBefore);
        assertThat(plan.unassignedTour().getVisits().size()).isLessThanOrEqualTo((int) unassignedBefore);
        WorkingPlans.assertToursConsistent(plan, week);
        HardMediumSoftLongScore after = WorkingPlans.scoreDirector(plan, fewestTeamDays, false).calculateScore();
        assertThat(director.calculateScore()).isEqualTo(after);
        assertThat(after.hardScore()).isEqualTo(before.hardScore()).isZero();
        // each tour saved is worth 1; a visit it could place besides is worth its appointments more
        assertThat(after.mediumScore() - before.mediumScore()).isGreaterThanOrEqualTo(usedBefore - used(plan));
    }

    @Test
    void runsOnlyWhenTeamDaysCountBeforeDriving() {
        assertThat(WeekPlanSolver.solverConfig(fewestTeamDays).getPhaseConfigList().get(1))
                .isInstanceOfSatisfying(CustomPhaseConfig.class, phase -> assertThat(phase.getCustomPhaseCommandList())
                        .singleElement().isInstanceOfSatisfying(TourElimination.class, elimination ->
                                assertThat(elimination).extracting(TourElimination::millis,
                                        TourElimination::stallMillis).containsExactly(
                                        Math.round(30_000 * SolverTuning.defaults().eliminationShare()),
                                        Math.round(elimination.millis() * SolverTuning.defaults().eliminationStall()))));
        // one run before each annealing run, all with the first's budget and stall limit (they share the budget)
        List<PhaseConfig> phases = WeekPlanSolver.solverConfig(fewestTeamDays).getPhaseConfigList();
        assertThat(phases).hasSize(1 + 2 * SolverTuning.defaults().annealings());
        for (int i = 1; i < phases.size(); i += 2) {
            assertThat(phases.get(i)).isInstanceOf(CustomPhaseConfig.class);
            assertThat(phases.get(i + 1)).isInstanceOf(LocalSearchPhaseConfig.class);
            assertThat(((CustomPhaseConfig) phases.get(i)).getCustomPhaseCommandList()).singleElement()
                    .extracting(command -> ((TourElimination) command).millis())
                    .isEqualTo(Math.round(30_000 * SolverTuning.defaults().eliminationShare()));
        }
        assertThat(WeekPlanSolver.solverConfig(leastDriving).getPhaseConfigList())
                .noneMatch(CustomPhaseConfig.class::isInstance);
        // the product's objectives (chosen per plan in the API) switch it the same way
        assertThat(WeekPlanSolver.solverConfig(SolverSettings.defaults()
                .withWeights(Objective.FEWEST_TEAM_DAYS.weights())).getPhaseConfigList())
                .anyMatch(CustomPhaseConfig.class::isInstance);
        assertThat(WeekPlanSolver.solverConfig(SolverSettings.defaults()
                .withWeights(Objective.LEAST_DRIVING.weights())).getPhaseConfigList())
                .noneMatch(CustomPhaseConfig.class::isInstance);
    }

    @Test
    void theObjectivesDifferOnlyInWhatATeamDayCosts() {
        PlannerWeights least = Objective.LEAST_DRIVING.weights();
        PlannerWeights fewest = Objective.FEWEST_TEAM_DAYS.weights();
        assertThat(least.getTeamDayUsed()).isEqualTo(HardMediumSoftLongScore.ZERO);
        assertThat(fewest.getTeamDayUsed()).isEqualTo(HardMediumSoftLongScore.ofMedium(1));
        for (PlannerWeights w : List.of(least, fewest)) {
            PlannerWeights defaults = PlannerWeights.defaults();
            assertThat(w.getTravelTime()).isEqualTo(defaults.getTravelTime());
            assertThat(w.getWorkBalance()).isEqualTo(defaults.getWorkBalance());
            assertThat(w.getTeamContinuity()).isEqualTo(defaults.getTeamContinuity());
            assertThat(w.getStability()).isEqualTo(defaults.getStability());
        }
    }

    /**
     * With a 10-minute budget and a 1 s stall limit the phase returns within a minute: this week
     * has visits no tour can take, and without the limit the step that tries to place them alone
     * would run for a quarter of the budget. The plan stays whole, with no more tours than before.
     */
    @Test
    void endsOnceNothingGoesForItsStallLimit() {
        Week solved = solvedWeek();
        WeekPlan plan = solved.plan();
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = solved.director();
        long usedBefore = used(plan);
        assertThat(plan.unassignedTour().getVisits()).isNotEmpty();

        assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> new TourElimination(600_000, 1_000, 0, () -> false).changeWorkingSolution(director));

        assertThat(used(plan)).isLessThanOrEqualTo(usedBefore);
        WorkingPlans.assertToursConsistent(plan, solved.week());
        assertThat(director.calculateScore())
                .isEqualTo(WorkingPlans.scoreDirector(plan, fewestTeamDays, false).calculateScore());
    }

    /**
     * A stop request reaches the phase (OptaPlanner's early termination does not reach a custom
     * phase, so it asks the settings): asked to stop from the start, it empties no tour of a week
     * where it otherwise does (see above), returns long before its 10-minute budget and leaves the
     * plan whole.
     */
    @Test
    void stopsWhenTheCallerAsks() {
        Week solved = solvedWeek();
        RandomWeek.Instance week = solved.week();
        WeekPlan plan = solved.plan();
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = solved.director();
        long usedBefore = used(plan);
        AtomicInteger asked = new AtomicInteger();
        SolverSettings stopping = fewestTeamDays.withSpent(Duration.ofMinutes(10), null)
                .withStopRequested(() -> asked.incrementAndGet() > 0);
        CustomPhaseConfig phase = (CustomPhaseConfig) WeekPlanSolver.solverConfig(stopping).getPhaseConfigList().get(1);
        TourElimination elimination = (TourElimination) phase.getCustomPhaseCommandList().get(0);

        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> elimination.changeWorkingSolution(director));

        assertThat(asked.get()).as("stop request seen").isPositive();
        assertThat(used(plan)).as("no tour emptied after the stop").isEqualTo(usedBefore);
        WorkingPlans.assertToursConsistent(plan, week);
        assertThat(director.calculateScore())
                .isEqualTo(WorkingPlans.scoreDirector(plan, fewestTeamDays, false).calculateScore());
    }

    private static long used(WeekPlan plan) {
        return plan.getTeamDays().stream().filter(TeamDay::isUsed).count();
    }
}
