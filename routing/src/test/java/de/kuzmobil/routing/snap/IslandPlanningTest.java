package de.kuzmobil.routing.snap;

import static org.assertj.core.api.Assertions.assertThat;

import de.kuzmobil.planner.domain.AccessLeg;
import de.kuzmobil.planner.domain.BreakRule;
import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.OpeningRules;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.explain.UnassignedReason;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixRouter;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.routing.RoadRouting;
import de.kuzmobil.routing.RoutingConfig;
import de.kuzmobil.routing.graph.SyntheticGrid;
import de.kuzmobil.routing.graph.VehicleProfile;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A week planned on road times where one site lies on an island without a road to the mainland:
 * the solver runs, the island visit stays unassigned with the reason naming it, the rest is planned;
 * with a declared crossing the island is planned on manual legs.
 */
class IslandPlanningTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path dir;

    @Test
    void islandVisitIsUnassignedWithItsReasonAndTheRestIsPlanned() {
        try (RoadRouting routing = coastWithIsland()) {
            WeekProblem problem = week(routing, null);
            TravelMatrix matrix = MatrixRouter.uncached(routing.router()).matrix(WeekPlanFactory.locations(problem));
            WeekPlan solved = WeekPlanSolver.solve(WeekPlanFactory.build(problem, matrix),
                    SolverSettings.defaults().withSpent(Duration.ofSeconds(2), Duration.ofSeconds(1)));
            PlanView view = PlanView.of(solved);

            assertThat(solved.getScore().hardScore()).isZero();
            assertThat(view.tours()).flatExtracting(PlanView.Tour::stops).extracting(PlanView.Stop::siteName)
                    .containsExactlyInAnyOrder("Bergedorf", "Billstedt");
            assertThat(view.unassigned()).singleElement().satisfies(u -> {
                assertThat(u.siteName()).isEqualTo("Neuwerk");
                assertThat(u.reasonCode()).isEqualTo(UnassignedReason.Code.UNREACHABLE);
                assertThat(u.reason()).contains("Neuwerk");
            });
            assertThat(matrix.problems()).containsKey("site-2");
        }
    }

    @Test
    void withADeclaredCrossingTheIslandIsPlannedOnManualLegs() {
        try (RoadRouting routing = coastWithIsland()) {
            WeekProblem problem = week(routing, new AccessLeg("Schiff (test)", 45, Set.of(DayOfWeek.MONDAY)));
            TravelMatrix roads = MatrixRouter.uncached(routing.router()).matrix(WeekPlanFactory.locations(problem));
            WeekPlan solved = WeekPlanSolver.solve(WeekPlanFactory.build(problem, roads),
                    SolverSettings.defaults().withSpent(Duration.ofSeconds(2), Duration.ofSeconds(1)));
            PlanView view = PlanView.of(solved);

            assertThat(solved.getScore().hardScore()).isZero();
            assertThat(view.unassigned()).isEmpty();
            PlanView.Stop island = view.tours().stream().flatMap(t -> t.stops().stream())
                    .filter(s -> s.siteName().equals("Neuwerk")).findFirst().orElseThrow();
            assertThat(island.manualLeg()).isTrue();
            assertThat(view.tours().stream().flatMap(t -> t.stops().stream()).filter(s -> !s.siteName()
                    .equals("Neuwerk")).filter(s -> !s.manualLeg()).count()).as("mainland legs stay on roads")
                    .isPositive();
            assertThat(solved.getMatrix().problems()).doesNotContainKey("site-2");
        }
    }

    private RoadRouting coastWithIsland() {
        SyntheticGrid grid = new SyntheticGrid(20, 20, 120, 15, 3);
        this.grid = grid;
        Path osm = grid.writeTo(dir.resolve("coast-with-island.osm"));
        return RoadRouting.open(RoutingConfig.of(osm, dir.resolve("cache"), VehicleProfile.CAR, 300));
    }

    private SyntheticGrid grid;

    /** Two mainland care homes and the island, one team on Monday. */
    private WeekProblem week(RoadRouting routing, AccessLeg islandAccess) {
        double[] b = grid.mainlandBounds();
        double[] island = grid.islandCentre();
        OpeningRules weekdays = OpeningRules.weekdays(OpeningWindow.of("09:00", "16:00"));
        List<Site> sites = List.of(
                new Site("1", "Bergedorf", SiteKind.CARE_HOME, new Location("site-1", b[0] + 0.003, b[1] + 0.004),
                        15, weekdays),
                new Site("2", "Neuwerk", SiteKind.ISLAND, new Location("site-2", island[0], island[1]), 15,
                        weekdays, islandAccess),
                new Site("3", "Billstedt", SiteKind.CARE_HOME, new Location("site-3", b[2] - 0.002,
                        b[3] - 0.003), 15, weekdays));
        Team team = new Team("7", "Mobiles Team Ost", new Location("base", b[0] + 0.010, b[3] - 0.010),
                Set.of("biometric"), 40, BreakRule.defaultRule());
        List<Demand> demand = List.of(
                new Demand("d1", "1", "ID_CARD", 6, MONDAY, MONDAY.plusDays(4), 3),
                new Demand("d2", "2", "ID_CARD", 4, MONDAY, MONDAY.plusDays(4), 5),
                new Demand("d3", "3", "ID_CARD", 6, MONDAY, MONDAY.plusDays(4), 3));
        return WeekProblem.week(MONDAY, List.of(new ServiceType("ID_CARD", "ID card", 15, "biometric")), sites,
                List.of(team), List.of(new Shift("7", MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0))), demand,
                List.of(), List.of());
    }
}
