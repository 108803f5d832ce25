package de.kuzmobil.bench.solomon;

import de.kuzmobil.planner.domain.BreakRule;
import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.OpeningRules;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.SiteKind;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A VRPTW instance as the product's own planning problem: one day (a Monday); vehicles = teams
 * with one shift each (team-days) based at the depot, shift = the depot's window; each customer =
 * one site with one opening window and a set-up time equal to its service time, and one demand of
 * {@code demand} appointments of a zero-minute service (so capacity is the product's
 * "appointments per team-day" rule and the visit lasts exactly the service time); travel =
 * Euclidean distance; no lunch break (the break is due only after 24 h of work).
 *
 * <p>Time unit: the planner counts whole seconds since midnight and set-up in whole minutes. One
 * instance time unit becomes {@link #secondsPerUnit} seconds: the largest multiple of 6 (so that
 * service times of 10 and 90 units are whole minutes) that keeps the depot's due time inside one
 * day. Travel seconds are rounded <em>up</em>, so a plan feasible in the planner's integers is
 * feasible in exact arithmetic. Solomon windows bound the <em>start</em> of service; the planner's
 * bound the whole visit, so a window ends at {@code min(due + service, depot due)}. The objective
 * the planner sees is whole travel seconds; everything reported is recomputed in double precision.
 */
public final class PlannerMapping {

    public static final LocalDate DAY = LocalDate.of(2026, 11, 30); // a Monday
    /** An unassigned appointment outweighs a team-day on the medium level by far. */
    public static final int PRIORITY = 1000;
    private static final String SKILL = "vrptw";

    private final VrptwInstance instance;
    private final int secondsPerUnit;
    private final WeekProblem problem;
    private final TravelMatrix matrix;
    private final Map<String, VrptwInstance.Node> byLocation = new java.util.HashMap<>();

    public PlannerMapping(VrptwInstance instance) {
        this.instance = instance;
        VrptwInstance.Node depot = instance.depot();
        this.secondsPerUnit = secondsPerUnit(depot.due());
        int s = secondsPerUnit;

        ServiceType service = new ServiceType(SKILL, "VRPTW delivery", 0, SKILL);
        BreakRule noBreak = new BreakRule(LocalTime.of(11, 30), LocalTime.of(14, 0), 24 * 60, 0, 24 * 60, 0);
        Location base = new Location("depot", lat(depot), lon(depot));
        List<Team> teams = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        LocalTime shiftStart = time(Math.round(depot.ready() * s));
        LocalTime shiftEnd = time((long) Math.floor(depot.due() * s));
        for (int v = 1; v <= instance.vehicles(); v++) {
            String id = "v%03d".formatted(v);
            teams.add(new Team(id, id, base, Set.of(SKILL), instance.capacity(), noBreak));
            shifts.add(new Shift(id, DAY, shiftStart, shiftEnd));
        }
        List<Site> sites = new ArrayList<>();
        List<Demand> demand = new ArrayList<>();
        for (VrptwInstance.Node c : instance.customers()) {
            long serviceSeconds = Math.round(c.service() * s);
            if (serviceSeconds % 60 != 0 || Math.abs(serviceSeconds - c.service() * s) > 1e-9) {
                throw new IllegalArgumentException("service time " + c.service() + " is not a whole number of"
                        + " minutes at " + s + " s per unit");
            }
            // Windows start at ready (rounded up: never earlier than allowed) and end when the latest
            // allowed start plus the service ends (rounded down), at the latest at the depot's due time.
            long open = (long) Math.ceil(c.ready() * s - 1e-9);
            long close = (long) Math.floor(Math.min(c.due() + c.service(), depot.due()) * s + 1e-9);
            close = Math.min(close, 86_399);
            String id = "c" + c.number();
            OpeningRules opening = close > open
                    ? new OpeningRules(Map.of(DayOfWeek.MONDAY, List.of(new OpeningWindow(time(open), time(close)))),
                    List.of(), Set.of())
                    : OpeningRules.ALWAYS_CLOSED;
            sites.add(new Site(id, id, SiteKind.OTHER, new Location(id, lat(c), lon(c)),
                    (int) (serviceSeconds / 60), opening));
            demand.add(new Demand("d" + c.number(), id, service.id(), Math.max(1, c.demand()), DAY, DAY, PRIORITY));
        }
        this.problem = new WeekProblem(DAY, 1, List.of(service), sites, teams, shifts, demand, List.of(), List.of(),
                24 * 60);
        List<Location> locations = WeekPlanFactory.locations(problem);
        int n = locations.size();
        long[][] seconds = new long[n][n];
        long[][] meters = new long[n][n];
        for (int i = 0; i < n; i++) {
            VrptwInstance.Node a = node(locations.get(i).id());
            for (int j = 0; j < n; j++) {
                VrptwInstance.Node b = node(locations.get(j).id());
                double d = VrptwInstance.distance(a, b);
                seconds[i][j] = (long) Math.ceil(d * s);
                meters[i][j] = Math.round(d * 1000);
            }
        }
        this.matrix = new TravelMatrix(locations, seconds, meters, TravelSource.ESTIMATED, Map.of());
    }

