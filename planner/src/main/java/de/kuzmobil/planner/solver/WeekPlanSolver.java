package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.WeekPlan;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solver configuration and a blocking solve. The API wraps {@link #solverConfig(SolverSettings)}
 * in its own {@code SolverManager}; tests and the benchmark call {@link #solve}.
 */
public final class WeekPlanSolver {

    public static final String CONFIG_RESOURCE = "de/kuzmobil/planner/solver/weekPlanSolverConfig.xml";

    private WeekPlanSolver() {
    }

    /** The XML defaults plus the settings' termination, seed and environment mode. */
    public static SolverConfig solverConfig(SolverSettings settings) {
        SolverConfig config = SolverConfig.createFromXmlResource(CONFIG_RESOURCE, WeekPlanSolver.class.getClassLoader());
        TerminationConfig termination = new TerminationConfig().withSpentLimit(settings.spent());
        if (settings.unimproved() != null) {
            termination.setUnimprovedSpentLimit(settings.unimproved());
        }
        // Replace the whole TerminationConfig: setting a spent limit on top of an XML one throws.
        return config.withTerminationConfig(termination)
                .withRandomSeed(settings.seed())
                .withEnvironmentMode(settings.environmentMode());
    }

    /** Solves a prepared plan (see {@code WeekPlanFactory}); the plan's weights are replaced by the settings'. */
    public static WeekPlan solve(WeekPlan plan, SolverSettings settings) {
        plan.setWeights(settings.weights());
        SolverFactory<WeekPlan> factory = SolverFactory.create(solverConfig(settings));
        return factory.buildSolver().solve(plan);
    }

    /** A solver factory for the plan's score only (explanations, score updates after manual edits). */
    public static SolverFactory<WeekPlan> scoringFactory() {
        return SolverFactory.create(solverConfig(SolverSettings.defaults()));
    }
}
