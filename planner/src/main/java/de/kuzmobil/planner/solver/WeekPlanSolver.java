package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.travel.TravelMatrix;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Solver configuration and a blocking solve. The API wraps {@link #solverConfig(SolverSettings, WeekPlan)}
 * in its own {@code SolverManager}; tests and the benchmark call {@link #solve} or pass the same
 * configuration on.
 */
public final class WeekPlanSolver {

    public static final String CONFIG_RESOURCE = "de/kuzmobil/planner/solver/weekPlanSolverConfig.xml";

    /**
     * Share of the spent limit for {@link TourElimination} when team-days count before driving.
     * Solomon, 30 s (docs/benchmarks.md): the last tour that goes took up to 7 s (R107, RC101);
     * after that the phase only tries for tours that cannot go, yet giving local search that time
     * gained nothing on average (0.15: +0.81 % against +0.82 %, eighth round) while 0.08 lost tours.
     * System property {@code kuzmobil.elimination} overrides it (benchmark experiments).
     */
    static final double ELIMINATION_SHARE = Double.parseDouble(System.getProperty("kuzmobil.elimination", "0.3"));

    /**
     * {@link TourElimination} also ends once this share of its budget passes without a tour
     * emptied. Solomon, 30 s (docs/benchmarks.md, fourteenth round): where a tour still went, it
     * went within 4.6 s of the one before (C101; R107, RC101 within 3.7 s), except R207's rare
     * second-to-last (6 s); on 21 of 29 the phase otherwise ran to its deadline, 6 to 9 s after
     * its last emptied tour, time the local search lacks on the long-tour days (four of four pairs
     * for the rule, same tours, 0.06 to 0.58 points shorter). Milliseconds, not a count of the
     * search's work: its speed per ejection or search node differs 5 to 200 times between days.
     * System property {@code kuzmobil.eliminationStall} overrides it (benchmark experiments).
     */
    static final double ELIMINATION_STALL = Double.parseDouble(System.getProperty("kuzmobil.eliminationStall", "0.6"));

    /**
     * Simulated annealing's starting temperature, in drives from a stop to its nearest other stop
     * (the plan's own scale: Solomon's time units become 84 to 372 seconds, a Hamburg week has its
     * own). docs/benchmarks.md, sixth round; 2 against 1 on three seeds, seventh round; 3 no better,
     * eighth round. System property {@code kuzmobil.temperature} overrides it.
     */
    static final double TEMPERATURE_IN_NEAREST_DRIVES =
            Double.parseDouble(System.getProperty("kuzmobil.temperature", "2"));

    /**
     * Local search runs as this many annealing runs, each with an equal share of the time left
     * (the last one runs to the solve's end), so each cools to zero by its end (from about the
     * first run's temperature, {@link #reheat}). OptaPlanner starts every
     * phase on a copy of the best plan so far, so each run after the first re-heats the best plan
     * and may leave the basin the runs before it cooled into, on which a single run's result
     * depends much (Solomon RC203 at 30 s: 0.8 to 10.8 % above the best-known over three seeds).
     * Measured side by side at 30 s, seeds 1 and 3 (docs/benchmarks.md): 2 against 1, ninth round,
     * hierarchical tuning 17 +1.39 % against +2.19 %, distance tuning 6 +0.26 % against +0.61 %;
     * 3 against 2, tenth round, hierarchical +2.55 % against +3.09 % (both seeds, slower machine
     * hour), distance +0.59 % against +0.51 % (noise level), but a third seed on all 29 +1.96 %
     * against +1.47 %; twelfth round (ruin and recreate at 0.1), all 29, seed 3: +0.63 % against
     * +0.89 %. Three of four pairs for 3, so 3. System property
     * {@code kuzmobil.annealings} overrides it (benchmark experiments).
     */
    static final int ANNEALINGS = Integer.getInteger("kuzmobil.annealings", 3);

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
        TerminationConfig termination = new TerminationConfig().withSpentLimit(settings.spent());
        if (settings.unimproved() != null) {
            termination.setUnimprovedSpentLimit(settings.unimproved());
        }
        boolean eliminating = eliminating(settings.weights());
        if (eliminating) {
            if (!(ELIMINATION_STALL > 0 && ELIMINATION_STALL <= 1)) {
                throw new IllegalStateException("kuzmobil.eliminationStall must be a share of the elimination's"
                        + " budget above 0 and at most 1, not " + ELIMINATION_STALL);
            }
            // Fewest team-days first: tours are emptied before local search polishes the driving.
            long millis = Math.round(settings.spent().toMillis() * ELIMINATION_SHARE);
            List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
            // an instance, not a class: it must see the caller's stop request
            phases.add(1, new CustomPhaseConfig().withCustomPhaseCommands(new TourElimination(millis,
                    Math.round(millis * ELIMINATION_STALL), settings.seed(), settings.stopRequested())));
            config.setPhaseConfigList(phases);
        }
        if (ANNEALINGS > 1) {
            splitLocalSearch(config, settings.spent().toMillis() * (1 - (eliminating ? ELIMINATION_SHARE : 0)));
        } else if (ANNEALINGS < 1) {
            throw new IllegalStateException("kuzmobil.annealings must be at least 1, not " + ANNEALINGS);
        }
        // Replace the whole TerminationConfig: setting a spent limit on top of an XML one throws.
        return config.withTerminationConfig(termination)
                .withRandomSeed(settings.seed())
                .withEnvironmentMode(settings.environmentMode());
    }

    /**
     * Replaces the last phase, the local search, by {@link #ANNEALINGS} copies sharing {@code millis}:
     * all but the last with an equal share as their limit, the last with none, so it also gets
     * what the tour elimination left unused when it reached its lower bound early.
     */
    private static void splitLocalSearch(SolverConfig config, double millis) {
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        if (!(phases.remove(phases.size() - 1) instanceof LocalSearchPhaseConfig search)) {
            throw new IllegalStateException("the last phase must be the local search");
        }
        Duration each = Duration.ofMillis(Math.max(1, Math.round(millis / ANNEALINGS)));
        for (int i = 1; i < ANNEALINGS; i++) {
            phases.add(search.copyConfig().withTerminationConfig(new TerminationConfig().withSpentLimit(each)));
        }
        phases.add(search);
        config.setPhaseConfigList(phases);
    }

    /** {@link #solverConfig(SolverSettings)} for solving this plan: the annealing temperature on its scale. */
    public static SolverConfig solverConfig(SolverSettings settings, WeekPlan plan) {
        return heatFor(solverConfig(settings), plan, settings.weights());
    }

    /**
     * Sets the starting temperature of each simulated-annealing local search of {@code config} to
     * {@link #TEMPERATURE_IN_NEAREST_DRIVES} nearest drives of {@code plan}, in soft score (the
     * travel weight), under "fewest team-days first" the runs after the first {@link #reheat} times
     * that. Hard and medium temperatures stay zero: only the soft level may get worse on the way. A
     * plan without two reachable places keeps the configured temperature.
     */
    static SolverConfig heatFor(SolverConfig config, WeekPlan plan, PlannerWeights weights) {
        if (!(TEMPERATURE_IN_NEAREST_DRIVES > 0)) {
            throw new IllegalStateException("kuzmobil.temperature must be a positive number of nearest drives, not "
                    + TEMPERATURE_IN_NEAREST_DRIVES);
        }
        double nearest = nearestDriveSeconds(plan);
        if (nearest <= 0) {
            return config;
        }
        long soft = Math.max(1, Math.round(TEMPERATURE_IN_NEAREST_DRIVES * nearest
                * weights.getTravelTime().softScore()));
        boolean eliminating = eliminating(weights);
        int run = 0;
        for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
            if (phase instanceof LocalSearchPhaseConfig search && search.getAcceptorConfig() != null
                    && search.getAcceptorConfig().getSimulatedAnnealingStartingTemperature() != null) {
                long heat = Math.round(soft * reheat(run++, eliminating));
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
     * g as planned: the tour elimination ending at its stall limit, the runs sharing the rest. The
     * first run keeps its temperature (about 0.8 of it after the elimination, as since the sixth
     * round). Side by side at 30 s, the 20 R and RC instances (docs/benchmarks.md, fifteenth
     * round): hierarchical, seeds 6 and 7 with fixed factors (1.9, 3.5), seed 8 with these,
     * +0.39 / +0.68 / +0.36 % without, -0.01 / +0.53 / +0.12 % with (means over all 29, the C
     * instances at 0); but distance, seed 8, +0.29 % without, +0.50 % with (13 of 20 rows
     * longer), so under least driving the runs go on cooling as before (factor 1).
     */
    static double reheat(int k, boolean eliminating) {
        if (k == 0 || !eliminating) {
            return 1;
        }
        double first = ELIMINATION_SHARE * ELIMINATION_STALL;
        double start = first + k * (1 - ELIMINATION_SHARE) / ANNEALINGS;
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
        plan.setWeights(settings.weights());
        SolverFactory<WeekPlan> factory = SolverFactory.create(solverConfig(settings, plan));
        return factory.buildSolver().solve(plan);
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
        plan.setWeights(settings.weights());
        DefaultSolver<WeekPlan> solver = (DefaultSolver<WeekPlan>) SolverFactory.<WeekPlan>create(config).buildSolver();
        WeekPlan best = solver.solve(plan);
        return new Run(best, solver.getTimeMillisSpent(), solver.getSolverScope().getScoreCalculationSpeed());
    }

    /** A solver factory for the plan's score only (explanations, score updates after manual edits). */
    public static SolverFactory<WeekPlan> scoringFactory() {
        return SolverFactory.create(solverConfig(SolverSettings.defaults()));
    }
}
