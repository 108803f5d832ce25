package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import org.optaplanner.core.impl.heuristic.selector.list.SubList;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.ListSwapMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListChangeMove;
import org.optaplanner.core.impl.heuristic.selector.move.generic.list.SubListSwapMove;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;

/**
 * Rejects every local-search move that would take a pinned visit off its tour. OptaPlanner 10
 * accepts {@code @PlanningPin} on list-variable entities but ignores it, so pins are pre-assigned
 * before solving and this filter sits first on every move selector of the local search.
 *
 * <p>Moves inside one tour are let through: a pinned visit may change position in its own tour
 * (its pinned start time, if any, is a hard constraint). The 2-opt and k-opt move classes are
 * package-private in 10.1.0: 2-opt is read by reflection; for k-opt (k ≥ 3) a move spanning
 * several tours is rejected as soon as one of them holds a pin, without looking at which
 * segments travel. The planner's own moves are checked too: a tail exchange may not carry a pin in
 * either tail, a ruin and recreate may not take a pin out of its tour (it never picks one; the
 * filter keeps that promise checked). Unknown move types are rejected when any tour holds a pin –
 * safe over clever.
 */
public class PinnedVisitFilter implements SelectionFilter<WeekPlan, Move<WeekPlan>> {

    @Override
    public boolean accept(ScoreDirector<WeekPlan> scoreDirector, Move<WeekPlan> move) {
        if (move instanceof ListChangeMove<WeekPlan> change) {
            return change.getSourceEntity() == change.getDestinationEntity()
                    || !((Visit) change.getMovedValue()).isPinned();
        }
        if (move instanceof ListSwapMove<WeekPlan> swap) {
            return swap.getLeftEntity() == swap.getRightEntity()
                    || (!((Visit) swap.getLeftValue()).isPinned() && !((Visit) swap.getRightValue()).isPinned());
        }
        if (move instanceof SubListChangeMove<WeekPlan> change) {
            return change.getSourceEntity() == change.getDestinationEntity()
                    || !containsPin((TeamDay) change.getSourceEntity(), change.getFromIndex(),
                    change.getFromIndex() + change.getSubListSize());
        }
        if (move instanceof SubListSwapMove<WeekPlan> swap) {
            SubList left = swap.getLeftSubList();
            SubList right = swap.getRightSubList();
            return left.getEntity() == right.getEntity()
                    || (!containsPin(left) && !containsPin(right));
        }
        if (move instanceof TailExchangeMove tails) {
            return !containsPin(tails.getLeft(), tails.getLeftCut(), tails.getLeft().getVisits().size())
                    && !containsPin(tails.getRight(), tails.getRightCut(), tails.getRight().getVisits().size());
        }
        if (move instanceof SegmentReversalMove) {
            return true; // its visits stay on their tour
        }
        if (move instanceof RebuildToursMove rebuild) {
            return keepsPins(rebuild);
        }
        String type = move.getClass().getSimpleName();
        if (type.equals("TwoOptListMove")) {
            Object first = invoke(move, "getFirstEntity");
            Object second = invoke(move, "getSecondEntity");
            return first == second || (!holdsPin(first) && !holdsPin(second));
        }
        if (type.equals("KOptListMove")) {
            Collection<?> tours = move.getPlanningEntities();
            return tours.size() <= 1 || tours.stream().noneMatch(PinnedVisitFilter::holdsPin);
        }
        if (type.equals("NoChangeMove") || type.equals("ListAssignMove")) {
            return true;
        }
        return scoreDirector.getWorkingSolution().getTeamDays().stream().noneMatch(PinnedVisitFilter::holdsPin);
    }

    /** Every pinned visit of a rebuilt tour is still in that tour's new order. */
    private static boolean keepsPins(RebuildToursMove rebuild) {
        for (int i = 0; i < rebuild.getTours().size(); i++) {
            TeamDay tour = rebuild.getTours().get(i);
            if (tour.getPinnedVisitCount() > 0) {
                for (Visit visit : tour.getVisits()) {
                    if (visit.isPinned() && !rebuild.getOrders().get(i).contains(visit)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean containsPin(SubList subList) {
        return containsPin((TeamDay) subList.getEntity(), subList.getFromIndex(), subList.getToIndex());
    }

    private static boolean containsPin(TeamDay tour, int fromIndex, int toIndex) {
        if (tour.getPinnedVisitCount() == 0) {
            return false;
        }
        List<Visit> visits = tour.getVisits();
        for (int i = fromIndex; i < toIndex; i++) {
            if (visits.get(i).isPinned()) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsPin(Object tour) {
        return ((TeamDay) tour).getPinnedVisitCount() > 0;
    }

    private static Object invoke(Object target, String getter) {
        try {
            Method method = target.getClass().getMethod(getter);
            method.setAccessible(true);
            return method.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OptaPlanner changed " + target.getClass() + "." + getter, e);
        }
    }
}
