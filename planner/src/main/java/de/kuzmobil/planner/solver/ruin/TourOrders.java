package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.solver.RebuildToursMove;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tours one ruin and recreate changes, as working copies of their orders (taken when a tour is
 * first touched); the plan itself stays as it is until the move is done.
 */
final class TourOrders {

    private final Map<TeamDay, List<Visit>> orders = new IdentityHashMap<>();
    private final List<TeamDay> touched = new ArrayList<>();

    /** The tour's working order, copied on first use. */
    List<Visit> of(TeamDay tour) {
        return orders.computeIfAbsent(tour, t -> {
            touched.add(t);
            return new ArrayList<>(t.getVisits());
        });
    }

    /** The tour's working order if touched, else its order in the plan (not to be changed). */
    List<Visit> current(TeamDay tour) {
        List<Visit> order = orders.get(tour);
        return order != null ? order : tour.getVisits();
    }

    boolean isTouched(TeamDay tour) {
        return orders.containsKey(tour);
    }

    /** Touched tours, in the order they were first touched. */
    List<TeamDay> touched() {
        return touched;
    }

    /** Takes an unpinned visit out of its tour's working order, into {@code removed}. */
    void takeOut(Visit visit, List<Visit> removed) {
        if (visit.isPinned() || visit.getTeamDay() == null) {
            return;
        }
        if (of(visit.getTeamDay()).remove(visit)) {
            removed.add(visit);
        }
    }

    /** The tour the visit is on now: none for an unplanned one or one taken out of its tour. */
    TeamDay tourNow(Visit visit) {
        TeamDay tour = visit.getTeamDay();
        if (tour == null || tour.isUnassignedTour()) {
            return null;
        }
        List<Visit> order = orders.get(tour);
        return order == null || order.contains(visit) ? tour : null;
    }

    /** The move that gives each touched tour its working order (tours left as they were are left out). */
    RebuildToursMove toMove() {
        List<TeamDay> changed = new ArrayList<>();
        List<List<Visit>> changedOrders = new ArrayList<>();
        for (TeamDay tour : touched) {
            List<Visit> order = orders.get(tour);
            if (!order.equals(tour.getVisits())) {
                changed.add(tour);
                changedOrders.add(order);
            }
        }
        return new RebuildToursMove(changed, changedOrders);
    }
}
