package de.kuzmobil.planner.solver.elimination;

/**
 * The tour elimination's share of one solve, spent by its runs: the first before local search, one
 * more before each later annealing run. The first may spend all of it; a first run that stalls
 * leaves the rest, which each later run shares equally with those after it, so the tours left get
 * another try on a plan the annealing has reshaped. In milliseconds, or in readings of a counting
 * clock under a step budget.
 */
public final class EliminationBudget {

    private final long total;
    private final int runs;
    private long spent;

    /** @param runs how many {@link TourElimination} runs share it (at least 1) */
    public EliminationBudget(long total, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, not " + runs);
        }
        this.total = total;
        this.runs = runs;
    }

    public long total() {
        return total;
    }

    /** What run {@code run} (from 0) may spend; run 0 starts the solve's account afresh. */
    synchronized long startRun(int run) {
        if (run == 0) {
            spent = 0;
            return total;
        }
        return Math.max(0, (total - spent) / (runs - run));
    }

    synchronized void spent(long units) {
        spent += units;
    }
}
