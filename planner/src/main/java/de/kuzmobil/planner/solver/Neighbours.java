package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The visits of a plan, numbered, each with its nearest others by driving time (at most
 * {@link #NEARBY}, nearest first; never itself, never one it cannot reach): where the moves, the
 * ruins and the tour elimination look for visits that belong together. Built once per phase.
 */
public final class Neighbours {

    public static final int NEARBY = 30;

    private final Visit[] visits;
    private final Map<Visit, Integer> indexOf = new IdentityHashMap<>();
    private final int[][] nearest;

    private Neighbours(Visit[] visits, TravelMatrix matrix) {
        this.visits = visits;
        for (int i = 0; i < visits.length; i++) {
            indexOf.put(visits[i], i);
        }
        this.nearest = nearest(visits, matrix);
    }

    public static Neighbours of(WeekPlan plan) {
        return new Neighbours(plan.getVisits().toArray(Visit[]::new), plan.getMatrix());
    }

    public int size() {
        return visits.length;
    }

    public Visit visit(int index) {
        return visits[index];
    }

    public int indexOf(Visit visit) {
        return indexOf.get(visit);
    }

    /** Indexes of the visits nearest to visit {@code index}, nearest first (not to be changed). */
    public int[] nearest(int index) {
        return nearest[index];
    }

    private static int[][] nearest(Visit[] visits, TravelMatrix matrix) {
        int n = visits.length;
        int[][] out = new int[n][];
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            int from = visits[k].getLocationIndex();
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            long[] seconds = new long[n];
            for (int j = 0; j < n; j++) {
                long s = matrix.seconds(from, visits[j].getLocationIndex());
                seconds[j] = j == k || s < 0 ? Long.MAX_VALUE : s;
            }
            Arrays.sort(order, Comparator.comparingLong(j -> seconds[j]));
            int reachable = 0;
            for (long s : seconds) {
                reachable += s == Long.MAX_VALUE ? 0 : 1;
            }
            int size = Math.min(NEARBY, reachable);
            out[k] = new int[size];
            for (int j = 0; j < size; j++) {
                out[k][j] = order[j];
            }
        }
        return out;
    }
}
