package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.travel.TravelMatrix;
import org.optaplanner.core.api.score.Score;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * one step, only if its score is at least as good. {@link WeekPlanSolver} builds it with its time
 * budget (from the spent limit), a stall limit (the phase ends once that long passes without a
 * tour emptied), the seed and the caller's stop request: OptaPlanner's early
 * termination does not reach a custom phase, and a dispatcher who stops a solve should not wait out
 * the elimination's budget.
 */
public class TourElimination implements CustomPhaseCommand<WeekPlan> {

    private static final Logger LOG = LoggerFactory.getLogger(TourElimination.class);
    /** Visits ejected at most for one insertion. */
    static final int MAX_EJECTED = 3;
    /** Random drivable moves after each ejection (Nagata and Bräysy use more; ours are dearer). */
    private static final int PERTURBATION = 100;
    /** Search nodes per ejection, a guard for long tours with wide windows. */
    private static final int NODE_LIMIT = 200_000;
    private static final int NEIGHBOURS = 10;

    private final long millis;
    private final long stallMillis;
    private final long seed;
    private final BooleanSupplier stopRequested;
    private final LongSupplier clock;

    /**
     * @param millis      the phase's budget
     * @param stallMillis the phase also ends once this long passes without a tour emptied
     */
    TourElimination(long millis, long stallMillis, long seed, BooleanSupplier stopRequested) {
        this(millis, stallMillis, seed, stopRequested, System::currentTimeMillis);
    }

    /** With its own clock: one that counts its readings makes the phase end at the same point on any machine. */
    TourElimination(long millis, long stallMillis, long seed, BooleanSupplier stopRequested, LongSupplier clock) {
        this.millis = millis;
        this.stallMillis = stallMillis;
        this.seed = seed;
        this.stopRequested = stopRequested;
        this.clock = clock;
    }

    long millis() {
        return millis;
    }

