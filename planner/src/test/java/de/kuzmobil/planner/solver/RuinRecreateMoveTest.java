package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.testkit.RandomWeek;
import de.kuzmobil.planner.testkit.WorkingPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Ruin and recreate on a solved random week with pins: every visit stays in exactly one tour,
 * pinned visits stay on their tours, every real tour the recreate step put a visit into passes
 * the hard constraints, the incremental score equals one from scratch, and the undo restores it.
 */
class RuinRecreateMoveTest {

    private final SolverSettings settings = SolverSettings.defaults().withSeed(13);

    private InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> scoreDirector(WeekPlan plan) {
        return WorkingPlans.scoreDirector(plan, settings, true);
    }

    @ParameterizedTest
    @CsvSource({"radial, shuffle", "strings, shuffle", "strings, sisr"})
    void rebuildsNeighbourhoodsConsistentlyAndUndoes(String ruin, String recreateOrder) {
        RandomWeek.Instance week = RandomWeek.generate(13, 60, 4, 6, false);
        WeekPlan plan = WorkingPlans.solved(week, settings, 20_000L);
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        RuinRecreateMoveFactory factory = new RuinRecreateMoveFactory();
        factory.setRuin(ruin);
        factory.setRecreateOrder(recreateOrder);
        factory.phaseStarted(director);
        var moves = factory.createRandomMoveIterator(director, new Random(13));
        Random coin = new Random(13);
        int done = 0;

        for (int i = 0; i < 60; i++) {
            RebuildToursMove move = moves.next();
            if (!move.isMoveDoable(director)) {
                continue;
            }
            Map<TeamDay, List<Visit>> before = toursNow(plan);
            HardMediumSoftLongScore scoreBefore = director.calculateScore();

            Move<WeekPlan> undo = move.doMove(director);
            done++;

            WorkingPlans.assertToursConsistent(plan, week);
            for (int t = 0; t < move.getTours().size(); t++) {
                TeamDay tour = move.getTours().get(t);
                boolean gained = !before.get(tour).containsAll(tour.getVisits());
                if (tour.isReal() && gained) {
                    assertThat(RuinRecreateMoveFactory.drivable(tour, tour.getVisits())).as(tour.getId()).isTrue();
                }
            }
            assertThat(director.calculateScore()).isEqualTo(scoreDirector(plan).calculateScore());

            if (coin.nextBoolean()) {
                undo.doMove(director);
                assertThat(toursNow(plan)).isEqualTo(before);
                assertThat(director.calculateScore()).isEqualTo(scoreBefore);
            }
        }
        assertThat(done).isGreaterThan(30);
    }

