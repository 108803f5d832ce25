package de.kuzmobil.bench.golden;

import de.kuzmobil.bench.solomon.PlannerMapping;
import de.kuzmobil.bench.solomon.VrptwInstance;
import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import de.kuzmobil.planner.testkit.GoldenPlans;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The planner's behaviour frozen on one clustered, one random and one mixed Solomon instance, under
 * both objectives (fewest team-days first runs the tour elimination), two seeds each, a fixed step
 * budget: the plans must stay exactly as recorded in {@code src/test/resources/golden/}.
 */
class GoldenSolomonTest {

    static final long STEPS = 2000;

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @CsvSource({
            "C103, hierarchical, 0", "C103, distance, 1",
            "R105, hierarchical, 0", "R105, distance, 1",
            "RC105, hierarchical, 1", "RC105, distance, 0"})
    void plansStayAsRecorded(String instance, String objective, long seed) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/vrptw/solomon/" + instance + ".txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        WeekPlan plan = new PlannerMapping(VrptwInstance.parse(text, instance + ".txt")).buildPlan();
        PlannerWeights weights = objective.equals("hierarchical") ? PlannerWeights.fewestTeamDaysFirst()
                : PlannerWeights.pureTravel();
        SolverSettings settings = SolverSettings.defaults().withWeights(weights).withSeed(seed).withSteps(STEPS);
        WeekPlan best = WeekPlanSolver.solve(plan, settings);
        GoldenPlans.check("solomon-" + instance + "-" + objective + "-" + seed,
                "steps " + STEPS + "\n" + GoldenPlans.describe(best));
    }
}