    long stallMillis() {
        return stallMillis;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void changeWorkingSolution(ScoreDirector<WeekPlan> scoreDirector) {
        long start = clock.getAsLong();
        long deadline = start + millis;
        WeekPlan plan = scoreDirector.getWorkingSolution();
        Search search = new Search(plan, new Random(seed), stopRequested, clock);
        List<List<Visit>> best = search.orders();
        if (search.unassignedCount() > 0) {
            if (search.placeUnassigned(start + Math.min(millis / 4, stallMillis))) {
                best = search.orders();
            } else {
                search.restore(best);
            }
        }
        int failures = 0;
        long until = stallDeadline(deadline);
        while (search.usedTours() > search.lowerBound() && failures < 3 && clock.getAsLong() < until
                && !stopRequested.getAsBoolean()) {
            if (search.emptyOneTour(until)) {
                best = search.orders();
                failures = 0;
                until = stallDeadline(deadline);
                LOG.debug("Tour elimination: {} tours after {} ms", search.usedTours(),
                        clock.getAsLong() - start);
            } else {
                search.restore(best);
                failures++;
            }
        }
        LOG.debug("Tour elimination ends after {} ms", clock.getAsLong() - start);
        List<TeamDay> changed = new ArrayList<>();
        List<List<Visit>> orders = new ArrayList<>();
        for (int t = 0; t < search.tours.length; t++) {
            if (!best.get(t).equals(search.tours[t].getVisits())) {
                changed.add(search.tours[t]);
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
            undo.doMove(scoreDirector); // a hard rule drivable() does not see; keep what we had
        }
    }

    /** The budget's deadline, or sooner once no tour has gone for a while: the next would rarely go any more. */
    private long stallDeadline(long deadline) {
        return Math.min(deadline, clock.getAsLong() + stallMillis);
    }

    /** The working state of one elimination run: tour orders as plain lists, visit indices. */
    static final class Search {

        final TeamDay[] tours;
        private final List<Visit>[] orders;
        private final int[] load;
        /** Used and not being emptied: a tour that may take visits. */
        private final boolean[] open;
        private final Visit[] visits;
        private final Map<Visit, Integer> indexOf = new IdentityHashMap<>();
        private final int[][] nearby;
        private final int[] tourOf;
        private final int[] stuck;
        private final boolean[][] allowed;
        private final Deque<Integer> pool = new ArrayDeque<>();
        private final TravelMatrix matrix;
        private final Random random;
        private final LongSupplier clock;
        private final BooleanSupplier stopRequested;

        // the ejection search's state (one search at a time); what it reads of each visit in the
        // trial order is copied into flat arrays first (a third of the phase's time went into
        // reaching it through the visits: windows, identity lookups)
        private Visit[] trial;
        private int trialLength;
        private TeamDay trialTour;
        private final int[] trialPlace;
        private final int[] trialAppointments;
        private final long[] trialDuration;
        private final long[] trialPinned;
        private final long[][] trialWindows;
        /** The visit's stuck count, or -1 where it may not be ejected (the inserted one, pinned ones). */
        private final int[] trialStuck;
        private final int[] ejecting = new int[MAX_EJECTED];
        private int[] bestEjected;
        private int bestStuck;
        private int nodes;

        @SuppressWarnings("unchecked")
        Search(WeekPlan plan, Random random, BooleanSupplier stopRequested, LongSupplier clock) {
            this.random = random;
            this.stopRequested = stopRequested;
            this.clock = clock;
            this.matrix = plan.getMatrix();
            tours = plan.getTeamDays().stream().filter(TeamDay::isReal).toArray(TeamDay[]::new);
            visits = plan.getVisits().toArray(Visit[]::new);
            for (int i = 0; i < visits.length; i++) {
                indexOf.put(visits[i], i);
            }
            nearby = TailExchangeMoveFactory.nearest(visits, matrix);
            orders = new List[tours.length];
            load = new int[tours.length];
            open = new boolean[tours.length];
            tourOf = new int[visits.length];
            stuck = new int[visits.length];
            trialPlace = new int[visits.length + 1];
            trialAppointments = new int[visits.length + 1];
            trialDuration = new long[visits.length + 1];
            trialPinned = new long[visits.length + 1];
            trialWindows = new long[visits.length + 1][];
            trialStuck = new int[visits.length + 1];
            allowed = new boolean[visits.length][tours.length];
            for (int i = 0; i < visits.length; i++) {
                for (int t = 0; t < tours.length; t++) {
                    allowed[i][t] = visits[i].mayGoTo(tours[t]);
                }
            }
            List<List<Visit>> now = new ArrayList<>();
            for (TeamDay tour : tours) {
                now.add(tour.getVisits());
            }
            restore(now);
        }

        List<List<Visit>> orders() {
            List<List<Visit>> copy = new ArrayList<>(tours.length);
            for (List<Visit> order : orders) {
                copy.add(new ArrayList<>(order));
            }
            return copy;
        }

        void restore(List<List<Visit>> from) {
            Arrays.fill(tourOf, -1);
            pool.clear();
            for (int t = 0; t < tours.length; t++) {
                set(t, new ArrayList<>(from.get(t)));
            }
        }

        int unassignedCount() {
            return (int) Arrays.stream(tourOf).filter(t -> t < 0).count();
        }

        int usedTours() {
            int used = 0;
            for (List<Visit> order : orders) {
                used += order.isEmpty() ? 0 : 1;
            }
            return used;
        }

        /** No fewer tours can hold the planned appointments, even with the largest capacity. */
        int lowerBound() {
            int appointments = 0;
            int capacity = 1;
            for (int t = 0; t < tours.length; t++) {
                appointments += load[t];
                capacity = Math.max(capacity, tours[t].maxAppointments());
            }
            return (appointments + capacity - 1) / capacity;
        }

        /** One tour emptied and all its visits placed elsewhere (true), or the deadline or a stop came first (false). */
        boolean emptyOneTour(long deadline) {
            int removed = tourToEmpty();
            if (removed < 0) {
                return false;
            }
            Arrays.fill(stuck, 1);
            for (Visit visit : orders[removed]) {
                int v = indexOf.get(visit);
                tourOf[v] = -1;
                pool.push(v);
            }
            orders[removed].clear();
            load[removed] = 0;
            open[removed] = false;
            return drain(deadline);
        }

        /**
         * Visits the construction heuristic left unplanned, placed into used tours (or empty ones)
         * where they fit, or with ejections; true when none is left.
         */
        boolean placeUnassigned(long deadline) {
            for (int v = 0; v < visits.length; v++) {
                if (tourOf[v] < 0 && !visits[v].isPinned() && !insertCheapest(v, true)) {
                    pool.push(v);
                }
            }
            Arrays.fill(stuck, 1);
            return drain(deadline);
        }

        private boolean drain(long deadline) {
            long step = 0;
            while (!pool.isEmpty()) {
                if ((++step & 7) == 0 && (clock.getAsLong() > deadline || stopRequested.getAsBoolean())) {
                    return false;
                }
                int v = pool.pop();
                if (insertCheapest(v, false)) {
                    continue;
                }
                stuck[v]++;
                if (!insertEjecting(v)) {
                    return false; // no used tour may take it at all
                }
                perturb();
            }
            return true;
        }

        /** The smaller of two random used tours without pinned visits; -1 when none. */
        private int tourToEmpty() {
            List<Integer> candidates = new ArrayList<>();
            for (int t = 0; t < tours.length; t++) {
                if (open[t] && orders[t].stream().noneMatch(Visit::isPinned)) {
                    candidates.add(t);
                }
            }
            if (candidates.isEmpty() || usedTours() < 2) {
                return -1;
            }
            int a = candidates.get(random.nextInt(candidates.size()));
            int b = candidates.get(random.nextInt(candidates.size()));
            return orders[a].size() <= orders[b].size() ? a : b;
        }

        /** @param mayOpen an empty tour may take it, too (not while a tour is being emptied) */
        private boolean insertCheapest(int v, boolean mayOpen) {
            Visit visit = visits[v];
            List<Integer> candidates = new ArrayList<>();
            List<TeamDay> candidateTours = new ArrayList<>();
            List<List<Visit>> candidateOrders = new ArrayList<>();
            for (int t = 0; t < tours.length; t++) {
                if ((open[t] || mayOpen && orders[t].isEmpty()) && allowed[v][t]
                        && load[t] + visit.getAppointments() <= tours[t].maxAppointments()) {
                    candidates.add(t);
                    candidateTours.add(tours[t]);
                    candidateOrders.add(orders[t]);
                }
            }
            int[] place = RuinRecreateMoveFactory.cheapestDrivablePlace(visit, candidateTours, candidateOrders, matrix,
                    () -> true);
            if (place == null) {
                return false;
            }
            place(v, candidates.get(place[0]), place[1]);
            return true;
        }

        private void place(int v, int t, int position) {
            orders[t].add(position, visits[v]);
            open[t] = true;
            load[t] += visits[v].getAppointments();
            tourOf[v] = t;
        }

        /**
         * The place in a used tour where the visit fits after ejecting at most {@link #MAX_EJECTED}
         * others with the smallest sum of their stuck counts; the ejected go to the pool.
         */
        private boolean insertEjecting(int v) {
            Visit visit = visits[v];
            bestStuck = Integer.MAX_VALUE;
            int bestTour = -1;
            int bestPosition = -1;
            int[] chosen = null;
            List<Integer> order = new ArrayList<>();
            for (int t = 0; t < tours.length; t++) {
                if (open[t] && allowed[v][t] && visit.getAppointments() <= tours[t].maxAppointments()) {
                    order.add(t);
                }
            }
            Collections.shuffle(order, random);
            for (int t : order) {
                List<Visit> current = orders[t];
                for (int p = 0; p <= current.size(); p++) {
                    trial = new Visit[current.size() + 1];
                    for (int i = 0, j = 0; i < trial.length; i++) {
                        trial[i] = i == p ? visit : current.get(j++);
                    }
                    trialLength = trial.length;
                    trialTour = tours[t];
                    flattenTrial(visit);
                    bestEjected = null;
                    nodes = 0;
                    search(0, trialTour.getShiftStart(), trialTour.getBaseIndex(), 0, 0, 0);
                    if (bestEjected != null) {
                        bestTour = t;
                        bestPosition = p;
                        chosen = bestEjected;
                    }
                }
            }
            if (bestTour < 0) {
                return false;
            }
            place(v, bestTour, bestPosition);
            List<Visit> current = orders[bestTour];
            Visit[] positions = current.toArray(Visit[]::new);
            for (int index : chosen) {
                Visit out = positions[index];
                current.remove(out);
                load[bestTour] -= out.getAppointments();
                int u = indexOf.get(out);
                tourOf[u] = -1;
                pool.push(u);
            }
            return true;
        }

        /**
         * Depth-first along the trial order, each visit kept (if it is on time and fits the
         * capacity) or ejected; a branch ends as soon as a kept visit misses its window, so the
         * search stays small. Breaks are left out here (they only make a tour later) and checked
         * by {@code drivable} on a complete candidate.
         */
        private void search(int i, long time, int from, int appointments, int ejected, int stuckSum) {
            if (++nodes > NODE_LIMIT) {
                return;
            }
            if (i == trialLength) {
                long home = matrix.seconds(from, trialTour.getBaseIndex());
                if (home >= 0 && time + home <= trialTour.getShiftEnd()) {
                    List<Visit> kept = kept(ejected);
                    if (RuinRecreateMoveFactory.drivable(trialTour, kept)) {
                        bestStuck = stuckSum;
                        bestEjected = Arrays.copyOf(ejecting, ejected);
                    }
                }
                return;
            }
            int place = trialPlace[i];
            long travel = matrix.seconds(from, place);
            if (travel >= 0 && appointments + trialAppointments[i] <= trialTour.maxAppointments()) {
                long[] windows = trialWindows[i];
                long ready = time + travel;
                long pinned = trialPinned[i];
                long duration = trialDuration[i];
                long start = TourTimeline.windowStart(windows, pinned >= 0 ? Math.max(ready, pinned) : ready, duration);
                if (TourTimeline.overrun(windows, start, duration) == 0 && (pinned < 0 || start == pinned)) {
                    search(i + 1, start + duration, place, appointments + trialAppointments[i], ejected, stuckSum);
                }
            }
            if (trialStuck[i] >= 0 && ejected < MAX_EJECTED) {
                int cost = stuckSum + trialStuck[i];
                if (cost < bestStuck) {
                    ejecting[ejected] = i;
                    search(i + 1, time, from, appointments, ejected + 1, cost);
                }
            }
        }

        private void flattenTrial(Visit inserted) {
            int day = trialTour.getDayIndex();
            for (int i = 0; i < trialLength; i++) {
                Visit visit = trial[i];
                trialPlace[i] = visit.getLocationIndex();
                trialAppointments[i] = visit.getAppointments();
                trialDuration[i] = visit.getDurationSeconds();
                trialPinned[i] = visit.getPinnedStart();
                trialWindows[i] = visit.windowsOn(day);
                trialStuck[i] = visit == inserted || visit.isPinned() ? -1 : stuck[indexOf.get(visit)];
            }
        }

        private List<Visit> kept(int ejected) {
            List<Visit> kept = new ArrayList<>(trialLength - ejected);
            for (int i = 0, e = 0; i < trialLength; i++) {
                if (e < ejected && ejecting[e] == i) {
                    e++;
                } else {
                    kept.add(trial[i]);
                }
            }
            return kept;
        }

        /** Random drivable relocations and swaps between neighbouring visits, driving ignored. */
        private void perturb() {
            for (int k = 0; k < PERTURBATION; k++) {
                int u = random.nextInt(visits.length);
                int tu = tourOf[u];
                if (tu < 0 || visits[u].isPinned() || nearby[u].length == 0) {
                    continue;
                }
                int w = nearby[u][random.nextInt(Math.min(NEIGHBOURS, nearby[u].length))];
                int tw = tourOf[w];
                if (tw < 0 || tw == tu || !allowed[u][tw]) {
                    continue;
                }
                List<Visit> from = new ArrayList<>(orders[tu]);
                List<Visit> to = new ArrayList<>(orders[tw]);
                int uAt = from.indexOf(visits[u]);
                int wAt = to.indexOf(visits[w]);
                if (random.nextBoolean() && !visits[w].isPinned() && allowed[w][tu]) {
                    from.set(uAt, visits[w]);
                    to.set(wAt, visits[u]);
                } else {
                    from.remove(uAt);
                    to.add(wAt + random.nextInt(2), visits[u]);
                }
                if (RuinRecreateMoveFactory.drivable(tours[tw], to)
                        && (from.isEmpty() || RuinRecreateMoveFactory.drivable(tours[tu], from))) {
                    set(tu, from);
                    set(tw, to);
                }
            }
        }

        private void set(int t, List<Visit> order) {
            orders[t] = order;
            open[t] = !order.isEmpty();
            load[t] = 0;
            for (Visit visit : order) {
                load[t] += visit.getAppointments();
                tourOf[indexOf.get(visit)] = t;
            }
        }
    }
}
