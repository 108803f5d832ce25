package de.kuzmobil.planner.solver.elimination;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.solver.feasibility.TourRules;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * For one visit inserted at one place of a tour: which at most {@link #MAX_EJECTED} others to eject so
 * that the tour is drivable, with the smallest sum of their stuck counts (how often they could not be
 * placed before). Depth-first along the trial order, each visit kept (if it is on time and fits the
 * capacity) or ejected; a branch ends as soon as a kept visit misses its window, so the search stays
 * small. Breaks are left out while searching (they only make a tour later) and checked by
 * {@link TourRules#drivable} on each complete candidate. The best sum is kept across the trials of one
 * insertion ({@link #reset}): a later trial only wins when it is cheaper.
 */
final class EjectionSearch {

    /** Visits ejected at most for one insertion. */
    static final int MAX_EJECTED = 3;
    /** Search nodes per trial, a guard for long tours with wide windows. */
    private static final int NODE_LIMIT = 200_000;

    private final TravelMatrix matrix;
    private final ToIntFunction<Visit> stuckCount;
    // what the search reads of each visit in the trial order, copied into flat arrays first (a third of
    // the elimination's time went into reaching it through the visits: windows, identity lookups)
    private final int[] place;
    private final int[] appointments;
    private final long[] duration;
    private final long[] pinned;
    private final long[][] windows;
    /** The visit's stuck count, or -1 where it may not be ejected (the inserted one, pinned ones). */
    private final int[] stuck;
    private final int[] ejecting = new int[MAX_EJECTED];
    private Visit[] trial;
    private TeamDay tour;
    private int[] bestEjected;
    private int bestStuck;
    private int nodes;

    /** @param visits the most visits a trial order may hold */
    EjectionSearch(TravelMatrix matrix, int visits, ToIntFunction<Visit> stuckCount) {
        this.matrix = matrix;
        this.stuckCount = stuckCount;
        place = new int[visits];
        appointments = new int[visits];
        duration = new long[visits];
        pinned = new long[visits];
        windows = new long[visits][];
        stuck = new int[visits];
    }

    /** Before the trials of one insertion. */
    void reset() {
        bestStuck = Integer.MAX_VALUE;
    }

    /**
     * @param trial the tour's order with {@code inserted} in it
     * @return the positions in {@code trial} to eject, when cheaper than every earlier trial since
     *         {@link #reset}; else null
     */
    int[] cheaperEjection(TeamDay tour, Visit[] trial, Visit inserted) {
        this.tour = tour;
        this.trial = trial;
        flatten(inserted);
        bestEjected = null;
        nodes = 0;
        search(0, tour.getShiftStart(), tour.getBaseIndex(), 0, 0, 0);
        return bestEjected;
    }

    private void search(int i, long time, int from, int load, int ejected, int stuckSum) {
        if (++nodes > NODE_LIMIT) {
            return;
        }
        if (i == trial.length) {
            long home = matrix.seconds(from, tour.getBaseIndex());
            if (home >= 0 && time + home <= tour.getShiftEnd() && TourRules.drivable(tour, kept(ejected))) {
                bestStuck = stuckSum;
                bestEjected = Arrays.copyOf(ejecting, ejected);
            }
            return;
        }
        long travel = matrix.seconds(from, place[i]);
        if (travel >= 0 && load + appointments[i] <= tour.maxAppointments()) {
            long done = TourRules.doneIfOnTime(windows[i], pinned[i], duration[i], time + travel);
            if (done != Long.MIN_VALUE) {
                search(i + 1, done, place[i], load + appointments[i], ejected, stuckSum);
            }
        }
        if (stuck[i] >= 0 && ejected < MAX_EJECTED) {
            int cost = stuckSum + stuck[i];
            if (cost < bestStuck) {
                ejecting[ejected] = i;
                search(i + 1, time, from, load, ejected + 1, cost);
            }
        }
    }

    private void flatten(Visit inserted) {
        int day = tour.getDayIndex();
        for (int i = 0; i < trial.length; i++) {
            Visit visit = trial[i];
            place[i] = visit.getLocationIndex();
            appointments[i] = visit.getAppointments();
            duration[i] = visit.getDurationSeconds();
            pinned[i] = visit.getPinnedStart();
            windows[i] = visit.windowsOn(day);
            stuck[i] = visit == inserted || visit.isPinned() ? -1 : stuckCount.applyAsInt(visit);
        }
    }

    private List<Visit> kept(int ejected) {
        List<Visit> kept = new ArrayList<>(trial.length - ejected);
        for (int i = 0, e = 0; i < trial.length; i++) {
            if (e < ejected && ejecting[e] == i) {
                e++;
            } else {
                kept.add(trial[i]);
            }
        }
        return kept;
    }
}
