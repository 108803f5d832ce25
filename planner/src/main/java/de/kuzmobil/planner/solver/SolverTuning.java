package de.kuzmobil.planner.solver;

/**
 * How the solve spends its time: the planner's tuning, passed in with {@link SolverSettings} (never
 * read from the environment, so a JVM flag cannot change planning and each solve may have its own).
 * The defaults are what the tuning rounds measured best (docs/decisions.md); the benchmark may set others.
 *
 * @param eliminationShare          share of the spent limit for {@link de.kuzmobil.planner.solver.elimination.TourElimination} when
 *                                  team-days count before driving
 * @param eliminationStall          the elimination also ends once this share of its budget passes
 *                                  without a tour emptied (above 0, at most 1)
 * @param temperatureInNearestDrives simulated annealing's starting temperature, in drives from a stop
 *                                  to its nearest other stop (above 0)
 * @param annealings                local search runs as this many annealing runs, each with an equal
 *                                  share of the time left (at least 1)
 */
public record SolverTuning(double eliminationShare, double eliminationStall, double temperatureInNearestDrives,
                           int annealings) {

    public SolverTuning {
        if (!(eliminationShare >= 0 && eliminationShare < 1)) {
            throw new IllegalArgumentException("eliminationShare must be at least 0 and below 1, not " + eliminationShare);
        }
        if (!(eliminationStall > 0 && eliminationStall <= 1)) {
            throw new IllegalArgumentException("eliminationStall must be a share of the elimination's budget above 0"
                    + " and at most 1, not " + eliminationStall);
        }
        if (!(temperatureInNearestDrives > 0)) {
            throw new IllegalArgumentException("temperatureInNearestDrives must be a positive number of nearest"
                    + " drives, not " + temperatureInNearestDrives);
        }
        if (annealings < 1) {
            throw new IllegalArgumentException("annealings must be at least 1, not " + annealings);
        }
    }

    /**
     * The measured defaults.
     * <p>Elimination share 0.3:
     * Share of the spent limit for {@link de.kuzmobil.planner.solver.elimination.TourElimination} when team-days count before driving.
     * Solomon, 30 s (docs/decisions.md): the last tour that goes took up to 7 s (R107, RC101); after
     * that the phase only tries for tours that cannot go, yet giving local search that time gained
     * nothing on average (0.15: +0.81 % against +0.82 %, eighth round) while 0.08 lost tours.
     * <p>Elimination stall 0.6:
     * {@link de.kuzmobil.planner.solver.elimination.TourElimination} also ends once this share of its budget passes without a tour emptied.
     * Solomon, 30 s (docs/decisions.md, fourteenth round): where a tour still went, it went within 4.6
     * s of the one before (C101; R107, RC101 within 3.7 s), except R207's rare second-to-last (6 s); on
     * 21 of 29 the phase otherwise ran to its deadline, 6 to 9 s after its last emptied tour, time the
     * local search lacks on the long-tour days (four of four pairs for the rule, same tours, 0.06 to
     * 0.58 points shorter). Milliseconds, not a count of the search's work: its speed per ejection or
     * search node differs 5 to 200 times between days.
     * <p>Temperature 2:
     * Simulated annealing's starting temperature, in drives from a stop to its nearest other stop (the
     * plan's own scale: Solomon's time units become 84 to 372 seconds, a Hamburg week has its own).
     * docs/decisions.md, sixth round; 2 against 1 on three seeds, seventh round; 3 no better, eighth
     * round.
     * <p>Annealings 3:
     * Local search runs as this many annealing runs, each with an equal share of the time left (the
     * last one runs to the solve's end), so each cools to zero by its end (from about the first run's
     * temperature, {@link WeekPlanSolver#reheat}). OptaPlanner starts every phase on a copy of the best plan so far,
     * so each run after the first re-heats the best plan and may leave the basin the runs before it
     * cooled into, on which a single run's result depends much (Solomon RC203 at 30 s: 0.8 to 10.8 %
     * above the best-known over three seeds). Measured side by side at 30 s, seeds 1 and 3
     * (docs/decisions.md): 2 against 1, ninth round, hierarchical tuning 17 +1.39 % against +2.19 %,
     * distance tuning 6 +0.26 % against +0.61 %; 3 against 2, tenth round, hierarchical +2.55 % against
     * +3.09 % (both seeds, slower machine hour), distance +0.59 % against +0.51 % (noise level), but a
     * third seed on all 29 +1.96 % against +1.47 %; twelfth round (ruin and recreate at 0.1), all 29,
     * seed 3: +0.63 % against +0.89 %. Three of four pairs for 3, so 3.
     */
    public static SolverTuning defaults() {
        return new SolverTuning(0.3, 0.6, 2, 3);
    }
}
