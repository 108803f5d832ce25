package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * 2-opt inside one tour: the visits from {@code from} to {@code to} (inclusive) are driven in the
 * opposite order, which replaces the two legs at the segment's ends. On long tours with wide
 * windows (three or four tours for a hundred stops) the crossings left behind are often longer
 * than the six visits a reversing sub-list move can turn. Its own undo. It never takes a visit off
 * its tour, so pins stay (a pinned start time is a hard constraint like any other).
 */
public final class SegmentReversalMove extends AbstractMove<WeekPlan> {

    private final TeamDay tour;
    private final int from;
    private final int to;

    public SegmentReversalMove(TeamDay tour, int from, int to) {
        this.tour = tour;
        this.from = from;
        this.to = to;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<WeekPlan> scoreDirector) {
        return tour.isReal() && from >= 0 && from < to && to < tour.getVisits().size();
    }

    @Override
    protected SegmentReversalMove createUndoMove(ScoreDirector<WeekPlan> scoreDirector) {
        return new SegmentReversalMove(tour, from, to);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<WeekPlan> scoreDirector) {
        scoreDirector.beforeListVariableChanged(tour, "visits", from, to + 1);
        Collections.reverse(tour.getVisits().subList(from, to + 1));
        scoreDirector.afterListVariableChanged(tour, "visits", from, to + 1);
    }

    @Override
    public SegmentReversalMove rebase(ScoreDirector<WeekPlan> destinationScoreDirector) {
        return new SegmentReversalMove(destinationScoreDirector.lookUpWorkingObject(tour), from, to);
    }

    @Override
    public Collection<TeamDay> getPlanningEntities() {
        return List.of(tour);
    }

    @Override
    public Collection<Visit> getPlanningValues() {
        int size = tour.getVisits().size();
        return List.copyOf(tour.getVisits().subList(Math.min(from, size), Math.min(to + 1, size)));
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "SegmentReversalMove(TeamDay.visits)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentReversalMove m && m.tour == tour && m.from == from && m.to == to;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(tour), from, to);
    }

    @Override
    public String toString() {
        return tour.getId() + "[" + from + ".." + to + "] reversed";
    }
}
