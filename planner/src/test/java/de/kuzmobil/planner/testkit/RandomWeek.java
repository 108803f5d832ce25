package de.kuzmobil.planner.testkit;

import de.kuzmobil.planner.demand.VisitBuilder;
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
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.travel.Location;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Seeded random weeks in a Hamburg-sized area (about 22 × 20 km, at most ~55 min between two
 * points): three bases, teams with different skills, Monday-Friday shifts, sites with all-day,
 * split, some-weekdays and "2nd Thursday" windows, and pins that are feasible by construction
 * (short visits at all-day sites, on an allowed date, with a skilled team, at most one per
 * team-day, start 09:00 or 13:00 or free). Leaving every other visit unassigned is then feasible,
 * so a correct solver must always reach zero hard violations.
 */
public final class RandomWeek {

    /** Thursday 2026-12-10 is the 2nd Thursday of the month. */
    public static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    public static final ServiceType ID_CARD = new ServiceType("id-card", "ID card", 15, "id-documents");
    public static final ServiceType PASSPORT = new ServiceType("passport", "Passport", 15, "id-documents");
    public static final ServiceType COLLECTION = new ServiceType("collection", "Collect document", 5, "id-documents");
    public static final ServiceType REGISTRATION = new ServiceType("registration", "Registration", 8, "registration");
    public static final ServiceType CONDUCT = new ServiceType("conduct", "Certificate of good conduct", 5,
            "certificates");
    private static final List<ServiceType> SERVICES = List.of(ID_CARD, PASSPORT, COLLECTION, REGISTRATION, CONDUCT);

    private static final OpeningRules ALL_DAY = OpeningRules.weekdays(OpeningWindow.of("08:00", "18:00"));

    public record Instance(WeekProblem problem, int pinCount) {
    }

    private RandomWeek() {
    }

    public static Instance generate(long seed, int sites, int teamCount, int pinTarget, boolean published) {
        Random random = new Random(seed);
        List<Location> bases = List.of(new Location("base-mitte", 53.5503, 10.0006),
                new Location("base-ost", 53.5720, 10.1120), new Location("base-sued", 53.4610, 10.0030));
        List<Team> teams = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        for (int t = 0; t < teamCount; t++) {
            Set<String> skills = new HashSet<>(Set.of("id-documents"));
            if (t % 4 != 3) {
                skills.add("registration");
            }
            if (t % 2 == 0) {
                skills.add("certificates");
            }
            Team team = new Team("team-" + t, "Team " + t, bases.get(t % bases.size()), skills, 30,
                    BreakRule.defaultRule());
            teams.add(team);
            for (int d = 0; d < 5; d++) {
                LocalTime start = t % 2 == 0 ? LocalTime.of(7, 30) : LocalTime.of(8, 0);
                shifts.add(new Shift(team.id(), MONDAY.plusDays(d), start, start.plusHours(9)));
            }
        }

        List<Site> siteList = new ArrayList<>();
        List<Demand> demand = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            Location location = new Location("site-" + s, 53.46 + random.nextDouble() * 0.18,
                    9.88 + random.nextDouble() * 0.32);
            double r = random.nextDouble();
            OpeningRules opening;
            SiteKind kind;
            if (r < 0.55) {
                opening = ALL_DAY;
                kind = SiteKind.PART_TIME_CENTRE;
            } else if (r < 0.75) {
                opening = OpeningRules.weekdays(OpeningWindow.of("09:00", "12:00"), OpeningWindow.of("13:30", "17:00"));
                kind = SiteKind.CARE_HOME;
            } else if (r < 0.85) {
                opening = new OpeningRules(Map.of(DayOfWeek.TUESDAY, List.of(OpeningWindow.of("09:00", "13:00")),
                        DayOfWeek.THURSDAY, List.of(OpeningWindow.of("09:00", "13:00"))), List.of(), Set.of());
                kind = SiteKind.PRISON;
            } else if (r < 0.93) {
                opening = OpeningRules.monthlyOnly(new MonthlyRule(2, DayOfWeek.THURSDAY,
                        OpeningWindow.of("09:30", "18:00")));
                kind = SiteKind.BANK_BRANCH;
            } else {
                opening = new OpeningRules(Map.of(DayOfWeek.MONDAY, List.of(OpeningWindow.of("10:00", "16:00")),
                        DayOfWeek.WEDNESDAY, List.of(OpeningWindow.of("10:00", "16:00")),
                        DayOfWeek.FRIDAY, List.of(OpeningWindow.of("10:00", "16:00"))), List.of(), Set.of());
                kind = SiteKind.HOSPITAL;
            }
            Site site = new Site("s" + s, "Site " + s, kind, location, 10 + random.nextInt(11), opening);
            siteList.add(site);

            LocalDate earliest = MONDAY;
            LocalDate latest = MONDAY.plusDays(4);
            if (random.nextDouble() < 0.4 && kind != SiteKind.BANK_BRANCH) {
                earliest = MONDAY.plusDays(random.nextInt(4));
                latest = earliest.plusDays(1 + random.nextInt(2));
                if (latest.isAfter(MONDAY.plusDays(4))) {
                    latest = MONDAY.plusDays(4);
                }
            }
            int demands = 1 + (random.nextDouble() < 0.35 ? 1 : 0);
            for (int k = 0; k < demands; k++) {
                ServiceType service = SERVICES.get(random.nextInt(SERVICES.size()));
                int appointments = random.nextDouble() < 0.05 ? 20 + random.nextInt(11) : 2 + random.nextInt(9);
                double p = random.nextDouble();
                int priority = p < 0.7 ? 1 : p < 0.9 ? 2 : 3;
                demand.add(new Demand("d" + s + "-" + k, site.id(), service.id(), appointments, earliest, latest,
                        priority));
            }
        }

