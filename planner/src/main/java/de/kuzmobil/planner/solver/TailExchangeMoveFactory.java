package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Random {@link TailExchangeMove}s between nearby stops: pick a planned visit a, one of its
 * nearest visits b on another tour, and make a→b (or b→a) the new leg, each tour keeping its head.
 * Random pairs of cut points would almost never join stops that belong together; nearby pairs
 * are the legs a good plan is made of. Only random selection: the full neighbourhood is O(n²).
 * With custom property {@code sameTour=reverse} a pair on one tour gives the 2-opt that makes them
 * neighbours ({@link SegmentReversalMove}); by default ({@code skip}) such a pair is drawn again.
 */
public class TailExchangeMoveFactory implements MoveIteratorFactory<WeekPlan, Move<WeekPlan>> {

    private static final int TRIES = 20;

    private boolean reverseSameTour;
    /** Candidates per visit; the draw favours the nearest (quadratic bias). */
    private Neighbours neighbours;

    @Override
    public void phaseStarted(ScoreDirector<WeekPlan> scoreDirector) {
        neighbours = Neighbours.of(scoreDirector.getWorkingSolution());
    }

    public void setSameTour(String sameTour) {
        if (!sameTour.equals("reverse") && !sameTour.equals("skip")) {
            throw new IllegalArgumentException("sameTour must be reverse or skip, was " + sameTour);
        }
        reverseSameTour = sameTour.equals("reverse");
    }

    @Override
    public long getSize(ScoreDirector<WeekPlan> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().getVisits().size() * Neighbours.NEARBY * 2;
    }

    @Override
    public Iterator<Move<WeekPlan>> createOriginalMoveIterator(ScoreDirector<WeekPlan> scoreDirector) {
        throw new UnsupportedOperationException("tail exchange supports random selection only");
    }

    @Override
    public Iterator<Move<WeekPlan>> createRandomMoveIterator(ScoreDirector<WeekPlan> scoreDirector, Random random) {
        if (neighbours == null) {
            phaseStarted(scoreDirector);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return neighbours.size() > 1;
            }

            @Override
            public Move<WeekPlan> next() {
                Move<WeekPlan> move = null;
                for (int t = 0; t < TRIES; t++) {
                    move = draw(random);
                    if (move != null && move.isMoveDoable(scoreDirector)) {
                        return move;
                    }
                }
                // Nothing doable found quickly: hand back a no-op the solver skips as not doable.
                return move != null ? move : noOp(scoreDirector.getWorkingSolution());
            }
        };
    }

    private Move<WeekPlan> draw(Random random) {
        int k = random.nextInt(neighbours.size());
        int[] candidates = neighbours.nearest(k);
        if (candidates.length == 0) {
            return null;
        }
        double u = random.nextDouble();
        Visit a = neighbours.visit(k);
        Visit b = neighbours.visit(candidates[(int) (u * u * candidates.length)]);
        TeamDay tourA = a.getTeamDay();
        TeamDay tourB = b.getTeamDay();
        if (tourA == null || tourB == null || !tourA.isReal() || !tourB.isReal()) {
            return null;
        }
        List<Visit> listA = tourA.getVisits();
        List<Visit> listB = tourB.getVisits();
        int i = listA.indexOf(a);
        int j = listB.indexOf(b);
        if (tourA == tourB) {
            if (!reverseSameTour) {
                return null;
            }
            // x[p] and x[q] become neighbours: reverse x[p+1..q] or x[p..q-1] (the two 2-opt variants)
            int p = Math.min(i, j);
            int q = Math.max(i, j);
            return random.nextBoolean() ? new SegmentReversalMove(tourA, p + 1, q)
                    : new SegmentReversalMove(tourA, p, q - 1);
        }
        return random.nextBoolean()
                ? new TailExchangeMove(tourA, i + 1, tourB, j)  // ... a, b ... on tour A
                : new TailExchangeMove(tourA, i, tourB, j + 1); // ... b, a ... on tour B
    }

    private static TailExchangeMove noOp(WeekPlan plan) {
        TeamDay any = plan.getTeamDays().get(0);
        return new TailExchangeMove(any, 0, any, 0);
    }

    @Override
    public void phaseEnded(ScoreDirector<WeekPlan> scoreDirector) {
        neighbours = null;
    }
}
