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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tail exchange on a solved random week: tours become head + other tail, every moved visit
 * knows its new tour, the incremental score equals one computed from scratch, and the undo
 * restores tours and score. Then the factory's moves: between two real tours, at nearby stops.
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
            TailExchangeMove move = moves.next();
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

    private static boolean near(Map<Visit, List<Visit>> nearest, Visit a, Visit b) {
        return nearest.get(a).contains(b) || nearest.get(b).contains(a);
    }

    private static Map<Visit, List<Visit>> nearestByTravel(WeekPlan plan) {
        Function<Visit, List<Visit>> byTravel = v -> plan.getVisits().stream().filter(o -> o != v)
                .sorted((x, y) -> Long.compare(plan.getMatrix().seconds(v.getLocationIndex(), x.getLocationIndex()),
                        plan.getMatrix().seconds(v.getLocationIndex(), y.getLocationIndex())))
                .limit(TailExchangeMoveFactory.NEARBY).toList();
        return plan.getVisits().stream().collect(Collectors.toMap(v -> v, byTravel));
    }

    private static List<Visit> concat(List<Visit> head, List<Visit> tail) {
        List<Visit> out = new ArrayList<>(head);
        out.addAll(tail);
        return out;
    }
}
