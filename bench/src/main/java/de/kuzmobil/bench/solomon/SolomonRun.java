package de.kuzmobil.bench.solomon;

import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code bench/run-solomon INSTANCE_FILE SECONDS SOLUTION_FILE [distance|hierarchical]}: solves one
 * VRPTW instance with the product's planner (its model, constraints and solver configuration) within
 * the wall-clock budget (JVM start to result), writes the solution and prints the RESULT line.
 *
 * <p>{@code distance} = {@link PlannerWeights#pureTravel()} ("least driving", any number of
 * team-days up to the fleet); {@code hierarchical} = {@link PlannerWeights#fewestTeamDaysFirst()}.
 * System property {@code bench.seed} (default 0) sets the random seed; {@code bench.config} an
 * alternative solver XML resource (tuning experiments; the default is the product's).
 */
public final class SolomonRun {

    private SolomonRun() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        if (args.length < 3) {
            System.err.println("usage: run-solomon INSTANCE_FILE SECONDS SOLUTION_FILE [distance|hierarchical]");
            System.exit(2);
        }
        Path instanceFile = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        Path solutionFile = Path.of(args[2]);
        String objective = args.length > 3 ? args[3] : "distance";
        if (!objective.equals("distance") && !objective.equals("hierarchical")) {
            throw new IllegalArgumentException("objective must be distance or hierarchical: " + objective);
        }
        VrptwInstance instance = VrptwInstance.read(instanceFile);
        Outcome out = solve(instance, objective, seconds, t0, Long.getLong("bench.seed", 0L),
                System.getProperty("bench.config"));
        Solutions.write(solutionFile, out.routes());
        double elapsed = (System.currentTimeMillis() - t0) / 1000.0;
        double distance = Solutions.distance(instance, out.routes());
        boolean feasible = out.feasibleInPlanner() && Solutions.feasible(instance, out.routes());
        System.out.println("planner score " + out.score() + ", " + out.unassigned() + " unassigned, "
                + out.secondsPerUnit() + " s per time unit");
        System.out.println(Solutions.resultLine(instance.name(), objective, out.routes(), distance, elapsed, feasible,
                "moves_per_s=" + out.scoreCalculationsPerSecond()));
    }

    public record Outcome(List<List<Integer>> routes, int unassigned, boolean feasibleInPlanner, String score,
                          long scoreCalculationsPerSecond, int secondsPerUnit) {
    }

    /**
     * @param startMillis when the budget started (the JVM's start for the command)
     * @param configResource null for the product's solver configuration
     */
    public static Outcome solve(VrptwInstance instance, String objective, double budgetSeconds, long startMillis,
                                long seed, String configResource) {
        PlannerMapping mapping = new PlannerMapping(instance);
        WeekPlan plan = mapping.buildPlan();
        PlannerWeights weights = objective.equals("hierarchical") ? PlannerWeights.fewestTeamDaysFirst()
                : PlannerWeights.pureTravel();
        // Keep ~0.4 s for writing the solution and JVM exit.
        long left = Math.round(budgetSeconds * 1000) - (System.currentTimeMillis() - startMillis) - 400;
        SolverSettings settings = SolverSettings.defaults().withSpent(Duration.ofMillis(Math.max(left, 500)), null)
                .withSeed(seed).withWeights(weights);
        SolverConfig config = WeekPlanSolver.solverConfig(settings);
        if (configResource != null && !configResource.isBlank()) {
            SolverConfig alt = SolverConfig.createFromXmlResource(configResource, SolomonRun.class.getClassLoader());
            config = alt.withTerminationConfig(config.getTerminationConfig()).withRandomSeed(seed)
                    .withEnvironmentMode(settings.environmentMode());
        }
        // Same as WeekPlanSolver.solveMeasured, but stopped by wall clock: building the solver and
        // its constraint network happens before OptaPlanner's spent limit starts counting.
        plan.setWeights(settings.weights());
        DefaultSolver<WeekPlan> solver = (DefaultSolver<WeekPlan>) SolverFactory.<WeekPlan>create(config)
                .buildSolver();
        long deadline = startMillis + Math.round(budgetSeconds * 1000) - 400;
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, deadline - System.currentTimeMillis()));
                solver.terminateEarly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "budget");
        stopper.setDaemon(true);
        stopper.start();
        WeekPlan best = solver.solve(plan);
        stopper.interrupt();
        long speed = solver.getSolverScope().getScoreCalculationSpeed();
        List<Integer> unassigned = PlannerMapping.unassigned(best);
        boolean feasible = best.getScore() != null && best.getScore().hardScore() == 0 && unassigned.isEmpty();
        return new Outcome(PlannerMapping.routes(best), unassigned.size(), feasible, String.valueOf(best.getScore()),
                speed, mapping.secondsPerUnit());
    }
}
