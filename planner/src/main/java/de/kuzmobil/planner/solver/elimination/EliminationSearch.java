package de.kuzmobil.planner.solver.elimination;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.Neighbours;
import de.kuzmobil.planner.solver.feasibility.CheapestPlace;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The working state of one tour elimination: tour orders as plain lists, the ejection pool, and how
 * often each visit was stuck. Empties one tour at a time (see {@link TourElimination}).
 */
final class EliminationSearch {

    private final TeamDay[] tours;
    private final List<Visit>[] orders;
    private final int[] load;
    /** Used and not being emptied: a tour that may take visits. */
    private final boolean[] open;
    private final Neighbours neighbours;
    private final int[] tourOf;
    private final int[] stuck;
    private final boolean[][] allowed;
    private final Deque<Integer> pool = new ArrayDeque<>();
    private final TravelMatrix matrix;
    private final Random random;
    private final LongSupplier clock;
    private final BooleanSupplier stopRequested;
    private final EjectionSearch ejections;
    private final Perturbation perturbation;

    @SuppressWarnings("unchecked")
    EliminationSearch(WeekPlan plan, Random random, BooleanSupplier stopRequested, LongSupplier clock) {
        this.random = random;
        this.stopRequested = stopRequested;
        this.clock = clock;
        this.matrix = plan.getMatrix();
        tours = plan.getTeamDays().stream().filter(TeamDay::isReal).toArray(TeamDay[]::new);
        neighbours = Neighbours.of(plan);
        int visits = neighbours.size();
        orders = new List[tours.length];
        load = new int[tours.length];
        open = new boolean[tours.length];
        tourOf = new int[visits];
        stuck = new int[visits];
        ejections = new EjectionSearch(matrix, visits + 1, visit -> stuck[neighbours.indexOf(visit)]);
        allowed = new boolean[visits][tours.length];
        for (int i = 0; i < visits; i++) {
            for (int t = 0; t < tours.length; t++) {
                allowed[i][t] = neighbours.visit(i).mayGoTo(tours[t]);
            }
        }
        List<List<Visit>> now = new ArrayList<>();
        for (TeamDay tour : tours) {
            now.add(tour.getVisits());
        }
        restore(now);
        perturbation = new Perturbation(this, tours, neighbours, random);
    }

    /** The real tours, in the order of {@link #orders()}. */
    TeamDay[] tours() {
        return tours;
    }

    /** A copy of every tour's order. */
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
            int v = neighbours.indexOf(visit);
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
        for (int v = 0; v < neighbours.size(); v++) {
            if (tourOf[v] < 0 && !neighbours.visit(v).isPinned() && !insertCheapest(v, true)) {
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
            perturbation.run();
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
        Visit visit = neighbours.visit(v);
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
        int[] place = CheapestPlace.find(visit, candidateTours, candidateOrders, matrix, () -> true);
        if (place == null) {
            return false;
        }
        place(v, candidates.get(place[0]), place[1]);
        return true;
    }

    private void place(int v, int t, int position) {
        Visit visit = neighbours.visit(v);
        orders[t].add(position, visit);
        open[t] = true;
        load[t] += visit.getAppointments();
        tourOf[v] = t;
    }

    /**
     * The place in a used tour where the visit fits after ejecting at most
     * {@link EjectionSearch#MAX_EJECTED} others with the smallest sum of their stuck counts; the
     * ejected go to the pool.
     */
    private boolean insertEjecting(int v) {
        Visit visit = neighbours.visit(v);
        ejections.reset();
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
                Visit[] trial = new Visit[current.size() + 1];
                for (int i = 0, j = 0; i < trial.length; i++) {
                    trial[i] = i == p ? visit : current.get(j++);
                }
                int[] ejected = ejections.cheaperEjection(tours[t], trial, visit);
                if (ejected != null) {
                    bestTour = t;
                    bestPosition = p;
                    chosen = ejected;
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
            int u = neighbours.indexOf(out);
            tourOf[u] = -1;
            pool.push(u);
        }
        return true;
    }

    int tourOf(int v) {
        return tourOf[v];
    }

    /** Tour {@code t}'s order (not to be changed: see {@link #set}). */
    List<Visit> order(int t) {
        return orders[t];
    }

    /** Visit {@code v} may go to tour {@code t}. */
    boolean allowed(int v, int t) {
        return allowed[v][t];
    }

    void set(int t, List<Visit> order) {
        orders[t] = order;
        open[t] = !order.isEmpty();
        load[t] = 0;
        for (Visit visit : order) {
            load[t] += visit.getAppointments();
            tourOf[neighbours.indexOf(visit)] = t;
        }
    }
}
