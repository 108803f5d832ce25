package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.solver.Neighbours;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A random visit and its nearest, wherever they are: {@value #MIN_RUIN} to {@value #MAX_RUIN} of them. */
final class RadialRuin implements Ruin {

    static final int MIN_RUIN = 3;
    static final int MAX_RUIN = 12;

    private final Neighbours neighbours;

    RadialRuin(Neighbours neighbours) {
        this.neighbours = neighbours;
    }

    @Override
    public Ruined apply(Random random, TourOrders orders) {
        int size = MIN_RUIN + random.nextInt(MAX_RUIN - MIN_RUIN + 1);
        int seed = random.nextInt(neighbours.size());
        int[] nearest = neighbours.nearest(seed);
        List<Visit> removed = new ArrayList<>(size);
        orders.takeOut(neighbours.visit(seed), removed);
        for (int i = 0; i < nearest.length && removed.size() < size; i++) {
            orders.takeOut(neighbours.visit(nearest[i]), removed);
        }
        return new Ruined(removed, null);
    }
}
