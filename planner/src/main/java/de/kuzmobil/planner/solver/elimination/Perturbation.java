package de.kuzmobil.planner.solver.elimination;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.solver.Neighbours;
import de.kuzmobil.planner.solver.feasibility.TourRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * After each ejection, random drivable relocations and swaps between neighbouring visits of two tours,
 * driving ignored: they keep the ejection search from cycling through the same few tours.
 */
final class Perturbation {

    /** Moves tried after each ejection (Nagata and Bräysy use more; ours are dearer). */
    private static final int MOVES = 100;
    /** A visit moves next to one of this many of its nearest. */
    private static final int NEIGHBOURS = 10;

    private final EliminationSearch search;
    private final TeamDay[] tours;
    private final Neighbours neighbours;
    private final Random random;

    Perturbation(EliminationSearch search, TeamDay[] tours, Neighbours neighbours, Random random) {
        this.search = search;
        this.tours = tours;
        this.neighbours = neighbours;
        this.random = random;
    }

    void run() {
        for (int k = 0; k < MOVES; k++) {
            int u = random.nextInt(neighbours.size());
            int tu = search.tourOf(u);
            int[] nearest = neighbours.nearest(u);
            Visit visitU = neighbours.visit(u);
            if (tu < 0 || visitU.isPinned() || nearest.length == 0) {
                continue;
            }
            int w = nearest[random.nextInt(Math.min(NEIGHBOURS, nearest.length))];
            int tw = search.tourOf(w);
            if (tw < 0 || tw == tu || !search.allowed(u, tw)) {
                continue;
            }
            Visit visitW = neighbours.visit(w);
            List<Visit> from = new ArrayList<>(search.order(tu));
            List<Visit> to = new ArrayList<>(search.order(tw));
            int uAt = from.indexOf(visitU);
            int wAt = to.indexOf(visitW);
            if (random.nextBoolean() && !visitW.isPinned() && search.allowed(w, tu)) {
                from.set(uAt, visitW);
                to.set(wAt, visitU);
            } else {
                from.remove(uAt);
                to.add(wAt + random.nextInt(2), visitU);
            }
            if (TourRules.drivable(tours[tw], to) && (from.isEmpty() || TourRules.drivable(tours[tu], from))) {
                search.set(tu, from);
                search.set(tw, to);
            }
        }
    }
}
