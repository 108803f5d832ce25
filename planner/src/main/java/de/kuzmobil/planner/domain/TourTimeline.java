package de.kuzmobil.planner.domain;

import de.kuzmobil.planner.travel.TravelMatrix;

import java.util.List;

/**
 * Computes the times of one tour from its order and the travel matrix: leave the base at shift
 * start, drive, wait for a window if needed, serve, drive on, return to base.
 *
 * <p>Lunch break placement (decided here, documented in docs/planner.md): the break is held
 * <em>on site, after arriving and before a visit starts</em> – never while driving (driving is
 * working time) and never at the base (before the first or after the last leg it would not
 * interrupt work, which ArbZG §4 requires). Waiting for a window overlaps the break. It is placed
 * at the first arrival inside the break span, unless there it would push that visit out of its
 * window (or past its pinned start) while it still fits later; an arrival before the span takes it
 * (waiting for the span to open) only when it would no longer fit after the visit. The length
 * follows from the working time of the tour measured without the break. When no arrival allows it,
 * the break is not held and the hard constraint "Lunch break held" penalises the tour.
 */
public final class TourTimeline {

    private TourTimeline() {
    }

    /** One schedule per visit of the tour, in tour order; all null for the unassigned tour. */
    public static VisitSchedule[] compute(TeamDay tour) {
        return compute(tour, tour.getVisits());
    }

    /** The same for another order of visits on that tour (a candidate the solver weighs). */
    public static VisitSchedule[] compute(TeamDay tour, List<Visit> visits) {
        VisitSchedule[] out = new VisitSchedule[visits.size()];
        if (tour.isUnassignedTour() || visits.isEmpty()) {
            return out;
        }
        // First without a break; most days (and every Solomon day) need none, then that is the answer.
        long returnWithoutBreak = simulate(tour, visits, 0, -1, out);
        long work = returnWithoutBreak - tour.getShiftStart();
        long breakSeconds = tour.requiredBreakSeconds(work);
        if (breakSeconds > 0) {
            simulate(tour, visits, breakSeconds, work, out);
        }
        return out;
    }

    /** @param work working time without the break, -1 when this run is the one without the break */
    private static long simulate(TeamDay tour, List<Visit> visits, long breakSeconds, long work,
                                 VisitSchedule[] out) {
        TravelMatrix matrix = tour.getMatrix();
        int day = tour.getDayIndex();
        long spanStart = tour.getBreakSpanStart();
        long spanEnd = tour.getBreakSpanEnd();
        long time = tour.getShiftStart();
        int from = tour.getBaseIndex();
        boolean breakHeld = breakSeconds == 0;
        int n = visits.size();
        for (int i = 0; i < n; i++) {
            Visit visit = visits.get(i);
            int to = visit.getLocationIndex();
            long travel = legSeconds(matrix, from, to);
            long arrival = time + travel;
            long breakStart = -1;
            long breakEnd = -1;
            long ready = arrival;
            long[] windows = visit.windowsOn(day);
            long duration = visit.getDurationSeconds();
            if (!breakHeld && takeBreakHere(visit, windows, arrival, i == n - 1 ? null : visits.get(i + 1),
                    matrix, to, spanStart, spanEnd, breakSeconds)) {
                breakStart = Math.max(arrival, spanStart);
                breakEnd = breakStart + breakSeconds;
                ready = breakEnd;
                breakHeld = true;
            }
            long start = earliestStart(visit, windows, ready);
            if (out != null) {
                out[i] = schedule(visit, windows, matrix, from, arrival, breakStart, breakEnd, start);
            }
            time = start + duration;
            from = to;
        }
        long home = legSeconds(matrix, from, tour.getBaseIndex());
        long returnToBase = time + home;
        if (out != null) {
            out[n - 1] = ending(out[n - 1], tour, from, work < 0 ? returnToBase - tour.getShiftStart() : work,
                    breakSeconds, breakHeld);
        }
        return returnToBase;
    }

    /**
     * The latest time the team can leave its base without any stop starting later than it would when
     * leaving at shift start: shift start plus the idle time before the first visit (before its break,
     * when the break is held there). Waiting on site then remains only where a later window forces it.
     *
     * @param first the schedule of the tour's first visit
     */
    public static long latestDeparture(TeamDay tour, VisitSchedule first) {
        long idleUntil = first.hasBreak() ? first.breakStart() : first.start();
        return tour.getShiftStart() + Math.max(0, idleUntil - first.arrival());
    }

    /**
     * The schedule of {@code visit} reached from place {@code from}, left at {@code time}, on a tour
     * whose team never takes a break ({@link TeamDay#breakNeverDue}): what {@link #compute} gives
     * there, without the tour's end. Lets a tour be recomputed from a changed stop on.
     */
    public static VisitSchedule withoutBreak(TeamDay tour, Visit visit, int from, long time) {
        TravelMatrix matrix = tour.getMatrix();
        long[] windows = visit.windowsOn(tour.getDayIndex());
        long arrival = time + legSeconds(matrix, from, visit.getLocationIndex());
        return schedule(visit, windows, matrix, from, arrival, -1, -1, earliestStart(visit, windows, arrival));
    }

