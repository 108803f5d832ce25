package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.solver.Neighbours;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * SISR's string removal (Christiaens and Vanden Berghe 2020, with their defaults: about
 * {@link #AVERAGE_REMOVED} visits, strings of at most {@link #MAX_STRING}): a random visit, then
 * it and its nearest in turn; the first time one lies on a tour, a string of random length
 * through it comes out of that tour, until a random number of tours has lost one. This frees a
 * stretch of road in each tour rather than scattered holes. Unplanned visits met on the way come
 * out too, to get their chance, but no more than the longest string may have: in an overfull week
 * most neighbours are unplanned, and each costs a failed recreate. Pinned visits stay (a string
 * through them loses fewer visits). SISR's split strings, which keep a few stops inside the run,
 * did worse (docs/decisions.md, eighth round).
 */
final class StringRuin implements Ruin {

    static final int AVERAGE_REMOVED = 10;
    static final int MAX_STRING = 10;

    private final Neighbours neighbours;
    private final List<TeamDay> tours;

    StringRuin(Neighbours neighbours, List<TeamDay> tours) {
        this.neighbours = neighbours;
        this.tours = tours;
    }

    @Override
    public Ruined apply(Random random, TourOrders orders) {
        double longest = Math.min(MAX_STRING, averageTourLength());
        double maxTours = 4.0 * AVERAGE_REMOVED / (1 + longest) - 1;
        int tourCount = 1 + (int) (random.nextDouble() * maxTours);
        int seed = random.nextInt(neighbours.size());
        int[] nearest = neighbours.nearest(seed);
        List<Visit> removed = new ArrayList<>();
        List<TeamDay> ruined = new ArrayList<>();
        int unplanned = 0;
        for (int i = -1; i < nearest.length && ruined.size() < tourCount; i++) {
            Visit visit = neighbours.visit(i < 0 ? seed : nearest[i]);
            TeamDay tour = visit.getTeamDay();
            if (tour == null || visit.isPinned() || ruined.contains(tour)) {
                continue;
            }
            if (tour.isUnassignedTour()) {
                if (unplanned++ < longest) {
                    orders.takeOut(visit, removed);
                }
                continue;
            }
            ruined.add(tour);
            List<Visit> order = orders.of(tour);
            int length = 1 + (int) (random.nextDouble() * Math.min(order.size(), longest));
            int first = stringStart(order.indexOf(visit), length, order.size(), random);
            for (Visit out : List.copyOf(order.subList(first, first + length))) {
                orders.takeOut(out, removed);
            }
        }
        return new Ruined(removed, null);
    }

    /** Where a string of {@code length} through position {@code at} of a tour of {@code size} starts, uniformly. */
    static int stringStart(int at, int length, int size, Random random) {
        int from = Math.max(0, at - length + 1);
        int to = Math.min(at, size - length);
        return from + random.nextInt(to - from + 1);
    }

    private double averageTourLength() {
        int used = 0;
        int stops = 0;
        for (TeamDay tour : tours) {
            if (tour.isUsed()) {
                used++;
                stops += tour.getVisits().size();
            }
        }
        return used == 0 ? 1 : (double) stops / used;
    }
}
