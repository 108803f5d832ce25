package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.AccessLeg;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static de.kuzmobil.planner.testkit.Fixtures.*;
import static de.kuzmobil.planner.testkit.SmallWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The read model's tour: when the team leaves, how long it waits, which legs are declared crossings. */
class PlanViewTest {

    @Test
    void teamLeavesAsLateAsTheFirstWindowAllowsAndDoesNotWaitThere() {
        // base → one-hour site (09:00-10:00) is 20 min: leave 08:40, arrive 09:00, no wait
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(ONE_HOUR_SITE),
                List.of(monday("d", ONE_HOUR_SITE, ID_CARD, 2, 1)), List.of()), MATRIX);
        move(plan, visitAt(plan, ONE_HOUR_SITE.id()), tourOf(plan, EAST.id(), MONDAY));
        WeekPlanFactory.refresh(plan);

        PlanView.Tour tour = PlanView.of(plan).tours().get(0);
        assertThat(tour.shiftStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(tour.departure()).isEqualTo(LocalTime.of(8, 40));
        assertThat(tour.stops().get(0).arrival()).isEqualTo(LocalTime.of(9, 0));
        assertThat(tour.stops().get(0).start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(tour.stops().get(0).waitingSeconds()).isZero();
        assertThat(tour.waitingSeconds()).isZero();
        assertThat(tour.stops().get(0).manualLeg()).isFalse();
    }

    @Test
    void legsOverADeclaredCrossingAreManual() {
        Site island = new Site("island", "Neuwerk", SiteKind.ISLAND, ISLAND, 15, CARE_HOME.opening(),
                new AccessLeg("Schiff ab Cuxhaven", 90, Set.of()));
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(island, CARE_HOME),
                List.of(monday("i", island, ID_CARD, 4, 1), monday("c", CARE_HOME, ID_CARD, 2, 1)), List.of()),
                MATRIX);
        move(plan, visitAt(plan, "care"), tourOf(plan, EAST.id(), MONDAY));
        move(plan, visitAt(plan, "island"), tourOf(plan, EAST.id(), MONDAY));
        WeekPlanFactory.refresh(plan);

        PlanView.Tour tour = PlanView.of(plan).tours().get(0);
        // base → care by road (20 min); care → base → ship (20 + 90 min); ship back (90 min)
        assertThat(tour.stops()).extracting(PlanView.Stop::manualLeg).containsExactly(false, true);
        assertThat(tour.stops().get(1).travelSecondsFromPrevious()).isEqualTo((20 + 90) * 60);
        assertThat(tour.returnLegManual()).isTrue();
        assertThat(tour.travelSeconds()).isEqualTo((20 + 20 + 90 + 90) * 60);
        assertThat(plan.getMatrix().problems()).doesNotContainKey(ISLAND.id());
    }
}
