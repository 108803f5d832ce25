package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.Neighbours;
import de.kuzmobil.planner.solver.RebuildToursMove;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.feasibility.TourRules;
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
                    assertThat(TourRules.drivable(tour, tour.getVisits())).as(tour.getId()).isTrue();
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
     * visits inside the run stay), no longer than SISR's longest string, from at least one and at
     * most SISR's number of tours; unplanned visits met on the way come out, at most a longest
     * string's worth; every visit it reports as removed left exactly one tour. On a week that
     * nearly fits (4 teams) and one that is overfull (1 team: most visits unplanned).
     */
    @ParameterizedTest
    @CsvSource({"4, false", "1, true"})
    void stringRuinTakesOneRunPerTour(int teams, boolean overfull) {
        WeekPlan plan = WorkingPlans.solved(RandomWeek.generate(21, 60, teams, 6, false), settings, 20_000L);
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = scoreDirector(plan);
        StringRuin ruin = new StringRuin(Neighbours.of(plan), plan.getTeamDays());
        List<TeamDay> used = plan.getTeamDays().stream().filter(TeamDay::isUsed).toList();
        double longest = Math.min(10, used.stream().mapToInt(t -> t.getVisits().size()).average().orElseThrow());
        int maxTours = 1 + (int) (4.0 * StringRuin.AVERAGE_REMOVED / (1 + longest) - 1);
        assertThat(plan.unassignedTour().getVisits().size() > plan.getVisits().size() / 2).isEqualTo(overfull);
        Random random = new Random(21);
        int longRuns = 0;
        int pinsKept = 0;
        int unplannedOut = 0;
        for (int i = 0; i < 200; i++) {
            TourOrders orders = new TourOrders();
            List<Visit> removed = ruin.apply(random, orders).removed();
            List<TeamDay> touched = orders.touched();

            assertThat(removed).doesNotHaveDuplicates().isNotEmpty().noneMatch(Visit::isPinned);
            assertThat(touched.stream().filter(TeamDay::isReal).count()).isBetween(1L, (long) maxTours);
            int outOfTours = 0;
            for (TeamDay tour : touched) {
                List<Visit> before = tour.getVisits();
                List<Visit> after = orders.current(tour);
                List<Visit> out = before.stream().filter(v -> !after.contains(v)).toList();
                assertThat(removed).containsAll(out);
                assertThat(before).containsAll(after);
                outOfTours += out.size();
                if (tour.isReal()) {
                    int first = before.indexOf(out.get(0));
                    int last = before.indexOf(out.get(out.size() - 1));
                    List<Visit> run = before.subList(first, last + 1);
                    assertThat(run).as("one run from " + tour.getId()).allMatch(v -> out.contains(v) || v.isPinned());
                    assertThat(run.size()).isLessThanOrEqualTo((int) Math.ceil(longest));
                    longRuns += out.size() > 1 ? 1 : 0;
                    pinsKept += run.size() - out.size();
                } else {
                    assertThat(out.size()).isLessThanOrEqualTo((int) Math.ceil(longest));
                    unplannedOut += out.size();
                }
            }
            assertThat(outOfTours).isEqualTo(removed.size());
        }
        assertThat(longRuns).isPositive();
        if (overfull) {
            assertThat(unplannedOut).as("unplanned visits taken out").isPositive();
        } else {
            assertThat(pinsKept).as("strings through pinned visits").isPositive();
        }
        RuinRecreateMoveFactory factory = new RuinRecreateMoveFactory();
        assertThat(catchThrowable(() -> factory.setRuin("everything"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ruin must be one of [radial, strings], not everything");
        assertThat(catchThrowable(() -> factory.setRecreateOrder("alphabetical")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every start of a string through a given stop that fits in the tour is drawn, and no other. */
    @Test
    void stringStartIsUniformOverTheFittingStarts() {
        Random random = new Random(3);
        for (int size = 1; size <= 12; size++) {
            for (int length = 1; length <= size; length++) {
                for (int at = 0; at < size; at++) {
                    java.util.Set<Integer> starts = new java.util.TreeSet<>();
                    for (int i = 0; i < 200; i++) {
                        starts.add(StringRuin.stringStart(at, length, size, random));
                    }
                    java.util.Set<Integer> fitting = new java.util.TreeSet<>();
                    for (int first = 0; first + length <= size; first++) {
                        if (first <= at && at < first + length) {
                            fitting.add(first);
                        }
                    }
                    assertThat(starts).as("size %d length %d at %d", size, length, at).isEqualTo(fitting);
                }
            }
        }
    }

    /** SISR's recreate orders, stable: ties keep the shuffled order. */
    @Test
    void sisrOrderSortsByTheDraw() {
        WeekPlan plan = WorkingPlans.solved(RandomWeek.generate(17, 40, 3, 0, false), settings, 2_000L);
        List<Visit> shuffled = new ArrayList<>(plan.getVisits().subList(0, 20));
        java.util.Collections.shuffle(shuffled, new Random(17));
        Map<Visit, Long> seconds = new java.util.IdentityHashMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            seconds.put(shuffled.get(i), (long) (i * 7919 % 13)); // ties on purpose
        }
        java.util.function.ToLongFunction<Visit> fromBase = seconds::get;
        assertThat(shuffled.stream().map(Visit::getAppointments).distinct().count()).isGreaterThan(1);

        for (int draw = 0; draw < 11; draw++) {
            List<Visit> sorted = new ArrayList<>(shuffled);
            RecreateOrder.sisr(sorted, draw, fromBase);
            java.util.Comparator<Visit> expected = draw < 4 ? (a, b) -> 0
                    : draw < 8 ? java.util.Comparator.comparingInt(Visit::getAppointments).reversed()
                    : draw < 10 ? java.util.Comparator.comparingLong(fromBase).reversed()
                    : java.util.Comparator.comparingLong(fromBase);
            for (int i = 1; i < sorted.size(); i++) {
                Visit a = sorted.get(i - 1);
                Visit b = sorted.get(i);
                assertThat(expected.compare(a, b)).as("draw %d at %d", draw, i).isLessThanOrEqualTo(0);
                if (expected.compare(a, b) == 0) {
                    assertThat(shuffled.indexOf(a)).as("stable, draw %d", draw).isLessThan(shuffled.indexOf(b));
                }
            }
        }
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

    private static Map<TeamDay, List<Visit>> toursNow(WeekPlan plan) {
        return plan.getTeamDays().stream().collect(Collectors.toMap(Function.identity(), t -> List.copyOf(t.getVisits())));
    }
}
