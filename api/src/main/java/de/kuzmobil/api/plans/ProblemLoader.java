package de.kuzmobil.api.plans;

import de.kuzmobil.data.demand.DemandRecord;
import de.kuzmobil.data.demand.DemandRepository;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.data.servicetype.ServiceTypeRepository;
import de.kuzmobil.data.site.AccessLegRecord;
import de.kuzmobil.data.site.MonthlyWindow;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.site.WeeklyWindow;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.planner.domain.AccessLeg;
import de.kuzmobil.planner.domain.BreakRule;
import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.MonthlyRule;
import de.kuzmobil.planner.domain.OpeningRules;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.PublishedAssignment;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.travel.Location;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads one week's master data, demand, pins and published plan from the database into the planner's terms. */
@Component
public class ProblemLoader {

    private final ServiceTypeRepository serviceTypes;
    private final SiteRepository sites;
    private final TeamRepository teams;
    private final DemandRepository demand;
    private final PlanRepository plans;
    private final int maxVisitMinutes;

    /**
     * @param maxVisitMinutes longer demand at one site is split into several visits; the lunch break
     *                        is held between visits, so a long day at one site needs a split (e.g. a
     *                        Haspa day 09:30-18:00 becomes a morning and an afternoon visit)
     */
    public ProblemLoader(ServiceTypeRepository serviceTypes, SiteRepository sites, TeamRepository teams,
                         DemandRepository demand, PlanRepository plans,
                         @Value("${kuzmobil.planning.max-visit-minutes}") int maxVisitMinutes) {
        this.maxVisitMinutes = maxVisitMinutes;
        this.serviceTypes = serviceTypes;
        this.sites = sites;
        this.teams = teams;
        this.demand = demand;
        this.plans = plans;
    }

    public WeekProblem load(LocalDate monday, List<Pin> pins) {
        LocalDate sunday = monday.plusDays(6);
        List<ServiceType> types = serviceTypes.findAll().stream()
                .map(t -> new ServiceType(t.code(), t.name(), t.minutes(), t.skill())).toList();
        Map<Long, AccessLegRecord> access = sites.findAccessLegs();
        List<Site> siteList = sites.findAll().stream().map(s -> site(s, access.get(s.id()))).toList();
        List<Team> teamList = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        for (TeamRecord t : teams.findAll()) {
            Team team = team(t);
            teamList.add(team);
            t.shifts().stream().filter(s -> !s.date().isBefore(monday) && !s.date().isAfter(sunday))
                    .forEach(s -> shifts.add(new Shift(team.id(), s.date(), s.start(), s.end())));
        }
        List<Demand> demands = demand.findOverlapping(monday, sunday).stream().map(ProblemLoader::demand).toList();
        List<PublishedAssignment> published = plans.findPublished(monday)
                .map(p -> plans.findVisits(p.id()).stream().filter(PlanVisitRecord::assigned)
                        .map(v -> new PublishedAssignment(v.visitId(), String.valueOf(v.siteId()),
                                String.valueOf(v.teamId()), v.date()))
                        .toList())
                .orElse(List.of());
        return new WeekProblem(monday, 7, types, siteList, teamList, shifts, demands, pins, published,
                maxVisitMinutes);
    }

    /** @param access the site's declared access leg, null when it is reached by road only */
    static Site site(SiteRecord s, AccessLegRecord access) {
        Map<DayOfWeek, List<OpeningWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        for (WeeklyWindow w : s.weeklyWindows()) {
            weekly.computeIfAbsent(w.weekday(), d -> new ArrayList<>()).add(new OpeningWindow(w.start(), w.end()));
        }
        List<MonthlyRule> monthly = new ArrayList<>();
        for (MonthlyWindow w : s.monthlyWindows()) {
            // the schema's week 5 means "the last one in the month"
            monthly.add(new MonthlyRule(w.weekOfMonth() == 5 ? -1 : w.weekOfMonth(), w.weekday(),
                    new OpeningWindow(w.start(), w.end())));
        }
        return new Site(String.valueOf(s.id()), s.name(), SiteKind.valueOf(s.kind()), siteLocation(s), s.setupMinutes(),
                new OpeningRules(weekly, monthly, Set.of()), access == null ? null
                : new AccessLeg(access.description(), access.minutesEachWay(), access.weekdays()));
    }

    /**
     * Location ids carry the coordinates so that cached travel times never outlive a moved site.
     */
    static Location siteLocation(SiteRecord s) {
        return new Location(String.format(Locale.ROOT, "site-%d@%.6f,%.6f", s.id(), s.latitude(), s.longitude()),
                s.latitude(), s.longitude());
    }

    static Team team(TeamRecord t) {
        Location base = new Location(String.format(Locale.ROOT, "base@%.6f,%.6f", t.baseLatitude(), t.baseLongitude()),
                t.baseLatitude(), t.baseLongitude());
        BreakRule rule = new BreakRule(t.breakSpanStart(), t.breakSpanEnd(), 6 * 60, t.breakMinutesOver6h(), 9 * 60,
                t.breakMinutesOver9h());
        return new Team(String.valueOf(t.id()), t.name(), base, t.skills(), t.maxAppointmentsPerDay(), rule);
    }

    static Demand demand(DemandRecord d) {
        return new Demand(String.valueOf(d.id()), String.valueOf(d.siteId()), d.serviceType(), d.appointments(),
                d.earliestDate(), d.latestDate(), d.priority());
    }
}
