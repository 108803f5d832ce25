package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.travel.TravelMatrix;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * Ruin and recreate: take a few neighbouring visits out of their tours (a stop and its nearest, or
 * strings of consecutive stops from a few nearby tours, plus unplanned ones nearby) and put each
 * back, in random or SISR's order, at the place that adds the least driving while its tour stays
 * drivable. Single-visit moves get stuck where a whole neighbourhood
 * has to change at once; on Solomon days the search without this found the same plan whether it
 * made 200k or 320k moves per second. The recreate step only checks a tour quickly (windows,
 * return, break, capacity, skills, date, pinned starts); the score of the result is the judge.
 * Rarely (1 %) the best place is skipped for the next ("blinks", Christiaens and Vanden Berghe's
 * SISR), so that repeated ruins of one area do not always rebuild the same tours.
 */
public class RuinRecreateMoveFactory implements MoveIteratorFactory<WeekPlan, RebuildToursMove> {

    static final int MIN_RUIN = 3;
    static final int MAX_RUIN = 12;
    /** Tours of this many nearest neighbours are where a visit may go back. */
    private static final int NEIGHBOUR_TOURS = 10;
    private static final double BLINK = 0.01;
    static final int AVERAGE_REMOVED = 10;
    private static final int MAX_STRING = 10;

    /**
     * This share of the ruins empties a whole small tour instead and puts its visits elsewhere,
     * never back: the one way down to fewer tours that is not a long series of small moves (fewer
     * team-days, and usually less driving too). Custom property {@code routeRemoval}.
     */
    private double routeRemoval = 0.1;

    /**
     * How the ordinary ruin picks its visits: {@code radial}, a stop and its nearest wherever they
     * are; or {@code strings}, SISR's string removal: from the stop's tour and the tours of its
     * nearest, one run of consecutive visits each, which frees a stretch of road in each tour
     * rather than scattered holes. Custom property {@code ruin}.
     */
    private boolean strings = false;

    /**
     * In which order the removed visits go back: {@code shuffle}, random; or {@code sisr}, SISR's
     * mix: random 4 in 11 times, most appointments first 4, farthest from a base first 2, nearest
     * first 1. Big and remote visits placed first get the places that fit them. Custom property
     * {@code recreateOrder}.
     */
    private boolean sisrOrder = false;

    private Visit[] visits;
    private int[][] nearby;
    private Map<Visit, Integer> indexOf;
    private List<TeamDay> teamDays;
    private TeamDay unassigned;
    private TravelMatrix matrix;
    /**
     * Per visit, the drive from the nearest base of any tour (the recreate order's "far" and
     * "near"; whether the visit may join that tour does not matter for an order). Long.MAX_VALUE
     * when no base reaches it.
     */
    private long[] baseSeconds;

    @Override
    public void phaseStarted(ScoreDirector<WeekPlan> scoreDirector) {
        WeekPlan plan = scoreDirector.getWorkingSolution();
        visits = plan.getVisits().toArray(Visit[]::new);
        nearby = TailExchangeMoveFactory.nearest(visits, plan.getMatrix());
        indexOf = new IdentityHashMap<>();
        for (int i = 0; i < visits.length; i++) {
            indexOf.put(visits[i], i);
        }
        teamDays = plan.getTeamDays();
        unassigned = plan.unassignedTour();
        matrix = plan.getMatrix();
        baseSeconds = new long[visits.length];
        for (int i = 0; i < visits.length; i++) {
            baseSeconds[i] = Long.MAX_VALUE;
            for (TeamDay tour : teamDays) {
                long there = tour.isReal() ? matrix.seconds(tour.getBaseIndex(), visits[i].getLocationIndex()) : -1;
                if (there >= 0) {
                    baseSeconds[i] = Math.min(baseSeconds[i], there);
                }
            }
        }
    }

    public void setRouteRemoval(String share) {
        routeRemoval = Double.parseDouble(share);
    }

    public void setRecreateOrder(String kind) {
        switch (kind) {
            case "shuffle" -> sisrOrder = false;
            case "sisr" -> sisrOrder = true;
            default -> throw new IllegalArgumentException("recreateOrder must be shuffle or sisr, not " + kind);
        }
    }

