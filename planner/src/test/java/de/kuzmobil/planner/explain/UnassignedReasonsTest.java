package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.UnassignedReason.Code;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static de.kuzmobil.planner.testkit.Fixtures.*;
import static de.kuzmobil.planner.testkit.SmallWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each reason code from a plan where the cause is known by construction. */
class UnassignedReasonsTest {

    private static UnassignedReason reasonFor(Site site, List<Site> others, Demand... demand) {
        List<Site> sites = new java.util.ArrayList<>(others);
        sites.add(site);
        WeekPlan plan = WeekPlanFactory.build(problem(sites, List.of(demand), List.of()), MATRIX);
        move(plan, visitAt(plan, site.id()), plan.unassignedTour());
        WeekPlanFactory.refresh(plan);
        return UnassignedReasons.of(plan).get(visitAt(plan, site.id()).getId());
    }

    @Test
    void noSkilledTeam() {
        Site site = careSite("c");
        UnassignedReason reason = reasonFor(site, List.of(), monday("d", site, CONDUCT, 4, 1));

        assertThat(reason.code()).isEqualTo(Code.NO_SKILLED_TEAM);
        assertThat(reason.message())
                .isEqualTo("no team with skill certificates on allowed dates (2026-11-30 to 2026-11-30)");
    }

    @Test
    void noTeamOnAllowedDates() {
        Site site = careSite("c");
        UnassignedReason reason = reasonFor(site, List.of(),
                new Demand("d", site.id(), ID_CARD.id(), 4, TUESDAY, TUESDAY, 1));

        assertThat(reason.code()).isEqualTo(Code.NO_TEAM_ON_ALLOWED_DATES);
    }

    @Test
    void noWindowFitsFourAndAHalfHours() {
        // 15 set-up + 17 × 15 = 270 min against a 60 min window.
        UnassignedReason reason = reasonFor(ONE_HOUR_SITE, List.of(), monday("d", ONE_HOUR_SITE, ID_CARD, 17, 1));

        assertThat(reason.code()).isEqualTo(Code.NO_WINDOW_FITS);
        assertThat(reason.message()).isEqualTo("no window fits 4h30 of work on allowed dates");
    }

    @Test
    void unreachableIsland() {
        Site island = new Site("island", "Neuwerk", SiteKind.ISLAND, ISLAND, 15, CARE_HOME.opening());
        UnassignedReason reason = reasonFor(island, List.of(), monday("d", island, ID_CARD, 4, 1));

        assertThat(reason.code()).isEqualTo(Code.UNREACHABLE);
    }

    @Test
    void moreAppointmentsThanAnyTeamServesADay() {
        // 45 collections × 5 min + 15 = 240 min fits a window, but team Ost serves at most 40 a day.
        Site site = careSite("c");
        UnassignedReason reason = reasonFor(site, List.of(), monday("d", site, COLLECTION, 45, 1));

        assertThat(reason.code()).isEqualTo(Code.CAPACITY);
        assertThat(reason.message()).isEqualTo("capacity: 45 appointments, eligible teams serve at most 40 a day");
    }

    @Test
    void displacedByHigherPriority() {
        // Only team Ost registers; its Monday holds a priority-3 visit.
        Site high = careSite("high");
        Site low = careSite("low");
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(high, low),
                List.of(monday("h", high, REGISTRATION, 20, 3), monday("l", low, REGISTRATION, 4, 1)), List.of()),
                MATRIX);
        move(plan, visitAt(plan, "high"), tourOf(plan, EAST.id(), MONDAY));
        move(plan, visitAt(plan, "low"), plan.unassignedTour());
        WeekPlanFactory.refresh(plan);

        UnassignedReason reason = UnassignedReasons.of(plan).get("low_1");
        assertThat(reason.code()).isEqualTo(Code.DISPLACED_BY_HIGHER_PRIORITY);
        assertThat(reason.message()).contains("high_1 (priority 3)");
    }

    @Test
    void sameOrLowerPriorityMeansNoTimeLeft() {
        Site other = careSite("other");
        Site low = careSite("low");
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(other, low),
                List.of(monday("o", other, REGISTRATION, 20, 1), monday("l", low, REGISTRATION, 4, 1)), List.of()),
                MATRIX);
        move(plan, visitAt(plan, "other"), tourOf(plan, EAST.id(), MONDAY));
        move(plan, visitAt(plan, "low"), plan.unassignedTour());
        WeekPlanFactory.refresh(plan);

        assertThat(UnassignedReasons.of(plan).get("low_1").code()).isEqualTo(Code.NO_TIME_LEFT);
    }

    @Test
    void emptyEligibleTourSaysTheSolverLeftRoom() {
        Site site = careSite("c");
        UnassignedReason reason = reasonFor(site, List.of(), monday("d", site, ID_CARD, 4, 1));

        assertThat(reason.code()).isEqualTo(Code.SOLVER_LEFT_ROOM);
    }
}
