package de.kuzmobil.api.plans;

import de.kuzmobil.api.ApiTest;
import de.kuzmobil.api.travel.Travel;
import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import de.kuzmobil.planner.testkit.GoldenPlans;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The planner's behaviour frozen on the demo week (demo data, bundled road graph) under both
 * objectives, with fixed seeds and a fixed step budget: the plans must stay exactly as recorded in
 * {@code src/test/resources/golden/} (see {@link GoldenPlans}).
 */
@DirtiesContext
class GoldenDemoWeekTest extends ApiTest {

    static final long STEPS = 2000;

    @Autowired
    ProblemLoader loader;
    @Autowired
    Travel travel;

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"LEAST_DRIVING, 0", "LEAST_DRIVING, 1", "FEWEST_TEAM_DAYS, 0", "FEWEST_TEAM_DAYS, 1"})
    void plansStayAsRecorded(Objective objective, long seed) {
        WeekProblem problem = loader.load(LocalDate.of(2026, 12, 7), List.of());
        WeekPlan plan = WeekPlanFactory.build(problem, travel.matrix(WeekPlanFactory.locations(problem)));
        SolverSettings settings = SolverSettings.defaults().withWeights(objective.weights()).withSeed(seed)
                .withSteps(STEPS);
        WeekPlan best = WeekPlanSolver.solve(plan, settings);
        GoldenPlans.check("demo-week-" + objective + "-" + seed, "steps " + STEPS + "\n" + GoldenPlans.describe(best));
    }
}
