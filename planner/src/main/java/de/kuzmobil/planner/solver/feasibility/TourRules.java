package de.kuzmobil.planner.solver.feasibility;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;

import java.util.List;

/**
 * The hard rules of one tour as the heuristics check them on a candidate order: whether the order is
 * drivable, and when one visit is done if it starts on time. The constraints ({@code WeekPlanConstraints})
 * stay the statement of the rules; a property test holds this to them on random tours. Whether a visit
 * may join a tour at all (skills, date, a pinned team-day) is {@link Visit#mayGoTo}.
 */
public final class TourRules {

    private TourRules() {
    }

    /**
     * The tour in this order breaks no hard rule: capacity, every visit inside a window and at its pinned
     * start, every leg on a road, back at the base by the shift's end, the lunch break held.
     */
    public static boolean drivable(TeamDay tour, List<Visit> order) {
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

    /**
     * When a visit (its day's {@code windows}, {@code pinned} start or -1, {@code duration}) reached at
     * {@code ready} is done, starting as early as its windows and pin allow; {@link Long#MIN_VALUE} when
     * that start is outside every window or not the pinned one. Breaks are not counted: they only make
     * a tour later.
     */
    public static long doneIfOnTime(long[] windows, long pinned, long duration, long ready) {
        long start = TourTimeline.windowStart(windows, pinned >= 0 ? Math.max(ready, pinned) : ready, duration);
        if (TourTimeline.overrun(windows, start, duration) > 0 || (pinned >= 0 && start != pinned)) {
            return Long.MIN_VALUE;
        }
        return start + duration;
    }
}
