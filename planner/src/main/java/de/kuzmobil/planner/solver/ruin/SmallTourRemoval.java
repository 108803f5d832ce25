package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Empties a whole small tour; its visits go elsewhere, never back: the one way down to fewer tours
 * that is not a long series of small moves (fewer team-days, and usually less driving too). The tour
 * is the smaller of two random used ones (a tournament: small tours are the ones to empty).
 */
final class SmallTourRemoval implements Ruin {

    private final List<TeamDay> tours;

    SmallTourRemoval(List<TeamDay> tours) {
        this.tours = tours;
    }

    /** Null when fewer than two tours are used. */
    @Override
    public Ruined apply(Random random, TourOrders orders) {
        List<TeamDay> used = new ArrayList<>();
        for (TeamDay tour : tours) {
            if (tour.isUsed()) {
                used.add(tour);
            }
        }
        if (used.size() < 2) {
            return null;
        }
        TeamDay a = used.get(random.nextInt(used.size()));
        TeamDay b = used.get(random.nextInt(used.size()));
        TeamDay emptied = a.getVisits().size() <= b.getVisits().size() ? a : b;
        List<Visit> removed = new ArrayList<>();
        for (Visit visit : List.copyOf(emptied.getVisits())) {
            orders.takeOut(visit, removed);
        }
        return new Ruined(removed, emptied);
    }
}