    public void setRuin(String kind) {
        switch (kind) {
            case "radial" -> strings = false;
            case "strings" -> strings = true;
            default -> throw new IllegalArgumentException("ruin must be radial or strings, not " + kind);
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<WeekPlan> scoreDirector) {
        visits = null;
        nearby = null;
        indexOf = null;
        teamDays = null;
        unassigned = null;
        matrix = null;
        baseSeconds = null;
    }

    @Override
    public long getSize(ScoreDirector<WeekPlan> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().getVisits().size() * (MAX_RUIN - MIN_RUIN + 1);
    }

    @Override
    public Iterator<RebuildToursMove> createOriginalMoveIterator(ScoreDirector<WeekPlan> scoreDirector) {
        throw new UnsupportedOperationException("ruin and recreate supports random selection only");
    }

    @Override
    public Iterator<RebuildToursMove> createRandomMoveIterator(ScoreDirector<WeekPlan> scoreDirector, Random random) {
        if (visits == null) {
            phaseStarted(scoreDirector);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return visits.length > 0;
            }

            @Override
            public RebuildToursMove next() {
                return ruinAndRecreate(random);
            }
        };
    }

    RebuildToursMove ruinAndRecreate(Random random) {
        Map<TeamDay, List<Visit>> orders = new IdentityHashMap<>();
        List<TeamDay> touched = new ArrayList<>();
        TeamDay emptied = random.nextDouble() < routeRemoval ? smallTour(random) : null;
        List<Visit> removed = emptied != null ? empty(emptied, orders, touched)
                : strings ? ruinStrings(random, orders, touched) : ruin(random, orders, touched);
        Collections.shuffle(removed, random);
        if (sisrOrder) {
            sort(removed, random);
        }
        for (Visit visit : removed) {
            recreate(visit, random, orders, touched, emptied);
        }
        List<TeamDay> changed = new ArrayList<>();
        List<List<Visit>> changedOrders = new ArrayList<>();
        for (TeamDay tour : touched) {
            List<Visit> order = orders.get(tour);
            if (!order.equals(tour.getVisits())) {
                changed.add(tour);
                changedOrders.add(order);
            }
        }
        return new RebuildToursMove(changed, changedOrders);
    }

    private void sort(List<Visit> removed, Random random) {
        sisrOrder(removed, random.nextInt(11), v -> baseSeconds[indexOf.get(v)]);
    }

    /**
     * Re-sorts the shuffled {@code removed} (stable, so ties stay random) by SISR's {@code draw} out
     * of 11: 0-3 as it is, 4-7 most appointments first, 8-9 farthest from a base first, 10 nearest.
     */
    static void sisrOrder(List<Visit> removed, int draw, ToLongFunction<Visit> secondsFromBase) {
        Comparator<Visit> fromBase = Comparator.comparingLong(secondsFromBase);
        if (draw < 4) {
            return;
        } else if (draw < 8) {
            removed.sort(Comparator.comparingInt(Visit::getAppointments).reversed());
        } else if (draw < 10) {
            removed.sort(fromBase.reversed());
        } else {
            removed.sort(fromBase);
        }
    }

    /** A random unpinned visit and its nearest unpinned ones, taken out of (copies of) their tours. */
    private List<Visit> ruin(Random random, Map<TeamDay, List<Visit>> orders, List<TeamDay> touched) {
        int size = MIN_RUIN + random.nextInt(MAX_RUIN - MIN_RUIN + 1);
        int seed = random.nextInt(visits.length);
        List<Visit> removed = new ArrayList<>(size);
        takeOut(visits[seed], removed, orders, touched);
        for (int i = 0; i < nearby[seed].length && removed.size() < size; i++) {
            takeOut(visits[nearby[seed][i]], removed, orders, touched);
        }
        return removed;
    }

    /**
     * SISR's string removal (Christiaens and Vanden Berghe 2020, with their defaults: about
     * {@link #AVERAGE_REMOVED} visits, strings of at most {@link #MAX_STRING}): a random visit, then
     * it and its nearest in turn; the first time one lies on a tour, a string of random length
     * through it comes out of that tour, until a random number of tours has lost one. Unplanned
     * visits met on the way come out too, to get their chance, but no more than the longest string
     * may have: in an overfull week most neighbours are unplanned, and each costs a failed
     * recreate. Pinned visits stay (a string through them loses fewer visits). SISR's split strings,
     * which keep a few stops inside the run, did worse (docs/decisions.md, eighth round).
     */
    List<Visit> ruinStrings(Random random, Map<TeamDay, List<Visit>> orders, List<TeamDay> touched) {
        double longest = Math.min(MAX_STRING, averageTourLength());
        double maxTours = 4.0 * AVERAGE_REMOVED / (1 + longest) - 1;
        int tours = 1 + (int) (random.nextDouble() * maxTours);
        int seed = random.nextInt(visits.length);
        List<Visit> removed = new ArrayList<>();
        List<TeamDay> ruined = new ArrayList<>();
        int unplanned = 0;
        for (int i = -1; i < nearby[seed].length && ruined.size() < tours; i++) {
            Visit visit = visits[i < 0 ? seed : nearby[seed][i]];
            TeamDay tour = visit.getTeamDay();
            if (tour == null || visit.isPinned() || ruined.contains(tour)) {
                continue;
            }
            if (tour.isUnassignedTour()) {
                if (unplanned++ < longest) {
                    takeOut(visit, removed, orders, touched);
                }
                continue;
            }
            ruined.add(tour);
            List<Visit> order = order(tour, orders, touched);
            int length = 1 + (int) (random.nextDouble() * Math.min(order.size(), longest));
            int first = stringStart(order.indexOf(visit), length, order.size(), random);
            for (Visit out : List.copyOf(order.subList(first, first + length))) {
                takeOut(out, removed, orders, touched);
            }
        }
        return removed;
    }