        Map<String, Site> siteById = siteList.stream().collect(Collectors.toMap(Site::id, Function.identity()));
        Map<String, ServiceType> serviceById = SERVICES.stream()
                .collect(Collectors.toMap(ServiceType::id, Function.identity()));
        List<Visit> visits = new VisitBuilder(VisitBuilder.DEFAULT_MAX_VISIT_MINUTES)
                .build(demand, siteById, serviceById).visits();

        List<Pin> pins = new ArrayList<>();
        Set<String> pinnedTeamDays = new HashSet<>();
        for (Visit visit : visits) {
            if (pins.size() >= pinTarget) {
                break;
            }
            if (visit.getSite().opening() != ALL_DAY || visit.getDurationMinutes() > 120 || random.nextDouble() < 0.5) {
                continue;
            }
            LocalDate date = visit.getEarliest().plusDays(random.nextInt(
                    (int) (visit.getLatest().toEpochDay() - visit.getEarliest().toEpochDay()) + 1));
            List<Team> skilled = teams.stream()
                    .filter(t -> visit.missingSkills(t).isEmpty() && !pinnedTeamDays.contains(t.id() + "@" + date))
                    .toList();
            if (skilled.isEmpty()) {
                continue;
            }
            Team team = skilled.get(random.nextInt(skilled.size()));
            double r = random.nextDouble();
            LocalTime start = r < 0.5 ? null : r < 0.75 ? LocalTime.of(9, 0) : LocalTime.of(13, 0);
            pins.add(new Pin(visit.getId(), team.id(), date, start));
            pinnedTeamDays.add(team.id() + "@" + date);
        }

        List<PublishedAssignment> publishedList = new ArrayList<>();
        if (published) {
            for (Visit visit : visits) {
                if (random.nextDouble() < 0.2) {
                    Team team = teams.get(random.nextInt(teams.size()));
                    publishedList.add(new PublishedAssignment(visit.getId(), visit.getSite().id(), team.id(),
                            visit.getEarliest()));
                }
            }
        }
        WeekProblem problem = new WeekProblem(MONDAY, 7, SERVICES, siteList, teams, shifts, demand, pins,
                publishedList, VisitBuilder.DEFAULT_MAX_VISIT_MINUTES);
        return new Instance(problem, pins.size());
    }
}
