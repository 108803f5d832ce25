package de.kuzmobil.planner.solver.elimination;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.RebuildToursMove;
import org.optaplanner.core.api.score.Score;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * "Fewest team-days first": before local search, empty whole tours one after the other with an
 * ejection pool (the route minimisation of Nagata and Bräysy, 2009, without their squeeze step).
 * The visits of the emptied tour wait in a pool; each goes to its cheapest drivable place in
 * another used tour, or, where there is none, into the place that needs the fewest (by how often
 * they were stuck before) other visits ejected back into the pool; a few random drivable moves
 * after each ejection keep it from cycling. The tour is gone when the pool is empty. Local search
 * alone hardly ever gets there: each step towards an empty tour costs driving, and the acceptor
 * turns it down long before the last visit leaves. Driving is ignored here; the local search
 * after this phase repairs it with the tour count reached.
 *
 * <p>Works on copies of the tour orders and writes the last plan with every visit placed back in
 * one step, only if its score is at least as good. {@link WeekPlanSolver} builds one run before local
 * search and one before each later annealing run, sharing an {@link EliminationBudget} (from the
 * spent limit), with a stall limit for the first (it ends once that long passes without a tour
 * emptied; a later run has only its part of the budget), the seed and the caller's stop request:
 * OptaPlanner's early termination does not reach a custom phase, and a dispatcher who stops a solve
 * should not wait out the elimination's budget.
 */
public class TourElimination implements CustomPhaseCommand<WeekPlan> {

    private static final Logger LOG = LoggerFactory.getLogger(TourElimination.class);

    private final EliminationBudget budget;
    private final int run;
    private final long stallMillis;
    private final long seed;
    private final BooleanSupplier stopRequested;
    private final LongSupplier clock;

    /**
     * A single run with a budget of its own.
     *
     * @param millis      the phase's budget
     * @param stallMillis the phase also ends once this long passes without a tour emptied
     */
    public TourElimination(long millis, long stallMillis, long seed, BooleanSupplier stopRequested) {
        this(new EliminationBudget(millis, 1), 0, stallMillis, seed, stopRequested, System::currentTimeMillis);
    }

    /**
     * Run {@code run} (from 0) of those sharing {@code budget}; with its own clock (one that counts its
     * readings makes the phase end at the same point on any machine).
     *
     * @param stallMillis the first run also ends once this long passes without a tour emptied
     */
    public TourElimination(EliminationBudget budget, int run, long stallMillis, long seed,
                           BooleanSupplier stopRequested, LongSupplier clock) {
        this.budget = budget;
        this.run = run;
        this.stallMillis = stallMillis;
        this.seed = seed;
        this.stopRequested = stopRequested;
        this.clock = clock;
    }

    /** The whole budget: the first run's deadline. */
    public long millis() {
        return budget.total();
    }

    public long stallMillis() {
        return stallMillis;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<WeekPlan> scoreDirector) {
        long start = clock.getAsLong();
        try {
            eliminate(scoreDirector, start, budget.startRun(run));
        } finally {
            budget.spent(clock.getAsLong() - start);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void eliminate(ScoreDirector<WeekPlan> scoreDirector, long start, long millis) {
        if (millis <= 0) {
            return; // the runs before spent the budget
        }
        long stall = run == 0 ? stallMillis : millis;
        long deadline = start + millis;
        WeekPlan plan = scoreDirector.getWorkingSolution();
        EliminationSearch search = new EliminationSearch(plan, new Random(seed + run), stopRequested, clock);
        List<List<Visit>> best = search.orders();
        if (search.unassignedCount() > 0) {
            if (search.placeUnassigned(start + Math.min(millis / 4, stall))) {
                best = search.orders();
            } else {
                search.restore(best);
            }
        }
        int failures = 0;
        long until = stallDeadline(deadline, stall);
        while (search.usedTours() > search.lowerBound() && failures < 3 && clock.getAsLong() < until
                && !stopRequested.getAsBoolean()) {
            if (search.emptyOneTour(until)) {
                best = search.orders();
                failures = 0;
                until = stallDeadline(deadline, stall);
                LOG.debug("Tour elimination: {} tours after {} ms", search.usedTours(),
                        clock.getAsLong() - start);
            } else {
                search.restore(best);
                failures++;
            }
        }
        LOG.debug("Tour elimination run {} ends after {} ms", run, clock.getAsLong() - start);
        List<TeamDay> changed = new ArrayList<>();
        List<List<Visit>> orders = new ArrayList<>();
        for (int t = 0; t < search.tours().length; t++) {
            if (!best.get(t).equals(search.tours()[t].getVisits())) {
                changed.add(search.tours()[t]);
                orders.add(best.get(t));
            }
        }
        List<Visit> unplanned = new ArrayList<>(plan.unassignedTour().getVisits());
        best.forEach(unplanned::removeAll);
        if (unplanned.size() < plan.unassignedTour().getVisits().size()) {
            changed.add(plan.unassignedTour());
            orders.add(unplanned);
        }
        if (changed.isEmpty()) {
            return;
        }
        InnerScoreDirector inner = (InnerScoreDirector) scoreDirector;
        Score before = inner.calculateScore();
        AbstractMove<WeekPlan> undo = new RebuildToursMove(changed, orders).doMove(scoreDirector);
        Score after = inner.calculateScore();
        LOG.debug("Tour elimination: {} -> {}", before, after);
        if (after.compareTo(before) < 0) {
            undo.doMove(scoreDirector); // a hard rule TourRules does not see; keep what we had
        }
    }

    /** The budget's deadline, or sooner once no tour has gone for a while: the next would rarely go any more. */
    private long stallDeadline(long deadline, long stall) {
        return Math.min(deadline, clock.getAsLong() + stall);
    }
}
