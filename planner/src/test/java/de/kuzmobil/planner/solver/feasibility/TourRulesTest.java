package de.kuzmobil.planner.solver.feasibility;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.RebuildToursMove;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.Violation;
import de.kuzmobil.planner.solver.WeekPlanConstraints;
import de.kuzmobil.planner.testkit.RandomWeek;
import de.kuzmobil.planner.testkit.WorkingPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feasibility core against the constraints, on random tours of solved random weeks (windows, split
 * windows, pins, lunch breaks, capacity, skills): each tour reordered at random, and often given one
 * more visit from elsewhere at a random place. A tour breaks no hard constraint exactly when every
 * visit may join it ({@link Visit#mayGoTo}) and {@link TourRules#drivable} holds.
 */
class TourRulesTest {

    @ParameterizedTest
    @ValueSource(longs = {17, 23})
    void aTourBreaksNoHardRuleExactlyWhenTheCoreSaysItFits(long seed) {
        SolverSettings settings = SolverSettings.defaults().withSeed(seed);
        WeekPlan plan = WorkingPlans.solved(RandomWeek.generate(seed, 40, 3, 4, false), settings, 5_000L);
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director = WorkingPlans.scoreDirector(plan, settings, true);
        Random random = new Random(seed);
        List<TeamDay> tours = plan.getTeamDays().stream().filter(TeamDay::isReal).toList();
        int checked = 0;
        int fits = 0;
        int joinedByOneThatMayNot = 0;
        for (int i = 0; i < 300; i++) {
            TeamDay tour = tours.get(random.nextInt(tours.size()));
            if (tour.getVisits().size() < 2) {
                continue;
            }
            List<TeamDay> changed = new ArrayList<>(List.of(tour));
            List<List<Visit>> orders = new ArrayList<>();
            List<Visit> order = new ArrayList<>(tour.getVisits());
            Collections.shuffle(order, random);
            orders.add(order);
            Visit other = plan.getVisits().get(random.nextInt(plan.getVisits().size()));
            if (random.nextBoolean() && other.getTeamDay() != tour) {
                List<Visit> source = new ArrayList<>(other.getTeamDay().getVisits());
                source.remove(other);
                changed.add(other.getTeamDay());
                orders.add(source);
                order.add(random.nextInt(order.size() + 1), other);
                joinedByOneThatMayNot += other.mayGoTo(tour) ? 0 : 1;
            }
            new RebuildToursMove(changed, orders).doMove(director);
            director.calculateScore();

            boolean core = tour.getVisits().stream().allMatch(v -> v.mayGoTo(tour))
                    && TourRules.drivable(tour, tour.getVisits());
            assertThat(core).as("%s %s", tour.getId(), order).isEqualTo(hardViolations(director, tour) == 0);
            checked++;
            fits += core ? 1 : 0;
        }
        assertThat(checked).isGreaterThan(150);
        assertThat(fits).isBetween(1, checked - 1);
        assertThat(joinedByOneThatMayNot).as("visits that may not join (skills, date, pins)").isPositive();
    }

    private static long hardViolations(InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director, TeamDay tour) {
        return director.getConstraintMatchTotalMap().values().stream()
                .filter(total -> WeekPlanConstraints.HARD.contains(total.getConstraintName()))
                .flatMap(total -> total.getConstraintMatchSet().stream())
                .filter(match -> match.getJustification() instanceof Violation v && tour.getId().equals(v.teamDayId()))
                .count();
    }
}
