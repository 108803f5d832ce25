package de.kuzmobil.bench;

import de.kuzmobil.planner.solver.SolverTuning;

/**
 * The planner's tuning for a benchmark run: the defaults, or what the command line says with
 * {@code -Dkuzmobil.elimination}, {@code -Dkuzmobil.eliminationStall}, {@code -Dkuzmobil.temperature}
 * and {@code -Dkuzmobil.annealings} (the experiments in docs/decisions.md). Only the benchmark reads
 * them; the service plans with the defaults.
 */
public final class BenchTuning {

    private BenchTuning() {
    }

    public static SolverTuning fromSystemProperties() {
        SolverTuning d = SolverTuning.defaults();
        return new SolverTuning(number("kuzmobil.elimination", d.eliminationShare()),
                number("kuzmobil.eliminationStall", d.eliminationStall()),
                number("kuzmobil.temperature", d.temperatureInNearestDrives()),
                Integer.getInteger("kuzmobil.annealings", d.annealings()));
    }

    private static double number(String property, double otherwise) {
        String value = System.getProperty(property);
        return value == null ? otherwise : Double.parseDouble(value);
    }
}
