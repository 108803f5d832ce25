package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.Neighbours;
import de.kuzmobil.planner.solver.RebuildToursMove;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;

/**
 * Ruin and recreate: take a few neighbouring visits out of their tours ({@link Ruin}) and put each
 * back at the place that adds the least driving while its tour stays drivable ({@link Recreate}).
 * Single-visit moves get stuck where a whole neighbourhood has to change at once; on Solomon days the
 * search without this found the same plan whether it made 200k or 320k moves per second. The
 * recreate step checks a tour quickly (windows, return, break, capacity, skills, date, pinned starts);
 * the score of the result is the judge.
 *
 * <p>Custom properties (solver XML): {@code ruin} = {@code radial} ({@link RadialRuin}) or
 * {@code strings} ({@link StringRuin}); {@code routeRemoval} = the share of ruins that empty a whole
 * small tour instead ({@link SmallTourRemoval}); {@code recreateOrder} = {@code shuffle} or {@code sisr}
 * ({@link RecreateOrder}).
 */
public class RuinRecreateMoveFactory implements MoveIteratorFactory<WeekPlan, RebuildToursMove> {

    private enum RuinKind { RADIAL, STRINGS }

    private double routeRemoval = 0.1;
    private RuinKind ruinKind = RuinKind.RADIAL;
    private RecreateOrder recreateOrder = RecreateOrder.SHUFFLE;

    // built for each phase
    private Neighbours neighbours;
    private Ruin ruin;
    private Ruin tourRemoval;
    private Recreate recreate;

    public void setRouteRemoval(String share) {
        routeRemoval = Double.parseDouble(share);
    }

    public void setRuin(String kind) {
        ruinKind = parse(RuinKind.class, "ruin", kind);
    }

    public void setRecreateOrder(String kind) {
        recreateOrder = parse(RecreateOrder.class, "recreateOrder", kind);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String property, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(property + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()
                + ", not " + value);
    }

    @Override
    public void phaseStarted(ScoreDirector<WeekPlan> scoreDirector) {
        WeekPlan plan = scoreDirector.getWorkingSolution();
        neighbours = Neighbours.of(plan);
        ruin = ruinKind == RuinKind.STRINGS ? new StringRuin(neighbours, plan.getTeamDays()) : new RadialRuin(neighbours);
        tourRemoval = new SmallTourRemoval(plan.getTeamDays());
        recreate = new Recreate(plan, neighbours);
    }

    @Override
    public void phaseEnded(ScoreDirector<WeekPlan> scoreDirector) {
        neighbours = null;
        ruin = null;
        tourRemoval = null;
        recreate = null;
    }

    @Override
    public long getSize(ScoreDirector<WeekPlan> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().getVisits().size()
                * (RadialRuin.MAX_RUIN - RadialRuin.MIN_RUIN + 1);
    }

    @Override
    public Iterator<RebuildToursMove> createOriginalMoveIterator(ScoreDirector<WeekPlan> scoreDirector) {
        throw new UnsupportedOperationException("ruin and recreate supports random selection only");
    }

    @Override
    public Iterator<RebuildToursMove> createRandomMoveIterator(ScoreDirector<WeekPlan> scoreDirector, Random random) {
        if (neighbours == null) {
            phaseStarted(scoreDirector);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return neighbours.size() > 0;
            }

            @Override
            public RebuildToursMove next() {
                return ruinAndRecreate(random);
            }
        };
    }

    RebuildToursMove ruinAndRecreate(Random random) {
        TourOrders orders = new TourOrders();
        Ruin.Ruined ruined = random.nextDouble() < routeRemoval ? tourRemoval.apply(random, orders) : null;
        if (ruined == null) {
            ruined = ruin.apply(random, orders);
        }
        recreateOrder.arrange(ruined.removed(), random, recreate::secondsFromBase);
        for (Visit visit : ruined.removed()) {
            recreate.putBack(visit, random, orders, ruined.emptied());
        }
        return orders.toMove();
    }
}