    /** Where a string of {@code length} through position {@code at} of a tour of {@code size} starts, uniformly. */
    static int stringStart(int at, int length, int size, Random random) {
        int from = Math.max(0, at - length + 1);
        int to = Math.min(at, size - length);
        return from + random.nextInt(to - from + 1);
    }

    private double averageTourLength() {
        int used = 0;
        int stops = 0;
        for (TeamDay tour : teamDays) {
            if (tour.isUsed()) {
                used++;
                stops += tour.getVisits().size();
            }
        }
        return used == 0 ? 1 : (double) stops / used;
    }

    /** The smaller of two random used tours (a tournament: small tours are the ones to empty). */
    private TeamDay smallTour(Random random) {
        List<TeamDay> used = new ArrayList<>();
        for (TeamDay tour : teamDays) {
            if (tour.isUsed()) {
                used.add(tour);
            }
        }
        if (used.size() < 2) {
            return null;
        }
        TeamDay a = used.get(random.nextInt(used.size()));
        TeamDay b = used.get(random.nextInt(used.size()));
        return a.getVisits().size() <= b.getVisits().size() ? a : b;
    }

    private List<Visit> empty(TeamDay tour, Map<TeamDay, List<Visit>> orders, List<TeamDay> touched) {
        List<Visit> removed = new ArrayList<>();
        for (Visit visit : List.copyOf(tour.getVisits())) {
            takeOut(visit, removed, orders, touched);
        }
        return removed;
    }

    private void takeOut(Visit visit, List<Visit> removed, Map<TeamDay, List<Visit>> orders, List<TeamDay> touched) {
        if (visit.isPinned() || visit.getTeamDay() == null) {
            return;
        }
        if (order(visit.getTeamDay(), orders, touched).remove(visit)) {
            removed.add(visit);
        }
    }

    private static List<Visit> order(TeamDay tour, Map<TeamDay, List<Visit>> orders, List<TeamDay> touched) {
        return orders.computeIfAbsent(tour, t -> {
            touched.add(t);
            return new ArrayList<>(t.getVisits());
        });
    }

    /**
     * Cheapest drivable place among the tours of its neighbours, the tours already changed and one
     * empty tour; never the {@code emptied} one, and no empty tour when a tour is being emptied.
     */
    private void recreate(Visit visit, Random random, Map<TeamDay, List<Visit>> orders, List<TeamDay> touched,
                          TeamDay emptied) {
        List<TeamDay> candidates = new ArrayList<>(touched);
        int[] near = nearby[indexOf.get(visit)];
        for (int i = 0; i < Math.min(NEIGHBOUR_TOURS, near.length); i++) {
            TeamDay tour = tourNow(visits[near[i]], orders);
            if (tour != null && !candidates.contains(tour)) {
                candidates.add(tour);
            }
        }
        TeamDay empty = emptied == null ? emptyTourFor(visit, orders) : null;
        if (empty != null && !candidates.contains(empty)) {
            candidates.add(empty);
        }
        candidates.remove(emptied);
        List<TeamDay> eligible = new ArrayList<>();
        List<List<Visit>> current = new ArrayList<>();
        for (TeamDay tour : candidates) {
            if (tour.isReal() && visit.mayGoTo(tour)) {
                eligible.add(tour);
                current.add(orders.containsKey(tour) ? orders.get(tour) : tour.getVisits());
            }
        }
        int[] place = cheapestDrivablePlace(visit, eligible, current, matrix, () -> random.nextDouble() >= BLINK);
        if (place != null) {
            order(eligible.get(place[0]), orders, touched).add(place[1], visit);
        } else {
            order(unassigned, orders, touched).add(visit);
        }
    }

