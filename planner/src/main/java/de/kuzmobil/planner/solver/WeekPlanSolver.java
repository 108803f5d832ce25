package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.elimination.EliminationBudget;
import de.kuzmobil.planner.solver.elimination.TourElimination;
import de.kuzmobil.planner.travel.TravelMatrix;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import org.optaplanner.core.impl.phase.scope.AbstractPhaseScope;
import org.optaplanner.core.impl.solver.DefaultSolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Solver configuration and a blocking solve. The API runs {@link #solver} on its queue's threads; tests
 * and the benchmark call {@link #solve} or pass the same configuration on.
 */
public final class WeekPlanSolver {

    public static final String CONFIG_RESOURCE = "de/kuzmobil/planner/solver/weekPlanSolverConfig.xml";

    private WeekPlanSolver() {
    }

    /** The XML defaults plus the settings' termination, seed and environment mode. */
    public static SolverConfig solverConfig(SolverSettings settings) {
        return applySettings(settings, SolverConfig.createFromXmlResource(CONFIG_RESOURCE,
                WeekPlanSolver.class.getClassLoader()));
    }

    /** The same settings on another solver XML (the benchmark's tuning variants), which stays as it was. */
    public static SolverConfig solverConfig(SolverSettings settings, SolverConfig given) {
        return applySettings(settings, given.copyConfig());
    }

    /** Changes {@code config}: only ever one of our own (parsed here or copied). */
    private static SolverConfig applySettings(SolverSettings settings, SolverConfig config) {
        if (settings.steps() != null) {
            return applySteps(settings, config);
        }
        TerminationConfig termination = new TerminationConfig().withSpentLimit(settings.spent());
        if (settings.unimproved() != null) {
            termination.setUnimprovedSpentLimit(settings.unimproved());
        }
        SolverTuning tuning = settings.tuning();
        boolean eliminating = eliminating(settings.weights());
        if (tuning.annealings() > 1) {
            splitLocalSearch(config, settings.spent().toMillis() * (1 - (eliminating ? tuning.eliminationShare() : 0)),
                    tuning.annealings());
        }
        if (eliminating) {
            eliminateBeforeEachAnnealing(config, settings, Math.round(settings.spent().toMillis()
                    * tuning.eliminationShare()), System::currentTimeMillis);
        }
        // Replace the whole TerminationConfig: setting a spent limit on top of an XML one throws.
        return config.withTerminationConfig(termination)
                .withRandomSeed(settings.seed())
                .withEnvironmentMode(settings.environmentMode());
    }

    /**
     * A budget of steps shared as the time would be: the tour elimination gets its share in readings
     * of a clock that counts them, each annealing run an equal share of the rest as its step limit.
     */
    private static SolverConfig applySteps(SolverSettings settings, SolverConfig config) {
        SolverTuning tuning = settings.tuning();
        long steps = settings.steps();
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        if (!(phases.remove(phases.size() - 1) instanceof LocalSearchPhaseConfig search)) {
            throw new IllegalStateException("the last phase must be the local search");
        }
        boolean eliminating = eliminating(settings.weights());
        long each = Math.max(1, Math.round(steps * (1 - (eliminating ? tuning.eliminationShare() : 0))
                / tuning.annealings()));
        for (int i = 0; i < tuning.annealings(); i++) {
            phases.add(search.copyConfig().withTerminationConfig(new TerminationConfig().withStepCountLimit((int) each)));
        }
        config.setPhaseConfigList(phases);
        if (eliminating) {
            AtomicLong readings = new AtomicLong();
            eliminateBeforeEachAnnealing(config, settings, Math.max(1, Math.round(steps * tuning.eliminationShare())),
                    readings::incrementAndGet);
        }
        return config.withTerminationConfig(new TerminationConfig())
                .withRandomSeed(settings.seed())
                .withEnvironmentMode(settings.environmentMode());
    }

    /**
     * Fewest team-days first: a {@link TourElimination} run before each local search (annealing) run,
     * all sharing one {@link EliminationBudget} of {@code total} (the first empties tours before local
     * search polishes the driving; each later one tries again for the tours left, on the plan the
     * annealing reshaped, and is over at once where the count is down to its lower bound).
     */
    private static void eliminateBeforeEachAnnealing(SolverConfig config, SolverSettings settings, long total,
                                                     LongSupplier clock) {
        List<PhaseConfig> phases = new ArrayList<>();
        int runs = (int) config.getPhaseConfigList().stream().filter(LocalSearchPhaseConfig.class::isInstance).count();
        EliminationBudget budget = new EliminationBudget(total, runs);
        long stall = Math.round(total * settings.tuning().eliminationStall());
        int run = 0;
        for (PhaseConfig phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig) {
                // an instance, not a class: it must see the caller's stop request
                phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new TourElimination(budget, run++, stall,
                        settings.seed(), settings.stopRequested(), clock)));
            }
            phases.add(phase);
        }
        config.setPhaseConfigList(phases);
    }

    /**
     * Replaces the last phase, the local search, by {@code annealings} copies sharing {@code millis}:
     * all but the last with an equal share as their limit, the last with none, so it also gets
     * what the tour elimination left unused when it reached its lower bound early.
     */
    private static void splitLocalSearch(SolverConfig config, double millis, int annealings) {
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        if (!(phases.remove(phases.size() - 1) instanceof LocalSearchPhaseConfig search)) {
            throw new IllegalStateException("the last phase must be the local search");
        }
        Duration each = Duration.ofMillis(Math.max(1, Math.round(millis / annealings)));
        for (int i = 1; i < annealings; i++) {
            phases.add(search.copyConfig().withTerminationConfig(new TerminationConfig().withSpentLimit(each)));
        }
        phases.add(search);
        config.setPhaseConfigList(phases);
    }

    /** {@link #solverConfig(SolverSettings)} for solving this plan: the annealing temperature on its scale. */
    public static SolverConfig solverConfig(SolverSettings settings, WeekPlan plan) {
        return heatFor(solverConfig(settings), plan, settings.weights(), settings.tuning());
    }

    /**
     * Sets the starting temperature of each simulated-annealing local search of {@code config} to
     * {@link SolverTuning#temperatureInNearestDrives()} nearest drives of {@code plan}, in soft score (the
     * travel weight), under "fewest team-days first" the runs after the first {@link #reheat} times
     * that. Hard and medium temperatures stay zero: only the soft level may get worse on the way. A
     * plan without two reachable places keeps the configured temperature.
     */
    static SolverConfig heatFor(SolverConfig config, WeekPlan plan, PlannerWeights weights, SolverTuning tuning) {
        double nearest = nearestDriveSeconds(plan);
        if (nearest <= 0) {
            return config;
        }
        long soft = Math.max(1, Math.round(tuning.temperatureInNearestDrives() * nearest
                * weights.getTravelTime().softScore()));
        boolean eliminating = eliminating(weights);
        int run = 0;
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig search && search.getAcceptorConfig() != null
                    && search.getAcceptorConfig().getSimulatedAnnealingStartingTemperature() != null) {
                long heat = Math.round(soft * reheat(run++, eliminating, tuning));
                search.getAcceptorConfig().setSimulatedAnnealingStartingTemperature("0hard/0medium/" + heat + "soft");
            }
        }
        return config;
    }

    /**
     * How many times the first annealing run's temperature run {@code k} (from 0) is given under
     * "fewest team-days first", so that it starts about as hot as the first. OptaPlanner cools a
     * phase from the larger of its own time gradient and the solve's, so a run that starts when a
     * share g of the solve has passed starts at 1 - g of its temperature and only goes on with the
     * cooling of the run before (0.3 to 0.6 nearest drives there); it is given 1 / (1 - g) of it,
     * g as planned: the first tour elimination ending at its stall limit, each later annealing run
     * after its elimination run with an equal part of the elimination's rest, the runs sharing the rest. The
     * first run keeps its temperature. Only under "fewest team-days first": under least driving the
     * re-heated runs planned longer tours, so there the runs go on cooling (factor 1); the measurements
     * are in docs/decisions.md (fifteenth round).
     */
    static double reheat(int k, boolean eliminating, SolverTuning tuning) {
        if (k == 0 || !eliminating) {
            return 1;
        }
        double first = tuning.eliminationShare() * tuning.eliminationStall();
        double again = tuning.eliminationShare() * (1 - tuning.eliminationStall()) / (tuning.annealings() - 1);
        double start = first + k * ((1 - tuning.eliminationShare()) / tuning.annealings() + again);
        return 1 / (1 - start);
    }

    private static boolean eliminating(PlannerWeights weights) {
        return weights.getTeamDayUsed().mediumScore() > 0 || weights.getTeamDayUsed().hardScore() > 0;
    }

    /**
     * The mean drive from a stop's place to the nearest other place with a stop, in seconds (one
     * site visited on several days counts once; unreachable pairs are left out).
     */
    static double nearestDriveSeconds(WeekPlan plan) {
        int[] places = plan.getVisits().stream().mapToInt(Visit::getLocationIndex).distinct().toArray();
        TravelMatrix matrix = plan.getMatrix();
        double sum = 0;
        int counted = 0;
        for (int from : places) {
            long nearest = Long.MAX_VALUE;
            for (int to : places) {
                long seconds = from == to ? -1 : matrix.seconds(from, to);
                if (seconds >= 0) {
                    nearest = Math.min(nearest, seconds);
                }
            }
            if (nearest != Long.MAX_VALUE) {
                sum += nearest;
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** Solves a prepared plan (see {@code WeekPlanFactory}); the plan's weights are replaced by the settings'. */
    public static WeekPlan solve(WeekPlan plan, SolverSettings settings) {
        return solver(plan, settings).solve(plan);
    }

    /**
     * A solver for this plan, to be run by the caller ({@code solve(plan)}) on a thread of its own; it
     * may listen for new best plans and stop it early. The plan's weights are replaced by the settings'.
     */
    public static Solver<WeekPlan> solver(WeekPlan plan, SolverSettings settings) {
        return build(plan, settings, solverConfig(settings, plan));
    }

    /** Every solver of a plan is built here: the settings' weights on the plan, their stop request heard. */
    private static DefaultSolver<WeekPlan> build(WeekPlan plan, SolverSettings settings, SolverConfig config) {
        plan.setWeights(settings.weights());
        DefaultSolver<WeekPlan> solver = (DefaultSolver<WeekPlan>) SolverFactory.<WeekPlan>create(config).buildSolver();
        // OptaPlanner forgets an early termination asked for before solving began; the stop request is not forgotten
        solver.addPhaseLifecycleListener(new PhaseLifecycleListenerAdapter<>() {
            @Override
            public void phaseStarted(AbstractPhaseScope<WeekPlan> phaseScope) {
                if (settings.stopRequested().getAsBoolean()) {
                    solver.terminateEarly();
                }
            }
        });
        return solver;
    }

    /**
     * Like {@link #solve} and also reports what the benchmark and tests measure.
     *
     * @param scoreCalculationsPerSecond OptaPlanner's score calculation speed over the whole run
     */
    public record Run(WeekPlan best, long millisSpent, long scoreCalculationsPerSecond) {
    }

    public static Run solveMeasured(WeekPlan plan, SolverSettings settings) {
        return solveMeasured(plan, settings, solverConfig(settings, plan));
    }

    /** With a config changed by the caller (e.g. a step limit for reproducibility checks). */
    public static Run solveMeasured(WeekPlan plan, SolverSettings settings, SolverConfig config) {
        DefaultSolver<WeekPlan> solver = build(plan, settings, config);
        WeekPlan best = solver.solve(plan);
        return new Run(best, solver.getTimeMillisSpent(), solver.getSolverScope().getScoreCalculationSpeed());
    }

    /** A solver factory for the plan's score only (explanations, score updates after manual edits). */
    public static SolverFactory<WeekPlan> scoringFactory() {
        return SolverFactory.create(solverConfig(SolverSettings.defaults()));
    }
}
