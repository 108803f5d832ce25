package de.kuzmobil.planner.domain;

import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

import java.util.List;
import java.util.Objects;

/**
 * Recomputes a tour's times whenever its list changes. Where the team takes a lunch break, the
 * whole tour: the break depends on the whole day, and such tours hold about a dozen visits. Where
 * it never does (the Solomon benchmark's teams, tours of up to 50 stops), only from the change
 * until the times agree with the old ones again (docs/decisions.md, eleventh round). What is
 * expensive either way is the score's reaction: a schedule is announced only when a part the
 * constraints read changed ({@link VisitSchedule#scoresAs}); a stop whose times merely shifted gets
 * its new schedule silently. On Solomon days that gave 10-25 % more moves per second
 * (docs/decisions.md, second round).
 *
 * <p>Recomputing from the change relies on one event per tour and move, with the range of stops
 * that changed: true of OptaPlanner's list moves and of ours (WeekPlanSolverTest checks every
 * stop against a full recompute under FULL_ASSERT).
 */
public class TourScheduleListener implements ListVariableListener<WeekPlan, TeamDay, Visit> {

    @Override
    public void afterListVariableChanged(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour, int fromIndex,
                                         int toIndex) {
        if (tour.isReal() && tour.breakNeverDue() && fromIndex <= tour.getVisits().size()) {
            updateFrom(scoreDirector, tour, Math.max(0, fromIndex - 1), toIndex);
        } else {
            update(scoreDirector, tour);
        }
    }

    @Override
    public void afterListVariableElementUnassigned(ScoreDirector<WeekPlan> scoreDirector, Visit visit) {
        if (visit.getSchedule() != null) {
            scoreDirector.beforeVariableChanged(visit, "schedule");
            visit.setSchedule(null);
            scoreDirector.afterVariableChanged(visit, "schedule");
        }
    }

    @Override
    public void afterEntityAdded(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour) {
        update(scoreDirector, tour);
    }

    static void update(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour) {
        List<Visit> visits = tour.getVisits();
        VisitSchedule[] schedules = TourTimeline.compute(tour);
        for (int i = 0; i < schedules.length; i++) {
            set(scoreDirector, visits.get(i), schedules[i]);
        }
    }

    /**
     * For a team that never takes a break, where a stop's times follow from its predecessor's
     * alone: recomputes from {@code first} (the stop before the change, which may have gained or
     * lost the tour's end) and stops at the first stop at or after {@code changedUpTo} whose
     * schedule comes out as before, because the stops after it are the same ones in the same order
     * as before the change. On long tours (Solomon's 3-vehicle days, 30-50 stops) waiting for a
     * window usually absorbs a change within a few stops.
     */
    private static void updateFrom(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour, int first, int changedUpTo) {
        List<Visit> visits = tour.getVisits();
        int n = visits.size();
        VisitSchedule before = first == 0 ? null : visits.get(first - 1).getSchedule();
        if (first > 0 && before == null) {
            update(scoreDirector, tour);
            return;
        }
        int from = first == 0 ? tour.getBaseIndex() : visits.get(first - 1).getLocationIndex();
        long time = first == 0 ? tour.getShiftStart() : before.end();
        for (int i = first; i < n; i++) {
            Visit visit = visits.get(i);
            VisitSchedule schedule = TourTimeline.withoutBreak(tour, visit, from, time);
            if (i == n - 1) {
                schedule = TourTimeline.endingWithoutBreak(tour, visit, schedule);
            }
            if (i >= changedUpTo && schedule.equals(visit.getSchedule())) {
                return;
            }
            set(scoreDirector, visit, schedule);
            from = visit.getLocationIndex();
            time = schedule.end();
        }
    }

    private static void set(ScoreDirector<WeekPlan> scoreDirector, Visit visit, VisitSchedule schedule) {
        VisitSchedule old = visit.getSchedule();
        if (old != null && old.scoresAs(schedule, visit.getPinnedStart() >= 0)) {
            visit.setSchedule(schedule);
        } else if (!Objects.equals(old, schedule)) {
            scoreDirector.beforeVariableChanged(visit, "schedule");
            visit.setSchedule(schedule);
            scoreDirector.afterVariableChanged(visit, "schedule");
        }
    }

    @Override
    public void beforeListVariableChanged(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour, int fromIndex,
                                          int toIndex) {
        // Nothing to remember: the after-event recomputes from the changed stops on.
    }

    @Override
    public void beforeEntityAdded(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour) {
    }

    @Override
    public void beforeEntityRemoved(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour) {
    }

    @Override
    public void afterEntityRemoved(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour) {
    }
}
