package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.Neighbours;
import de.kuzmobil.planner.solver.feasibility.CheapestPlace;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Puts a removed visit back at its cheapest drivable place among the tours of its neighbours, the
 * tours already changed and one empty tour (never the emptied one, and no empty tour while a tour is
 * being emptied), or on the unassigned list. Rarely ({@value #BLINK}) the best place is skipped for
 * the next ("blinks", SISR), so that repeated ruins of one area do not always rebuild the same tours.
 */
final class Recreate {

    /** Tours of this many nearest neighbours are where a visit may go back. */
    private static final int NEIGHBOUR_TOURS = 10;
    private static final double BLINK = 0.01;

    private final Neighbours neighbours;
    private final List<TeamDay> tours;
    private final TeamDay unassigned;
    private final TravelMatrix matrix;
    /**
     * Per visit, the drive from the nearest base of any tour (the recreate order's "far" and
     * "near"; whether the visit may join that tour does not matter for an order). Long.MAX_VALUE
     * when no base reaches it.
     */
    private final long[] baseSeconds;

    Recreate(WeekPlan plan, Neighbours neighbours) {
        this.neighbours = neighbours;
        this.tours = plan.getTeamDays();
        this.unassigned = plan.unassignedTour();
        this.matrix = plan.getMatrix();
        baseSeconds = new long[neighbours.size()];
        for (int i = 0; i < baseSeconds.length; i++) {
            baseSeconds[i] = Long.MAX_VALUE;
            for (TeamDay tour : tours) {
                long there = tour.isReal()
                        ? matrix.seconds(tour.getBaseIndex(), neighbours.visit(i).getLocationIndex()) : -1;
                if (there >= 0) {
                    baseSeconds[i] = Math.min(baseSeconds[i], there);
                }
            }
        }
    }

    long secondsFromBase(Visit visit) {
        return baseSeconds[neighbours.indexOf(visit)];
    }

    void putBack(Visit visit, Random random, TourOrders orders, TeamDay emptied) {
        List<TeamDay> candidates = new ArrayList<>(orders.touched());
        int[] near = neighbours.nearest(neighbours.indexOf(visit));
        for (int i = 0; i < Math.min(NEIGHBOUR_TOURS, near.length); i++) {
            TeamDay tour = orders.tourNow(neighbours.visit(near[i]));
            if (tour != null && !candidates.contains(tour)) {
                candidates.add(tour);
            }
        }
        TeamDay empty = emptied == null ? emptyTourFor(visit, orders) : null;
        if (empty != null && !candidates.contains(empty)) {
            candidates.add(empty);
        }
        candidates.remove(emptied);
        List<TeamDay> eligible = new ArrayList<>();
        List<List<Visit>> current = new ArrayList<>();
        for (TeamDay tour : candidates) {
            if (tour.isReal() && visit.mayGoTo(tour)) {
                eligible.add(tour);
                current.add(orders.current(tour));
            }
        }
        int[] place = CheapestPlace.find(visit, eligible, current, matrix, () -> random.nextDouble() >= BLINK);
        if (place != null) {
            orders.of(eligible.get(place[0])).add(place[1], visit);
        } else {
            orders.of(unassigned).add(visit);
        }
    }

    private TeamDay emptyTourFor(Visit visit, TourOrders orders) {
        for (TeamDay tour : tours) {
            if (tour.isReal() && orders.current(tour).isEmpty() && visit.mayGoTo(tour)) {
                return tour;
            }
        }
        return null;
    }
}
