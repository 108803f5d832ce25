package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.PlannerWeights;
import org.optaplanner.core.config.solver.EnvironmentMode;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How long and how to solve.
 *
 * @param spent         hard time limit
 * @param unimproved    stop earlier when the best score has not improved for this long (null: never)
 * @param seed          random seed; with {@link EnvironmentMode#REPRODUCIBLE} the same seed, problem
 *                      and move count give the same plan (time limits make runs end at different
 *                      steps on a busy machine)
 * @param weights       soft weights, copied onto the plan before solving
 * @param stopRequested true once the caller has asked the solver to stop early; read when each phase
 *                      starts (a stop asked for before solving began) and by the tour elimination, which
 *                      OptaPlanner's own early termination does not reach
 * @param tuning        how the time is spent (phase shares, annealing)
 * @param steps         null: solve for {@code spent}; else a budget of steps instead of time, shared by the
 *                      phases as the time would be, so that a run is the same on any machine (for tests)
 */
public record SolverSettings(Duration spent, Duration unimproved, long seed, PlannerWeights weights,
                             EnvironmentMode environmentMode, BooleanSupplier stopRequested, SolverTuning tuning,
                             Long steps) {

    public static SolverSettings defaults() {
        return new SolverSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 0L, PlannerWeights.defaults(),
                EnvironmentMode.REPRODUCIBLE, () -> false, SolverTuning.defaults(), null);
    }

    public SolverSettings withSpent(Duration spent, Duration unimproved) {
        return new SolverSettings(spent, unimproved, seed, weights, environmentMode, stopRequested, tuning, steps);
    }

    public SolverSettings withSeed(long seed) {
        return new SolverSettings(spent, unimproved, seed, weights, environmentMode, stopRequested, tuning, steps);
    }

    public SolverSettings withWeights(PlannerWeights weights) {
        return new SolverSettings(spent, unimproved, seed, weights, environmentMode, stopRequested, tuning, steps);
    }

    public SolverSettings withEnvironmentMode(EnvironmentMode environmentMode) {
        return new SolverSettings(spent, unimproved, seed, weights, environmentMode, stopRequested, tuning, steps);
    }

    public SolverSettings withStopRequested(BooleanSupplier stopRequested) {
        return new SolverSettings(spent, unimproved, seed, weights, environmentMode, stopRequested, tuning, steps);
    }

    public SolverSettings withTuning(SolverTuning tuning) {
        return new SolverSettings(spent, unimproved, seed, weights, environmentMode, stopRequested, tuning, steps);
    }

    /** A budget of {@code steps} instead of time (see {@code steps} above). */
    public SolverSettings withSteps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be positive, was " + steps);
        }
        return new SolverSettings(spent, unimproved, seed, weights, environmentMode, stopRequested, tuning, steps);
    }
}
