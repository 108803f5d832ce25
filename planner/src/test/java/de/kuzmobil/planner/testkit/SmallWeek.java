package de.kuzmobil.planner.testkit;

import de.kuzmobil.planner.demand.VisitBuilder;
import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.OpeningRules;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.travel.Location;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static de.kuzmobil.planner.testkit.Fixtures.*;

/**
 * A hand-made Monday for the explanation tests: team Ost (ID documents + registration, 40 a day)
 * and team Süd (ID documents only, 20 a day), both 08:00-16:00 from the base; sites at the care
 * home location (20 min from base) unless named otherwise.
 */
public final class SmallWeek {

    public static final ServiceType CONDUCT = new ServiceType("conduct", "Certificate of good conduct", 5,
            "certificates");
    public static final ServiceType COLLECTION = new ServiceType("collection", "Collect document", 5, "id-documents");

    private SmallWeek() {
    }

    public static Site careSite(String id) {
        return new Site(id, "Care " + id, SiteKind.CARE_HOME, CARE, 15, OpeningRules.weekdays(ALL_DAY));
    }

    public static final Site ONE_HOUR_SITE = new Site("one-hour", "Open one hour", SiteKind.LIBRARY, CARE, 15,
            OpeningRules.weekdays(OpeningWindow.of("09:00", "10:00")));

    public static Demand monday(String id, Site site, ServiceType service, int appointments, int priority) {
        return new Demand(id, site.id(), service.id(), appointments, MONDAY, MONDAY, priority);
    }

    public static WeekProblem problem(List<Site> sites, List<Demand> demand, List<Pin> pins) {
        return new WeekProblem(MONDAY, 7, List.of(ID_CARD, REGISTRATION, CONDUCT, COLLECTION), sites,
                List.of(EAST, SOUTH_ID_ONLY),
                List.of(new Shift(EAST.id(), MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0)),
                        new Shift(SOUTH_ID_ONLY.id(), MONDAY, LocalTime.of(8, 0), LocalTime.of(16, 0))),
                demand, pins, List.of(), VisitBuilder.DEFAULT_MAX_VISIT_MINUTES);
    }

    public static List<Location> locations() {
        return List.of(BASE, CARE, BANK, PRISON, ISLAND);
    }

    public static TeamDay tourOf(WeekPlan plan, String teamId, LocalDate date) {
        return plan.getTeamDays().stream().filter(t -> t.getId().equals(teamId + "@" + date)).findFirst().orElseThrow();
    }

    public static Visit visitAt(WeekPlan plan, String siteId) {
        return plan.getVisits().stream().filter(v -> v.getSite().id().equals(siteId)).findFirst().orElseThrow();
    }

    /** Moves a visit to the end of a tour, as a manual edit would. */
    public static void move(WeekPlan plan, Visit visit, TeamDay to) {
        plan.getTeamDays().forEach(t -> t.getVisits().remove(visit));
        to.getVisits().add(visit);
    }
}
