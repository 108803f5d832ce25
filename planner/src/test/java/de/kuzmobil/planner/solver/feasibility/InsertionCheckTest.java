package de.kuzmobil.planner.solver.feasibility;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.testkit.RandomWeek;
import de.kuzmobil.planner.testkit.WorkingPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constant-time insertion check never rules out a drivable place: every visit at every place
 * of every tour of solved random weeks (windows, split windows, pins, lunch breaks, capacity),
 * in the solved orders and in shuffled ones (late prefixes). It must also rule out most of the
 * places the full check refuses, or it saves nothing.
 */
class InsertionCheckTest {

    @ParameterizedTest
    @ValueSource(longs = {3, 17, 29})
    void refusesOnlyPlacesThatAreNotDrivable(long seed) {
        RandomWeek.Instance week = RandomWeek.generate(seed, 60, 4, 6, false);
        WeekPlan plan = WorkingPlans.solved(week, SolverSettings.defaults().withSeed(seed), 20_000L);
        Random random = new Random(seed);
        int drivable = 0;
        int refusedByBoth = 0;
        int refusedByTimelineOnly = 0;
        for (TeamDay tour : plan.getTeamDays()) {
            if (!tour.isReal()) {
                continue;
            }
            List<Visit> shuffled = new ArrayList<>(tour.getVisits());
            Collections.shuffle(shuffled, random);
            for (List<Visit> order : List.of(tour.getVisits(), shuffled)) {
                InsertionCheck check = new InsertionCheck(tour, order);
                for (Visit visit : plan.getVisits()) {
                    if (order.contains(visit) || !visit.mayGoTo(tour)) {
                        continue;
                    }
                    for (int p = 0; p <= order.size(); p++) {
                        List<Visit> trial = new ArrayList<>(order);
                        trial.add(p, visit);
                        boolean full = TourRules.drivable(tour, trial);
                        boolean quick = check.mayInsert(visit, p);
                        if (full) {
                            assertThat(quick).as("%s at %d in %s", visit.getId(), p, tour.getId()).isTrue();
                            drivable++;
                        } else if (quick) {
                            refusedByTimelineOnly++;
                        } else {
                            refusedByBoth++;
                        }
                    }
                }
            }
        }
        assertThat(drivable).isPositive();
        assertThat(refusedByBoth).isGreaterThan(4 * refusedByTimelineOnly);
    }
}
