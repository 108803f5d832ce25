package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.testkit.RandomWeek;
import de.kuzmobil.planner.testkit.WorkingPlans;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The tail exchange on a solved random week: tours become head + other tail, every moved visit
 * knows its new tour, the incremental score equals one computed from scratch, and the undo
 * restores tours and score. The same for the 2-opt inside a tour (segment reversal). Then the
 * factory's moves: between two real tours at nearby stops, and with {@code sameTour=reverse}
 * also reversals that make two nearby stops of one tour neighbours.
 */
class TailExchangeMoveTest {

    private final SolverSettings settings = SolverSettings.defaults().withSeed(11);

    private WeekPlan solvedWeek() {
        return WorkingPlans.solved(RandomWeek.generate(11, 60, 4, 0, false), settings, 20_000L);
    }

    private InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> scoreDirector(WeekPlan plan) {
        return WorkingPlans.scoreDirector(plan, settings, false);
    }

    @Test
    void swapsTailsKeepsScoreIncrementalAndUndoes() {
        WeekPlan plan = solvedWeek();
        List<TeamDay> used = plan.getTeamDays().stream().filter(t -> t.isReal() && t.getVisits().size() >= 2)
                .toList();
        assertThat(used).hasSizeGreaterThanOrEqualTo(2);
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        Random random = new Random(11);

        for (int round = 0; round < 40; round++) {
            TeamDay left = used.get(random.nextInt(used.size()));
            TeamDay right = used.get(random.nextInt(used.size()));
            if (left == right) {
                continue;
            }
            int leftCut = random.nextInt(left.getVisits().size() + 1);
            int rightCut = random.nextInt(right.getVisits().size() + 1);
            List<Visit> leftBefore = List.copyOf(left.getVisits());
            List<Visit> rightBefore = List.copyOf(right.getVisits());
            HardMediumSoftLongScore scoreBefore = director.calculateScore();
            TailExchangeMove move = new TailExchangeMove(left, leftCut, right, rightCut);
            if (!move.isMoveDoable(director)) {
                assertThat(leftCut == leftBefore.size() && rightCut == rightBefore.size()).isTrue();
                continue;
            }

            Move<WeekPlan> undo = move.doMove(director);

            assertThat(left.getVisits()).isEqualTo(concat(leftBefore.subList(0, leftCut),
                    rightBefore.subList(rightCut, rightBefore.size())));
            assertThat(right.getVisits()).isEqualTo(concat(rightBefore.subList(0, rightCut),
                    leftBefore.subList(leftCut, leftBefore.size())));
            left.getVisits().forEach(v -> assertThat(v.getTeamDay()).isSameAs(left));
            right.getVisits().forEach(v -> assertThat(v.getTeamDay()).isSameAs(right));
            HardMediumSoftLongScore incremental = director.calculateScore();
            assertThat(incremental).isEqualTo(scoreDirector(plan).calculateScore());

            if (random.nextBoolean()) {
                undo.doMove(director);
                assertThat(left.getVisits()).isEqualTo(leftBefore);
                assertThat(right.getVisits()).isEqualTo(rightBefore);
                assertThat(director.calculateScore()).isEqualTo(scoreBefore);
            }
        }
    }

    @Test
    void factoryJoinsNearbyStopsOfTwoRealTours() {
        WeekPlan plan = solvedWeek();
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        TailExchangeMoveFactory factory = new TailExchangeMoveFactory();
        factory.phaseStarted(director);
        Map<Visit, List<Visit>> nearest = nearestByTravel(plan);
        var moves = factory.createRandomMoveIterator(director, new Random(5));

        for (int i = 0; i < 200; i++) {
            TailExchangeMove move = (TailExchangeMove) moves.next();
            assertThat(move.isMoveDoable(director)).isTrue();
            assertThat(move.getLeft().isReal() && move.getRight().isReal()).isTrue();
            assertThat(move.getLeft()).isNotSameAs(move.getRight());
            // The new leg is between the last kept stop of one tour and the first taken of the other.
            Visit from = move.getLeftCut() > 0 ? move.getLeft().getVisits().get(move.getLeftCut() - 1) : null;
            Visit to = move.getRightCut() < move.getRight().getVisits().size()
                    ? move.getRight().getVisits().get(move.getRightCut()) : null;
            Visit fromRight = move.getRightCut() > 0 ? move.getRight().getVisits().get(move.getRightCut() - 1) : null;
            Visit toLeft = move.getLeftCut() < move.getLeft().getVisits().size()
                    ? move.getLeft().getVisits().get(move.getLeftCut()) : null;
            boolean joinsNearby = (from != null && to != null && near(nearest, from, to))
                    || (fromRight != null && toLeft != null && near(nearest, fromRight, toLeft));
            assertThat(joinsNearby).as("move %s joins two nearby stops", move).isTrue();
        }
    }