    /** Largest multiple of 6 seconds per unit that keeps the horizon inside one day. */
    static int secondsPerUnit(double horizon) {
        int s = (int) (86_399 / Math.max(horizon, 1)) / 6 * 6;
        if (s < 6) {
            throw new IllegalArgumentException("horizon " + horizon + " does not fit into one planner day");
        }
        return s;
    }

    public WeekPlan buildPlan() {
        return WeekPlanFactory.build(problem, matrix);
    }

    /**
     * A plan with only {@code teams} team-days, its tours pre-filled with {@code routes} (customer
     * numbers, at most {@code teams} routes) and the shadow values computed; customers on no route are
     * in no tour, so the construction heuristic inserts them (or leaves them on the unassigned tour).
     */
    public WeekPlan buildPlan(int teams, List<List<Integer>> routes) {
        WeekProblem smaller = new WeekProblem(problem.firstDate(), problem.days(), problem.serviceTypes(),
                problem.sites(), problem.teams().subList(0, teams), problem.shifts().subList(0, teams),
                problem.demand(), List.of(), List.of(), problem.maxVisitMinutes());
        WeekPlan plan = WeekPlanFactory.build(smaller, matrix);
        Map<Integer, Visit> byCustomer = new java.util.HashMap<>();
        plan.getVisits().forEach(v -> byCustomer.put(customerNumber(v), v));
        int t = 0;
        for (TeamDay tour : plan.getTeamDays()) {
            if (tour.isReal() && t < routes.size()) {
                routes.get(t++).forEach(c -> tour.getVisits().add(byCustomer.get(c)));
            }
        }
        WeekPlanFactory.refresh(plan);
        return plan;
    }

    /** Customer numbers per used tour, in tour order; unassigned customers are left out. */
    public static List<List<Integer>> routes(WeekPlan plan) {
        List<List<Integer>> routes = new ArrayList<>();
        for (TeamDay tour : plan.getTeamDays()) {
            if (tour.isUsed()) {
                routes.add(tour.getVisits().stream().map(PlannerMapping::customerNumber).toList());
            }
        }
        return routes;
    }

    public static List<Integer> unassigned(WeekPlan plan) {
        List<Integer> out = new ArrayList<>();
        for (TeamDay tour : plan.getTeamDays()) {
            if (tour.isUnassignedTour()) {
                tour.getVisits().forEach(v -> out.add(customerNumber(v)));
            }
        }
        return out;
    }

    static int customerNumber(Visit visit) {
        return Integer.parseInt(visit.getSite().id().substring(1));
    }

    public int secondsPerUnit() {
        return secondsPerUnit;
    }

    public WeekProblem problem() {
        return problem;
    }

    public TravelMatrix matrix() {
        return matrix;
    }

    private VrptwInstance.Node node(String locationId) {
        if (byLocation.isEmpty()) {
            byLocation.put("depot", instance.depot());
            instance.customers().forEach(c -> byLocation.put("c" + c.number(), c));
        }
        return byLocation.get(locationId);
    }

    private static LocalTime time(long secondOfDay) {
        return LocalTime.ofSecondOfDay(Math.max(0, Math.min(secondOfDay, 86_399)));
    }

    private static double lat(VrptwInstance.Node n) {
        return Math.max(-90, Math.min(90, n.y() / 1000.0));
    }

    private static double lon(VrptwInstance.Node n) {
        return Math.max(-180, Math.min(180, n.x() / 1000.0));
    }
}
