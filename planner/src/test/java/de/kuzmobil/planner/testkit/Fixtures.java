package de.kuzmobil.planner.testkit;

import de.kuzmobil.planner.domain.BreakRule;
import de.kuzmobil.planner.domain.DemandShare;
import de.kuzmobil.planner.domain.MonthlyRule;
import de.kuzmobil.planner.domain.OpeningRules;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.MatrixTravelTimes;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Named test data for the constraint tests. Driving times (both directions):
 * <pre>
 *   BASE ↔ CARE   20 min  12 km
 *   BASE ↔ BANK   30 min  20 km
 *   BASE ↔ PRISON 45 min  35 km
 *   CARE ↔ BANK   25 min  16 km
 *   CARE ↔ PRISON 40 min  30 km
 *   BANK ↔ PRISON 35 min  25 km
 *   ISLAND: no road to anything (UNREACHABLE)
 * </pre>
 * The plan starts on Monday 2026-11-30 and spans 14 days: Thursday 2026-12-03 is the 1st
 * Thursday of December, 2026-12-10 the 2nd.
 */
public final class Fixtures {

    public static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    public static final LocalDate TUESDAY = MONDAY.plusDays(1);
    public static final LocalDate FIRST_THURSDAY = LocalDate.of(2026, 12, 3);
    public static final LocalDate SECOND_THURSDAY = LocalDate.of(2026, 12, 10);
    public static final int DAYS = 14;

    public static final Location BASE = new Location("base-mitte", 53.55, 10.0);
    public static final Location CARE = new Location("care-home", 53.57, 10.05);
    public static final Location BANK = new Location("bank-curslack", 53.45, 10.22);
    public static final Location PRISON = new Location("prison", 53.60, 9.95);
    public static final Location ISLAND = new Location("neuwerk", 53.92, 8.50);

    public static final TravelMatrix MATRIX = new MatrixTravelTimes()
            .both(BASE.id(), CARE.id(), 20 * 60, 12_000)
            .both(BASE.id(), BANK.id(), 30 * 60, 20_000)
            .both(BASE.id(), PRISON.id(), 45 * 60, 35_000)
            .both(CARE.id(), BANK.id(), 25 * 60, 16_000)
            .both(CARE.id(), PRISON.id(), 40 * 60, 30_000)
            .both(BANK.id(), PRISON.id(), 35 * 60, 25_000)
            .matrix(List.of(BASE, CARE, BANK, PRISON, ISLAND));

    public static final ServiceType ID_CARD = new ServiceType("id-card", "ID card", 15, "id-documents");
    public static final ServiceType REGISTRATION = new ServiceType("registration", "Registration", 8, "registration");

    public static final OpeningWindow ALL_DAY = OpeningWindow.of("07:00", "21:00");

    /** Open all day on weekdays. */
    public static final Site CARE_HOME = new Site("care", "Care home Horn", SiteKind.CARE_HOME, CARE, 15,
            OpeningRules.weekdays(ALL_DAY));
    /** Only the 2nd Thursday of the month, 09:30-18:00 (the real Haspa slots). */
    public static final Site BANK_BRANCH = new Site("bank", "Haspa Curslack", SiteKind.BANK_BRANCH, BANK, 15,
            OpeningRules.monthlyOnly(new MonthlyRule(2, DayOfWeek.THURSDAY, OpeningWindow.of("09:30", "18:00"))));
    /** Two windows a day: 09:00-10:00 and 14:00-18:00. */
    public static final Site PRISON_SITE = new Site("prison", "JVA Fuhlsbüttel", SiteKind.PRISON, PRISON, 30,
            OpeningRules.weekdays(OpeningWindow.of("09:00", "10:00"), OpeningWindow.of("14:00", "18:00")));
    public static final Site CARE_TWO_WINDOWS = new Site("care2", "Care home two windows", SiteKind.CARE_HOME, CARE,
            15, OpeningRules.weekdays(OpeningWindow.of("09:00", "10:00"), OpeningWindow.of("14:00", "18:00")));
    public static final Site NEUWERK = new Site("neuwerk", "Neuwerk", SiteKind.ISLAND, ISLAND, 15,
            OpeningRules.weekdays(ALL_DAY));

    public static final Team EAST = new Team("east", "Mobiles Team Ost", BASE, Set.of("id-documents", "registration"),
            40, BreakRule.defaultRule());
    public static final Team SOUTH_ID_ONLY = new Team("south", "Mobiles Team Süd", BASE, Set.of("id-documents"),
            20, BreakRule.defaultRule());

    private Fixtures() {
    }

    public static Visit visit(String id, Site site, LocalDate earliest, LocalDate latest, DemandShare... shares) {
        Visit visit = new Visit(id, site, List.of(shares), earliest, latest);
        visit.index(MONDAY, DAYS, MATRIX.indexOf(site.location().id()));
        return visit;
    }

    /** A visit allowed on every day of the horizon. */
    public static Visit visit(String id, Site site, DemandShare... shares) {
        return visit(id, site, MONDAY, MONDAY.plusDays(DAYS - 1), shares);
    }

    public static DemandShare idCards(int appointments) {
        return new DemandShare("d-id", ID_CARD, appointments, 1);
    }

    public static DemandShare registrations(int appointments) {
        return new DemandShare("d-reg", REGISTRATION, appointments, 1);
    }

    public static TeamDay teamDay(Team team, LocalDate date, String start, String end) {
        return new TeamDay(team, new Shift(team.id(), date, LocalTime.parse(start), LocalTime.parse(end)),
                (int) (date.toEpochDay() - MONDAY.toEpochDay()), MATRIX);
    }

    /**
     * Puts the visits on the tour and sets the shadow values as the listener would: the
     * ConstraintVerifier does not run variable listeners.
     */
    public static TeamDay tour(TeamDay tour, Visit... visits) {
        tour.setVisits(new ArrayList<>(List.of(visits)));
        VisitSchedule[] schedules = TourTimeline.compute(tour);
        for (int i = 0; i < visits.length; i++) {
            visits[i].setTeamDay(tour);
            visits[i].setSchedule(schedules[i]);
        }
        return tour;
    }

    public static long at(String time) {
        return LocalTime.parse(time).toSecondOfDay();
    }
}
