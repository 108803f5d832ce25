package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.demand.VisitBuilder;
import de.kuzmobil.planner.domain.AccessLeg;
import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.OpeningRules;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.UnassignedReason.Code;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixTravelTimes;
import de.kuzmobil.planner.travel.TravelMatrix;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

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

    // ---- the order of the checks, and the reasons added with road times by default ----

    private static final Location FAR = new Location("far", 53.40, 9.70);

    /** Fixtures' roads plus a place three hours from the base each way. */
    private static TravelMatrix withFarPlace() {
        return new MatrixTravelTimes()
                .both(BASE.id(), CARE.id(), 20 * 60, 12_000)
                .both(BASE.id(), FAR.id(), 3 * 3600, 200_000)
                .problem(ISLAND.id(), "neuwerk: its road (38 m away) belongs to a small isolated road network")
                .matrix(List.of(BASE, CARE, FAR, ISLAND));
    }

    private static UnassignedReason reasonOnMatrix(TravelMatrix matrix, Site site, Demand demand) {
        WeekPlan plan = WeekPlanFactory.build(problem(List.of(site), List.of(demand), List.of()), matrix);
        move(plan, visitAt(plan, site.id()), plan.unassignedTour());
        WeekPlanFactory.refresh(plan);
        return UnassignedReasons.of(plan).get(visitAt(plan, site.id()).getId());
    }

    @Test
    void unreachableSaysWhyAndHowToPlanIt() {
        Site island = new Site("island", "Neuwerk", SiteKind.ISLAND, ISLAND, 15, CARE_HOME.opening());
        // even with no team on the demand's date: no road comes first
        UnassignedReason reason = reasonOnMatrix(withFarPlace(), island,
                new Demand("d", island.id(), ID_CARD.id(), 4, TUESDAY, TUESDAY, 1));

        assertThat(reason.code()).isEqualTo(Code.UNREACHABLE);
        assertThat(reason.message()).isEqualTo("no road connection between Neuwerk and any team's base (its road "
                + "(38 m away) belongs to a small isolated road network); declare an access leg (ship, tidal "
                + "carriage) to plan it");
    }

    @Test
    void aSiteFarFromAnyRoadIsToldToCheckItsCoordinates() {
        TravelMatrix offRoad = new MatrixTravelTimes().both(BASE.id(), CARE.id(), 20 * 60, 12_000)
                .problem(PRISON.id(), "prison: not within 300 m of a road (nearest road 413 m away)")
                .matrix(List.of(BASE, CARE, PRISON));
        UnassignedReason reason = reasonOnMatrix(offRoad, PRISON_SITE, monday("d", PRISON_SITE, ID_CARD, 2, 1));

        assertThat(reason.code()).isEqualTo(Code.UNREACHABLE);
        assertThat(reason.message()).isEqualTo("no road connection between JVA Fuhlsbüttel and any team's base (not "
                + "within 300 m of a road (nearest road 413 m away)); check the site's coordinates");
    }

    @Test
    void tooFarWhenTheDriveThereAndBackWithTheWorkFitsNoShift() {
        // 3 h there, 2 h 15 of work (15 + 8 × 15), 3 h back: 8 h 15 against 8 h shifts
        Site far = new Site("far", "Far away", SiteKind.CARE_HOME, FAR, 15, OpeningRules.weekdays(ALL_DAY));
        UnassignedReason reason = reasonOnMatrix(withFarPlace(), far, monday("d", far, ID_CARD, 8, 1));

        assertThat(reason.code()).isEqualTo(Code.TOO_FAR);
        assertThat(reason.message()).isEqualTo("too far: 3h00 there and 3h00 back from the nearest base "
                + "(Mobiles Team Ost), with 2h15 of work, fit no shift (longest 8h00)");
    }

    @Test
    void farButWithinAShiftIsNotTooFar() {
        // 3 h + 1 h 15 + 3 h fits 8 h; the window decides then
        Site far = new Site("far", "Far away", SiteKind.CARE_HOME, FAR, 15,
                OpeningRules.weekdays(OpeningWindow.of("08:00", "10:00")));
        UnassignedReason reason = reasonOnMatrix(withFarPlace(), far, monday("d", far, ID_CARD, 4, 1));

        assertThat(reason.code()).isEqualTo(Code.NO_WINDOW_FITS);
    }

    @Test
    void workLongerThanAnyShiftIsNotCalledTooFar() {
        Site site = careSite("c");
        WeekProblem twoHours = new WeekProblem(MONDAY, 7, List.of(ID_CARD), List.of(site), List.of(EAST),
                List.of(new Shift(EAST.id(), MONDAY, LocalTime.of(8, 0), LocalTime.of(10, 0))),
                List.of(monday("d", site, ID_CARD, 8, 1)), List.of(), List.of(),
                VisitBuilder.DEFAULT_MAX_VISIT_MINUTES);
        WeekPlan plan = WeekPlanFactory.build(twoHours, MATRIX);
        WeekPlanFactory.refresh(plan);

        UnassignedReason reason = UnassignedReasons.of(plan).get(visitAt(plan, "c").getId());
        assertThat(reason.code()).isEqualTo(Code.NO_WINDOW_FITS);
        assertThat(reason.message()).isEqualTo("2h15 of work is longer than any shift (longest 2h00)");
    }

    @Test
    void windowsAreCheckedBeforeSkills() {
        // no team has the skill, and the one-hour window could not hold 4 h 30 anyway
        UnassignedReason reason = reasonFor(ONE_HOUR_SITE, List.of(), monday("d", ONE_HOUR_SITE, CONDUCT, 51, 1));

        assertThat(reason.code()).isEqualTo(Code.NO_WINDOW_FITS);
    }

    @Test
    void islandWithAnAccessLegIsEligibleOnTheDaysItRuns() {
        Site island = new Site("island", "Neuwerk", SiteKind.ISLAND, ISLAND, 15, CARE_HOME.opening(),
                new AccessLeg("Schiff ab Cuxhaven", 90, Set.of(DayOfWeek.MONDAY)));
        UnassignedReason reason = reasonOnMatrix(withFarPlace(), island, monday("d", island, ID_CARD, 4, 1));

        assertThat(reason.code()).isEqualTo(Code.SOLVER_LEFT_ROOM);
    }

    @Test
    void islandWithAnAccessLegOnOtherDaysSaysWhenItRuns() {
        Site island = new Site("island", "Neuwerk", SiteKind.ISLAND, ISLAND, 15, CARE_HOME.opening(),
                new AccessLeg("Schiff ab Cuxhaven", 90, Set.of(DayOfWeek.WEDNESDAY, DayOfWeek.TUESDAY)));
        UnassignedReason reason = reasonOnMatrix(withFarPlace(), island, monday("d", island, ID_CARD, 4, 1));

        assertThat(reason.code()).isEqualTo(Code.NO_WINDOW_FITS);
        assertThat(reason.message())
                .isEqualTo("no way to Neuwerk on allowed dates: Schiff ab Cuxhaven runs on Tue, Wed only");
    }
}
