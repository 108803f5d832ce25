package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives a few tours a new visit order in one step; the tours' visit sets may differ from before as
 * long as together they hold the same visits. Built by {@link de.kuzmobil.planner.solver.ruin.RuinRecreateMoveFactory}. Its undo
 * is the same move with the orders as they are now.
 */
public final class RebuildToursMove extends AbstractMove<WeekPlan> {

    private final List<TeamDay> tours;
    private final List<List<Visit>> orders;

    public RebuildToursMove(List<TeamDay> tours, List<List<Visit>> orders) {
        this.tours = List.copyOf(tours);
        this.orders = orders.stream().map(List::copyOf).toList();
    }

    /**
     * Doable when it changes something and the tours still hold exactly the visits it reorders:
     * the move is built from a snapshot, and OptaPlanner may hand it over after another step has
     * changed these tours (it selects moves ahead), when applying it would lose or double visits.
     */
    @Override
    public boolean isMoveDoable(ScoreDirector<WeekPlan> scoreDirector) {
        boolean changes = false;
        Set<Visit> now = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int planned = 0;
        for (int i = 0; i < tours.size(); i++) {
            List<Visit> current = tours.get(i).getVisits();
            changes |= !current.equals(orders.get(i));
            now.addAll(current);
            planned += orders.get(i).size();
        }
        if (!changes || planned != now.size()) {
            return false;
        }
        for (List<Visit> order : orders) {
            if (!now.containsAll(order)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected RebuildToursMove createUndoMove(ScoreDirector<WeekPlan> scoreDirector) {
        return new RebuildToursMove(tours, tours.stream().map(t -> (List<Visit>) new ArrayList<>(t.getVisits()))
                .toList());
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<WeekPlan> scoreDirector) {
        for (TeamDay tour : tours) {
            scoreDirector.beforeListVariableChanged(tour, "visits", 0, tour.getVisits().size());
        }
        for (int i = 0; i < tours.size(); i++) {
            List<Visit> visits = tours.get(i).getVisits();
            visits.clear();
            visits.addAll(orders.get(i));
        }
        for (TeamDay tour : tours) {
            scoreDirector.afterListVariableChanged(tour, "visits", 0, tour.getVisits().size());
        }
    }

    @Override
    public RebuildToursMove rebase(ScoreDirector<WeekPlan> destination) {
        return new RebuildToursMove(rebaseList(tours, destination),
                orders.stream().map(order -> rebaseList(order, destination)).toList());
    }

    @Override
    public Collection<TeamDay> getPlanningEntities() {
        return tours;
    }

    @Override
    public Collection<Visit> getPlanningValues() {
        Set<Visit> values = new LinkedHashSet<>();
        orders.forEach(values::addAll);
        return values;
    }

    public List<TeamDay> getTours() {
        return tours;
    }

    public List<List<Visit>> getOrders() {
        return orders;
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "RebuildToursMove(TeamDay.visits)";
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tours.size(); i++) {
            out.append(tours.get(i).getId()).append(orders.get(i)).append(' ');
        }
        return out.toString().trim();
    }
}
