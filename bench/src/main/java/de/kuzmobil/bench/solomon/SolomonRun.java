package de.kuzmobil.bench.solomon;

import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.ruin.RuinRecreateMoveFactory;
import de.kuzmobil.bench.BenchTuning;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
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
 * alternative solver XML resource (tuning experiments; the default is the product's);
 * {@code bench.unimproved} (seconds, default none) also stops a run after that long without a new
 * best score, as the API does.
 */
public final class SolomonRun {

    private static final Duration UNIMPROVED = System.getProperty("bench.unimproved") == null ? null
            : Duration.ofMillis(Math.round(Double.parseDouble(System.getProperty("bench.unimproved")) * 1000));

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
        long deadline = startMillis + Math.round(budgetSeconds * 1000) - 400;
        long[] speed = new long[1];
        WeekPlan best;
        if (objective.equals("hierarchical") && ELIMINATION_SHARE > 0) {
            best = eliminateVehicles(mapping, plan, startMillis, deadline, seed, configResource, speed);
        } else {
            PlannerWeights weights = objective.equals("hierarchical") ? PlannerWeights.fewestTeamDaysFirst()
                    : PlannerWeights.pureTravel();
            best = solveUntil(plan, weights, deadline, seed, configResource, speed, null);
        }
        List<Integer> unassigned = PlannerMapping.unassigned(best);
        boolean feasible = best.getScore() != null && best.getScore().hardScore() == 0 && unassigned.isEmpty();
        return new Outcome(PlannerMapping.routes(best), unassigned.size(), feasible, String.valueOf(best.getScore()),
                speed[0], mapping.secondsPerUnit());
    }

    /**
     * Share of the hierarchical budget for the restart-based vehicle elimination below (system
     * property bench.elimination). Default 0: since the planner's ruin and recreate empties small
     * tours itself, the plain solver did better (RC105 14 tours instead of 15, docs/decisions.md);
     * 0.7 reproduces the first round's runs.
     */
    static final double ELIMINATION_SHARE = Double.parseDouble(System.getProperty("bench.elimination", "0"));
    /**
     * Prints every new best score and every phase end with the time since the solver started, to
     * stderr (bench.trace; for seeing where a run stalls).
     */
    static final boolean TRACE = Boolean.getBoolean("bench.trace");
    /** Weight of ruin and recreate in every local search (bench.ruinWeight; default: the config's). */
    static final Double RUIN_WEIGHT = System.getProperty("bench.ruinWeight") == null ? null
            : Double.valueOf(System.getProperty("bench.ruinWeight"));

    private static void setRuinWeight(SolverConfig config, double weight) {
        boolean found = false;
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig search
                    && search.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig union) {
                for (var selector : union.getMoveSelectorList()) {
                    if (selector instanceof MoveIteratorFactoryConfig factory
                            && factory.getMoveIteratorFactoryClass() == RuinRecreateMoveFactory.class) {
                        factory.setFixedProbabilityWeight(weight);
                        found = true;
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalStateException("bench.ruinWeight: no ruin and recreate selector in the config");
        }
    }

    /** Failed attempts in a row (each on the next shortest tour) that end elimination (bench.failures). */
    static final int MAX_FAILURES = Integer.getInteger("bench.failures", 3);
    /** Solver XML resource for the elimination attempts (bench.eliminationConfig; default: the product's). */
    static final String ELIMINATION_CONFIG = System.getProperty("bench.eliminationConfig");
    /** Share of the budget per elimination attempt (bench.attempt). */
    static final double ATTEMPT_SHARE = Double.parseDouble(System.getProperty("bench.attempt", "0.1"));

    /**
     * Vehicle elimination for the hierarchical objective, on the product's model and solver: solve;
     * then repeatedly take the tour with the fewest visits away (a plan with one team-day less, the
     * other tours kept) and let the solver re-insert its visits (unassigned appointments cost on the
     * medium level, so every re-inserted visit is progress); an attempt ends as soon as all are
     * placed (best-score limit) or after its time slice; a failed attempt is dropped and the next
     * shortest tour tried ({@link #MAX_FAILURES} failures in a row end the elimination). The rest of the budget
     * polishes distance with the vehicle count reached.
     */
    static WeekPlan eliminateVehicles(PlannerMapping mapping, WeekPlan plan, long startMillis, long deadline, long seed,
                                      String configResource, long[] speed) {
        long budget = deadline - startMillis;
        long eliminationEnd = startMillis + Math.round(budget * ELIMINATION_SHARE);
        long attempt = Math.max(1500, Math.round(budget * ATTEMPT_SHARE));
        PlannerWeights weights = PlannerWeights.fewestTeamDaysFirst();
        long first = Math.min(eliminationEnd, System.currentTimeMillis() + Math.max(attempt, budget / 5));
        WeekPlan best = solveUntil(plan, weights, first, seed, configResource, speed, null);
        long speedSum = speed[0];
        int runs = 1;
        List<List<Integer>> routes = PlannerMapping.routes(best);
        int failures = 0;
        while (PlannerMapping.unassigned(best).isEmpty() && routes.size() > 1 && failures < MAX_FAILURES
                && System.currentTimeMillis() + 1000 < eliminationEnd) {
            List<List<Integer>> kept = new java.util.ArrayList<>(routes);
            kept.sort(java.util.Comparator.comparingInt(List::size));
            kept.remove(Math.min(failures, kept.size() - 1)); // shortest tour; after a failure the next one
            WeekPlan smaller = mapping.buildPlan(kept.size(), kept);
            long until = Math.min(eliminationEnd, System.currentTimeMillis() + attempt);
            String limit = "0hard/-" + kept.size() + "medium/" + Long.MIN_VALUE + "soft";
            WeekPlan tried = solveUntil(smaller, weights, until, seed + runs,
                    ELIMINATION_CONFIG == null ? configResource : ELIMINATION_CONFIG, speed, limit);
            speedSum += speed[0];
            runs++;
            System.err.printf("elimination: %d -> %d tours: %s after %d ms%n", routes.size(), kept.size(),
                    tried.getScore(), System.currentTimeMillis() - startMillis);
            if (PlannerMapping.unassigned(tried).isEmpty() && tried.getScore().hardScore() == 0) {
                best = tried;
                routes = PlannerMapping.routes(tried);
                failures = 0;
            } else {
                failures++;
            }
        }
        if (System.currentTimeMillis() + 500 < deadline) {
            WeekPlan polish = mapping.buildPlan(routes.size(), routes);
            WeekPlan polished = solveUntil(polish, weights, deadline, seed, configResource, speed, null);
            speedSum += speed[0];
            runs++;
            if (PlannerMapping.unassigned(polished).isEmpty() && polished.getScore().compareTo(best.getScore()) >= 0) {
                best = polished;
            }
        }
        speed[0] = speedSum / runs;
        return best;
    }

    /**
     * Same as WeekPlanSolver.solveMeasured, but stopped by wall clock: building the solver and its
     * constraint network happens before OptaPlanner's spent limit starts counting.
     */
    static WeekPlan solveUntil(WeekPlan plan, PlannerWeights weights, long deadline, long seed, String configResource,
                               long[] speed, String bestScoreLimit) {
        long left = deadline - System.currentTimeMillis();
        SolverSettings settings = SolverSettings.defaults().withSpent(Duration.ofMillis(Math.max(left, 500)), UNIMPROVED)
                .withSeed(seed).withWeights(weights).withTuning(BenchTuning.fromSystemProperties());
        SolverConfig config = configResource == null || configResource.isBlank()
                ? WeekPlanSolver.solverConfig(settings, plan)
                : WeekPlanSolver.solverConfig(settings, // a variant keeps its own acceptor settings as written
                SolverConfig.createFromXmlResource(configResource, SolomonRun.class.getClassLoader()));
        if (RUIN_WEIGHT != null) {
            setRuinWeight(config, RUIN_WEIGHT);
        }
        if (bestScoreLimit != null) {
            config = config.withTerminationConfig(config.getTerminationConfig().copyConfig()
                    .withBestScoreLimit(bestScoreLimit));
        }
        plan.setWeights(settings.weights());
        DefaultSolver<WeekPlan> solver = (DefaultSolver<WeekPlan>) SolverFactory.<WeekPlan>create(config)
                .buildSolver();
        if (TRACE) {
            long t0 = System.currentTimeMillis();
            solver.addEventListener(event -> System.err.printf("best %6d ms %s%n",
                    System.currentTimeMillis() - t0, event.getNewBestScore()));
            solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
                @Override
                public void phaseEnded(AbstractPhaseScope<WeekPlan> phase) {
                    System.err.printf("phase %6d ms %s ended after %d steps (last best at step %d), best %s%n",
                            System.currentTimeMillis() - t0, phase.getClass().getSimpleName(),
                            phase.getNextStepIndex(), phase.getBestSolutionStepIndex(), phase.getBestScore());
                }
            });
        }
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
        speed[0] = solver.getSolverScope().getScoreCalculationSpeed();
        return best;
    }
}
