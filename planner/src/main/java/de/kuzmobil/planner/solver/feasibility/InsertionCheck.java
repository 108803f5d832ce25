package de.kuzmobil.planner.solver.feasibility;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.util.List;

/**
 * Rules out places for one more visit in a tour in constant time, so that the recreate step of
 * ruin and recreate computes whole timelines only for places that may work. Built once per tour
 * order: when each visit is done (forward, as {@link TourTimeline} computes it without a break)
 * and the latest arrival at each visit that still leaves the rest of the tour on time (backward).
 *
 * <p>A necessary condition of {@link TourRules#drivable}, never a sufficient one:
 * a break only makes a tour later (windows are sorted by start, so a later arrival never starts a
 * visit earlier), and where a bound is unsure it is left wide. {@code mayInsert == false} means
 * the place is not drivable; {@code true} still needs the full check.
 */
public final class InsertionCheck {

    private final TeamDay tour;
    private final TravelMatrix matrix;
    private final List<Visit> order;
    private final int appointments;
    /** done[i]: when visit i-1 is done (done[0]: shift start, at the base). */
    private final long[] done;
    /** Visits 0 .. onTimePrefix-1 are reachable and on time. */
    private final int onTimePrefix;
    /** latest[i]: latest arrival at visit i (i == size: back at the base) that can still work. */
    private final long[] latest;

    public InsertionCheck(TeamDay tour, List<Visit> order) {
        this.tour = tour;
        this.matrix = tour.getMatrix();
        this.order = order;
        int n = order.size();
        int day = tour.getDayIndex();
        int sum = 0;
        for (Visit visit : order) {
            sum += visit.getAppointments();
        }
        appointments = sum;

        done = new long[n + 1];
        done[0] = tour.getShiftStart();
        int prefix = 0;
        int from = tour.getBaseIndex();
        for (int i = 0; i < n; i++) {
            Visit visit = order.get(i);
            long end = endIfOnTime(visit, day, from, done[i]);
            if (end == Long.MIN_VALUE) {
                break;
            }
            done[i + 1] = end;
            from = visit.getLocationIndex();
            prefix = i + 1;
        }
        onTimePrefix = prefix;

        latest = new long[n + 1];
        latest[n] = tour.getShiftEnd();
        int next = tour.getBaseIndex();
        for (int i = n - 1; i >= 0; i--) {
            Visit visit = order.get(i);
            long travel = matrix.seconds(visit.getLocationIndex(), next);
            latest[i] = latest[i + 1] == Long.MIN_VALUE || travel < 0
                    ? Long.MIN_VALUE
                    : latestArrival(visit, visit.windowsOn(day), latest[i + 1] - travel);
            next = visit.getLocationIndex();
        }
    }

    /** False when {@code visit} at {@code position} (0 .. size) cannot leave the tour drivable. */
    public boolean mayInsert(Visit visit, int position) {
        if (appointments + visit.getAppointments() > tour.maxAppointments() || position > onTimePrefix) {
            return false;
        }
        int from = position == 0 ? tour.getBaseIndex() : order.get(position - 1).getLocationIndex();
        long end = endIfOnTime(visit, tour.getDayIndex(), from, done[position]);
        if (end == Long.MIN_VALUE) {
            return false;
        }
        int next = position == order.size() ? tour.getBaseIndex() : order.get(position).getLocationIndex();
        long onward = matrix.seconds(visit.getLocationIndex(), next);
        return onward >= 0 && end + onward <= latest[position];
    }

    /** When the visit is done after leaving {@code from} at {@code time}, or MIN_VALUE if it is not on time. */
    private long endIfOnTime(Visit visit, int day, int from, long time) {
        long travel = matrix.seconds(from, visit.getLocationIndex());
        if (travel < 0) {
            return Long.MIN_VALUE;
        }
        return TourRules.doneIfOnTime(visit.windowsOn(day), visit.getPinnedStart(), visit.getDurationSeconds(),
                time + travel);
    }

    /**
     * An upper bound of the arrivals at {@code visit} after which it can still be done by
     * {@code doneBy}: any later arrival starts it later than each window allows (or than its pinned
     * start). MIN_VALUE when no arrival can.
     */
    private static long latestArrival(Visit visit, long[] windows, long doneBy) {
        long duration = visit.getDurationSeconds();
        long lastStart = doneBy - duration;
        long pinned = visit.getPinnedStart();
        if (pinned >= 0) {
            return pinned <= lastStart ? pinned : Long.MIN_VALUE;
        }
        if (duration == 0) {
            return lastStart; // never outside a window (TourTimeline.overrun), so only the time bounds it
        }
        long best = Long.MIN_VALUE;
        for (int w = 0; w < windows.length; w += 2) {
            long startBy = Math.min(windows[w + 1] - duration, lastStart);
            if (startBy >= windows[w]) {
                best = Math.max(best, startBy);
            }
        }
        return best;
    }
}