    /** Bits below a place's added seconds that hold its index (tours of up to a million stops in all). */
    private static final int PLACE_BITS = 20;
    private static final long PLACE_MASK = (1L << PLACE_BITS) - 1;

    /**
     * The place for {@code visit} that adds the least driving among {@code tours} (each with its
     * current order in {@code orders}) where the tour stays drivable and {@code accept} agrees
     * (asked only for drivable places): {index into tours, position}, or null when there is none.
     */
    static int[] cheapestDrivablePlace(Visit visit, List<TeamDay> tours, List<List<Visit>> orders, TravelMatrix matrix,
                                       BooleanSupplier accept) {
        int at = visit.getLocationIndex();
        // Each place as one long, added seconds above its index in tourOf/positionOf: a primitive
        // sort in the same order as sorting by added seconds, ties by index (a tenth of the
        // search's time went into sorting boxed places on Solomon's long tours).
        int count = 0;
        for (List<Visit> order : orders) {
            count += order.size() + 1;
        }
        if (count > PLACE_MASK) {
            throw new IllegalArgumentException("too many places to sort: " + count);
        }
        long[] places = new long[count];
        int[] tourOf = new int[count];
        int[] positionOf = new int[count];
        int n = 0;
        for (int c = 0; c < tours.size(); c++) {
            List<Visit> order = orders.get(c);
            int base = tours.get(c).getBaseIndex();
            for (int p = 0; p <= order.size(); p++) {
                int prev = p == 0 ? base : order.get(p - 1).getLocationIndex();
                int next = p == order.size() ? base : order.get(p).getLocationIndex();
                long in = matrix.seconds(prev, at);
                long out = matrix.seconds(at, next);
                long was = matrix.seconds(prev, next); // reachable whenever in and out are (shortest paths)
                if (in >= 0 && out >= 0 && was >= 0) {
                    tourOf[n] = c;
                    positionOf[n] = p;
                    places[n] = ((in + out - was) << PLACE_BITS) | n;
                    n++;
                }
            }
        }
        Arrays.sort(places, 0, n);
        InsertionCheck[] checks = new InsertionCheck[tours.size()];
        for (int i = 0; i < n; i++) {
            int index = (int) (places[i] & PLACE_MASK);
            int c = tourOf[index];
            int position = positionOf[index];
            if (checks[c] == null) {
                checks[c] = new InsertionCheck(tours.get(c), orders.get(c));
            }
            if (!checks[c].mayInsert(visit, position)) {
                continue; // not drivable, known without the whole timeline
            }
            List<Visit> trial = new ArrayList<>(orders.get(c));
            trial.add(position, visit);
            if (drivable(tours.get(c), trial) && accept.getAsBoolean()) {
                return new int[] {c, position};
            }
        }
        return null;
    }

    private TeamDay tourNow(Visit neighbour, Map<TeamDay, List<Visit>> orders) {
        TeamDay tour = neighbour.getTeamDay();
        if (tour == null || tour.isUnassignedTour()) {
            return null;
        }
        List<Visit> order = orders.get(tour);
        return order == null || order.contains(neighbour) ? tour : null;
    }

    private TeamDay emptyTourFor(Visit visit, Map<TeamDay, List<Visit>> orders) {
        for (TeamDay tour : teamDays) {
            List<Visit> order = orders.containsKey(tour) ? orders.get(tour) : tour.getVisits();
            if (tour.isReal() && order.isEmpty() && visit.mayGoTo(tour)) {
                return tour;
            }
        }
        return null;
    }

    /** The hard rules of one tour, checked on a candidate order (mirrors WeekPlanConstraints' hard ones). */
    static boolean drivable(TeamDay tour, List<Visit> order) {
        int appointments = 0;
        for (Visit visit : order) {
            appointments += visit.getAppointments();
        }
        if (appointments > tour.maxAppointments()) {
            return false;
        }
        VisitSchedule[] schedules = TourTimeline.compute(tour, order);
        for (int i = 0; i < schedules.length; i++) {
            VisitSchedule s = schedules[i];
            long pinnedStart = order.get(i).getPinnedStart();
            if (s.windowOverrunSeconds() > 0 || s.unreachableLeg() || (pinnedStart >= 0 && s.start() != pinnedStart)) {
                return false;
            }
        }
        VisitSchedule.TourEnd end = schedules[schedules.length - 1].tourEnd();
        return end.returnToBase() <= tour.getShiftEnd() && !end.unreachableLeg()
                && (end.breakRequiredSeconds() == 0 || end.breakHeld());
    }
}
