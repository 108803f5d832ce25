package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * 2-opt* between two tours: each keeps its first visits and takes the other's tail. One move
 * re-links two routes in the middle, merges one into the other (a cut at 0 and one at the end)
 * or carries a long run of stops across, none of which the list moves (single visits, sub-lists
 * of a few) can do in one step. Orientation is kept, so time windows along the tails mostly still
 * fit. Its own undo: swapping the tails back is the same cut on the changed tours. Pins are the
 * {@link PinnedVisitFilter}'s business, as for the built-in moves.
 */
public final class TailExchangeMove extends AbstractMove<WeekPlan> {

    private final TeamDay left;
    private final int leftCut;
    private final TeamDay right;
    private final int rightCut;

    /** {@code left} keeps its first {@code leftCut} visits, {@code right} its first {@code rightCut}. */
    public TailExchangeMove(TeamDay left, int leftCut, TeamDay right, int rightCut) {
        this.left = left;
        this.leftCut = leftCut;
        this.right = right;
        this.rightCut = rightCut;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<WeekPlan> scoreDirector) {
        int leftTail = left.getVisits().size() - leftCut;
        int rightTail = right.getVisits().size() - rightCut;
        return left != right && left.isReal() && right.isReal()
                && leftTail >= 0 && rightTail >= 0 && leftTail + rightTail > 0;
    }

    @Override
    protected TailExchangeMove createUndoMove(ScoreDirector<WeekPlan> scoreDirector) {
        return new TailExchangeMove(left, leftCut, right, rightCut);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<WeekPlan> scoreDirector) {
        List<Visit> leftVisits = left.getVisits();
        List<Visit> rightVisits = right.getVisits();
        int leftSize = leftVisits.size();
        int rightSize = rightVisits.size();
        List<Visit> leftTail = new ArrayList<>(leftVisits.subList(leftCut, leftSize));
        List<Visit> rightTail = new ArrayList<>(rightVisits.subList(rightCut, rightSize));
        scoreDirector.beforeListVariableChanged(left, "visits", leftCut, leftSize);
        scoreDirector.beforeListVariableChanged(right, "visits", rightCut, rightSize);
        leftVisits.subList(leftCut, leftSize).clear();
        rightVisits.subList(rightCut, rightSize).clear();
        leftVisits.addAll(rightTail);
        rightVisits.addAll(leftTail);
        scoreDirector.afterListVariableChanged(left, "visits", leftCut, leftVisits.size());
        scoreDirector.afterListVariableChanged(right, "visits", rightCut, rightVisits.size());
    }

    @Override
    public TailExchangeMove rebase(ScoreDirector<WeekPlan> destinationScoreDirector) {
        return new TailExchangeMove(destinationScoreDirector.lookUpWorkingObject(left), leftCut,
                destinationScoreDirector.lookUpWorkingObject(right), rightCut);
    }

    @Override
    public Collection<TeamDay> getPlanningEntities() {
        return List.of(left, right);
    }

    @Override
    public Collection<Visit> getPlanningValues() {
        List<Visit> moved = new ArrayList<>(left.getVisits().subList(Math.min(leftCut, left.getVisits().size()),
                left.getVisits().size()));
        moved.addAll(right.getVisits().subList(Math.min(rightCut, right.getVisits().size()), right.getVisits().size()));
        return moved;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "TailExchangeMove(TeamDay.visits)";
    }

    public TeamDay getLeft() {
        return left;
    }

    public int getLeftCut() {
        return leftCut;
    }

    public TeamDay getRight() {
        return right;
    }

    public int getRightCut() {
        return rightCut;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TailExchangeMove m && m.left == left && m.leftCut == leftCut && m.right == right
                && m.rightCut == rightCut;
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(left), leftCut, System.identityHashCode(right), rightCut);
    }

    @Override
    public String toString() {
        return left.getId() + "[" + leftCut + "..] <-> " + right.getId() + "[" + rightCut + "..]";
    }
}
