package de.kuzmobil.planner.domain;

import org.optaplanner.core.api.domain.variable.ListVariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

import java.util.List;
import java.util.Objects;

/**
 * Recomputes a whole tour whenever its list changes. Tours hold about a dozen visits and the lunch
 * break depends on the whole day, so recomputing from the first visit is simpler than patching
 * from the changed index and costs little. What is expensive is the score's reaction: a schedule
 * is announced only when a part the constraints read changed ({@link VisitSchedule#scoresAs});
 * a stop whose times merely shifted gets its new schedule silently. On Solomon days (tours of
 * 10-50 stops) that gave 10-25 % more moves per second (docs/benchmarks.md, second round).
 */
public class TourScheduleListener implements ListVariableListener<WeekPlan, TeamDay, Visit> {

    @Override
    public void afterListVariableChanged(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour, int fromIndex,
                                         int toIndex) {
        update(scoreDirector, tour);
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
            Visit visit = visits.get(i);
            VisitSchedule old = visit.getSchedule();
            if (old != null && old.scoresAs(schedules[i], visit.getPinnedStart() >= 0)) {
                visit.setSchedule(schedules[i]);
            } else if (!Objects.equals(old, schedules[i])) {
                scoreDirector.beforeVariableChanged(visit, "schedule");
                visit.setSchedule(schedules[i]);
                scoreDirector.afterVariableChanged(visit, "schedule");
            }
        }
    }

    @Override
    public void beforeListVariableChanged(ScoreDirector<WeekPlan> scoreDirector, TeamDay tour, int fromIndex,
                                          int toIndex) {
        // Nothing to remember: the after-event recomputes the whole tour.
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