    /** {@code last} (from {@link #withoutBreak}, the tour's last visit) with the tour's end. */
    public static VisitSchedule endingWithoutBreak(TeamDay tour, Visit lastVisit, VisitSchedule last) {
        long returnToBase = last.end() + legSeconds(tour.getMatrix(), lastVisit.getLocationIndex(), tour.getBaseIndex());
        return ending(last, tour, lastVisit.getLocationIndex(), returnToBase - tour.getShiftStart(), 0, true);
    }

    private static VisitSchedule schedule(Visit visit, long[] windows, TravelMatrix matrix, int from, long arrival,
                                          long breakStart, long breakEnd, long start) {
        int to = visit.getLocationIndex();
        long duration = visit.getDurationSeconds();
        return new VisitSchedule(arrival, breakStart, breakEnd, start, start + duration,
                legSeconds(matrix, from, to), legMeters(matrix, from, to), overrun(windows, start, duration),
                !matrix.reachable(from, to), null);
    }

    private static VisitSchedule ending(VisitSchedule last, TeamDay tour, int from, long work, long breakSeconds,
                                        boolean breakHeld) {
        TravelMatrix matrix = tour.getMatrix();
        int base = tour.getBaseIndex();
        long home = legSeconds(matrix, from, base);
        return new VisitSchedule(last.arrival(), last.breakStart(), last.breakEnd(), last.start(), last.end(),
                last.travelSeconds(), last.travelMeters(), last.windowOverrunSeconds(), last.unreachableLeg(),
                new VisitSchedule.TourEnd(last.end() + home, home, legMeters(matrix, from, base),
                        !matrix.reachable(from, base), work, breakSeconds, breakHeld));
    }

    /**
     * Break before this visit? Only if it fits the span here. Then yes when it would not fit after
     * this visit any more; otherwise no while the span has not begun (no waiting for lunch), and
     * inside the span yes unless the break is what makes this visit miss its window or pinned start.
     */
    private static boolean takeBreakHere(Visit visit, long[] windows, long arrival, Visit next, TravelMatrix matrix,
                                         int at, long spanStart, long spanEnd, long breakSeconds) {
        long breakStart = Math.max(arrival, spanStart);
        if (breakStart + breakSeconds > spanEnd) {
            return false;
        }
        long duration = visit.getDurationSeconds();
        long startWithout = earliestStart(visit, windows, arrival);
        if (next == null || !fitsAfter(matrix, next, at, startWithout + duration, spanStart, spanEnd, breakSeconds)) {
            return true;
        }
        if (arrival < spanStart) {
            return false;
        }
        long startWith = earliestStart(visit, windows, breakStart + breakSeconds);
        return !(breaksVisit(visit, windows, startWith) && !breaksVisit(visit, windows, startWithout));
    }

    private static boolean breaksVisit(Visit visit, long[] windows, long start) {
        return overrun(windows, start, visit.getDurationSeconds()) > 0
                || (visit.getPinnedStart() >= 0 && start > visit.getPinnedStart());
    }

    private static boolean fitsAfter(TravelMatrix matrix, Visit next, int from, long end, long spanStart,
                                     long spanEnd, long breakSeconds) {
        long nextArrival = end + legSeconds(matrix, from, next.getLocationIndex());
        return Math.max(nextArrival, spanStart) + breakSeconds <= spanEnd;
    }

    /**
     * A visit pinned to a start time waits for it (arriving late is the hard constraint "Pinned
     * start time held"); otherwise the earliest start inside a window.
     */
    private static long earliestStart(Visit visit, long[] windows, long ready) {
        long notBefore = visit.getPinnedStart() >= 0 ? Math.max(ready, visit.getPinnedStart()) : ready;
        return windowStart(windows, notBefore, visit.getDurationSeconds());
    }

    /** An unreachable leg counts as 0 s here; the hard constraint "Road connection" reports it. */
    private static long legSeconds(TravelMatrix matrix, int from, int to) {
        long s = matrix.seconds(from, to);
        return s < 0 ? 0 : s;
    }

    private static long legMeters(TravelMatrix matrix, int from, int to) {
        long m = matrix.meters(from, to);
        return m < 0 ? 0 : m;
    }

    /**
     * Earliest start at or after {@code ready} inside one window that holds the whole visit; when
     * none does, the start that keeps most of the visit inside a window (the rest is overrun).
     *
     * @param windows [start0, end0, start1, end1, ...] sorted by start
     */
    public static long windowStart(long[] windows, long ready, long duration) {
        for (int i = 0; i < windows.length; i += 2) {
            long start = Math.max(ready, windows[i]);
            if (start + duration <= windows[i + 1]) {
                return start;
            }
        }
        long best = ready;
        long bestOverlap = -1;
        for (int i = 0; i < windows.length; i += 2) {
            long start = Math.max(ready, windows[i]);
            long overlap = Math.max(0, Math.min(start + duration, windows[i + 1]) - start);
            if (overlap > bestOverlap) {
                best = start;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    /** Seconds of [start, start + duration) outside the single window that covers it best. */
    public static long overrun(long[] windows, long start, long duration) {
        long bestOverlap = 0;
        for (int i = 0; i < windows.length; i += 2) {
            long overlap = Math.min(start + duration, windows[i + 1]) - Math.max(start, windows[i]);
            bestOverlap = Math.max(bestOverlap, overlap);
        }
        return duration - bestOverlap;
    }
}