    @Test
    void segmentReversalTurnsTheSegmentKeepsScoreIncrementalAndUndoes() {
        WeekPlan plan = solvedWeek();
        List<TeamDay> used = plan.getTeamDays().stream().filter(t -> t.isReal() && t.getVisits().size() >= 3)
                .toList();
        assertThat(used).isNotEmpty();
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        Random random = new Random(12);
        int reversed = 0;
        for (int round = 0; round < 40; round++) {
            TeamDay tour = used.get(random.nextInt(used.size()));
            int size = tour.getVisits().size();
            int from = random.nextInt(size);
            int to = random.nextInt(size);
            List<Visit> before = List.copyOf(tour.getVisits());
            HardMediumSoftLongScore scoreBefore = director.calculateScore();
            SegmentReversalMove move = new SegmentReversalMove(tour, from, to);
            if (!move.isMoveDoable(director)) {
                assertThat(from).isGreaterThanOrEqualTo(to);
                continue;
            }
            assertThat(new PinnedVisitFilter().accept(director, move)).as("visits stay on their tour").isTrue();

            Move<WeekPlan> undo = move.doMove(director);

            List<Visit> expected = new ArrayList<>(before);
            Collections.reverse(expected.subList(from, to + 1));
            assertThat(tour.getVisits()).isEqualTo(expected);
            assertThat(director.calculateScore()).isEqualTo(scoreDirector(plan).calculateScore());
            reversed++;
            if (random.nextBoolean()) {
                undo.doMove(director);
                assertThat(tour.getVisits()).isEqualTo(before);
                assertThat(director.calculateScore()).isEqualTo(scoreBefore);
            }
        }
        assertThat(reversed).isPositive();
    }

    @Test
    void withSameTourReverseTheFactoryAlsoMakesNearbyStopsOfOneTourNeighbours() {
        WeekPlan plan = solvedWeek();
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        TailExchangeMoveFactory factory = new TailExchangeMoveFactory();
        factory.setSameTour("reverse");
        factory.phaseStarted(director);
        Map<Visit, List<Visit>> nearest = nearestByTravel(plan);
        var moves = factory.createRandomMoveIterator(director, new Random(6));
        int reversals = 0;
        int exchanges = 0;
        for (int i = 0; i < 300; i++) {
            Move<WeekPlan> move = moves.next();
            assertThat(move.isMoveDoable(director)).isTrue();
            if (move instanceof SegmentReversalMove reversal) {
                TeamDay tour = (TeamDay) reversal.getPlanningEntities().iterator().next();
                List<Visit> before = List.copyOf(tour.getVisits());
                Move<WeekPlan> undo = reversal.doMove(director);
                boolean joinsNearby = false;
                for (int k = 0; k + 1 < tour.getVisits().size(); k++) {
                    Visit a = tour.getVisits().get(k);
                    Visit b = tour.getVisits().get(k + 1);
                    int wasA = before.indexOf(a);
                    int wasB = before.indexOf(b);
                    joinsNearby |= Math.abs(wasA - wasB) > 1 && near(nearest, a, b);
                }
                assertThat(joinsNearby).as("reversal %s makes two nearby stops neighbours", move).isTrue();
                undo.doMove(director);
                reversals++;
            } else {
                assertThat(move).isInstanceOf(TailExchangeMove.class);
                exchanges++;
            }
        }
        assertThat(reversals).isPositive();
        assertThat(exchanges).isPositive();
        assertThat(catchThrowable(() -> factory.setSameTour("sometimes")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean near(Map<Visit, List<Visit>> nearest, Visit a, Visit b) {
        return nearest.get(a).contains(b) || nearest.get(b).contains(a);
    }

    private static Map<Visit, List<Visit>> nearestByTravel(WeekPlan plan) {
        Function<Visit, List<Visit>> byTravel = v -> plan.getVisits().stream().filter(o -> o != v)
                .sorted((x, y) -> Long.compare(plan.getMatrix().seconds(v.getLocationIndex(), x.getLocationIndex()),
                        plan.getMatrix().seconds(v.getLocationIndex(), y.getLocationIndex())))
                .limit(Neighbours.NEARBY).toList();
        return plan.getVisits().stream().collect(Collectors.toMap(v -> v, byTravel));
    }

    private static List<Visit> concat(List<Visit> head, List<Visit> tail) {
        List<Visit> out = new ArrayList<>(head);
        out.addAll(tail);
        return out;
    }
}