    /**
     * The string ruin takes one run of consecutive visits out of each tour it touches (pinned
     * visits inside the run stay), from at least one tour, fewer than SISR's bound in all, and only
     * visits that were planned or unplanned before; nothing is lost or doubled.
     */
    @Test
    void stringRuinTakesOneRunPerTour() {
        WeekPlan plan = WorkingPlans.solved(RandomWeek.generate(21, 60, 4, 6, false), settings, 20_000L);
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        RuinRecreateMoveFactory factory = new RuinRecreateMoveFactory();
        factory.setRuin("strings");
        factory.phaseStarted(director);
        Random random = new Random(21);
        int longRuns = 0;
        for (int i = 0; i < 200; i++) {
            Map<TeamDay, List<Visit>> orders = new java.util.IdentityHashMap<>();
            List<TeamDay> touched = new ArrayList<>();
            List<Visit> removed = factory.ruinStrings(random, orders, touched);

            assertThat(removed).doesNotHaveDuplicates().isNotEmpty().noneMatch(Visit::isPinned);
            assertThat(touched).anyMatch(TeamDay::isReal);
            // SISR's bound: fewer than 4 x the average, however long the tours
            assertThat(removed.stream().filter(Visit::isAssigned).count())
                    .isLessThan(4L * RuinRecreateMoveFactory.AVERAGE_REMOVED);
            for (TeamDay tour : touched) {
                List<Visit> before = tour.getVisits();
                List<Visit> after = orders.get(tour);
                List<Visit> out = before.stream().filter(v -> !after.contains(v)).toList();
                assertThat(removed).containsAll(out);
                assertThat(before).containsAll(after);
                if (tour.isReal()) {
                    int first = before.indexOf(out.get(0));
                    int last = before.indexOf(out.get(out.size() - 1));
                    assertThat(before.subList(first, last + 1)).as("one run from " + tour.getId())
                            .allMatch(v -> out.contains(v) || v.isPinned());
                    longRuns += out.size() > 1 ? 1 : 0;
                }
            }
        }
        assertThat(longRuns).isPositive();
        assertThat(catchThrowable(() -> factory.setRuin("everything"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> factory.setRecreateOrder("alphabetical")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** OptaPlanner may select a move before another step changes its tours: it must then not apply. */
    @Test
    void staleRebuildIsNotDoable() {
        WeekPlan plan = WorkingPlans.solved(RandomWeek.generate(13, 60, 4, 0, false), settings, 20_000L);
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        List<TeamDay> used = plan.getTeamDays().stream().filter(t -> t.isReal() && t.getVisits().size() >= 2)
                .toList();
        TeamDay a = used.get(0);
        TeamDay b = used.get(1);
        List<Visit> reversed = new ArrayList<>(a.getVisits());
        java.util.Collections.reverse(reversed);
        RebuildToursMove selected = new RebuildToursMove(List.of(a), List.of(reversed));
        assertThat(selected.isMoveDoable(director)).isTrue();

        List<Visit> aNow = new ArrayList<>(a.getVisits());
        List<Visit> bNow = new ArrayList<>(b.getVisits());
        bNow.add(aNow.remove(0));
        new RebuildToursMove(List.of(a, b), List.of(aNow, bNow)).doMove(director);

        assertThat(selected.isMoveDoable(director)).isFalse();
    }

    @Test
    void drivableMirrorsTheHardConstraints() {
        WeekPlan plan = WorkingPlans.solved(RandomWeek.generate(17, 40, 3, 0, false), settings, 5_000L);
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        Random random = new Random(17);
        List<TeamDay> tours = plan.getTeamDays().stream().filter(TeamDay::isReal).toList();
        int checked = 0;
        int undrivable = 0;
        // Random reorders of real tours: a tour is drivable exactly when it has no hard violation.
        for (int i = 0; i < 200; i++) {
            TeamDay tour = tours.get(random.nextInt(tours.size()));
            if (tour.getVisits().size() < 2) {
                continue;
            }
            List<Visit> order = new ArrayList<>(tour.getVisits());
            java.util.Collections.shuffle(order, random);
            List<TeamDay> one = List.of(tour);
            new RebuildToursMove(one, List.of(order)).doMove(director);
            director.calculateScore();
            long hard = director.getConstraintMatchTotalMap().values().stream()
                    .filter(total -> WeekPlanConstraints.HARD.contains(total.getConstraintName()))
                    .flatMap(total -> total.getConstraintMatchSet().stream())
                    .filter(match -> match.getJustification() instanceof Violation v && tour.getId().equals(v.teamDayId()))
                    .count();
            boolean drivable = RuinRecreateMoveFactory.drivable(tour, tour.getVisits());
            assertThat(drivable).as("%s %s", tour.getId(), order).isEqualTo(hard == 0);
            checked++;
            undrivable += drivable ? 0 : 1;
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(undrivable).isBetween(1, checked - 1);
    }

    private static Map<TeamDay, List<Visit>> toursNow(WeekPlan plan) {
        return plan.getTeamDays().stream().collect(Collectors.toMap(Function.identity(), t -> List.copyOf(t.getVisits())));
    }
}
