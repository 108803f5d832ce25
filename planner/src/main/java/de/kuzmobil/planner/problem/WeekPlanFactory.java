package de.kuzmobil.planner.problem;

import de.kuzmobil.planner.demand.VisitBuilder;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.PublishedAssignment;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.planner.travel.TravelMatrix;
import de.kuzmobil.planner.travel.TravelTimes;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a solvable {@link WeekPlan} from a {@link WeekProblem}: visits from demand, one tour per
 * shift plus the unassigned tour, pins pre-assigned to their tours (ordered by pinned start) and
 * every shadow value computed, because OptaPlanner 10 crashes on pre-assigned visits without them.
 */
public final class WeekPlanFactory {

    private WeekPlanFactory() {
    }

    /** Bases and sites, each once: what to ask the {@link TravelTimes} port for. */
    public static List<Location> locations(WeekProblem problem) {
        Map<String, Location> byId = new LinkedHashMap<>();
        problem.teams().forEach(t -> byId.putIfAbsent(t.base().id(), t.base()));
        problem.sites().forEach(s -> byId.putIfAbsent(s.location().id(), s.location()));
        return List.copyOf(byId.values());
    }

    public static WeekPlan build(WeekProblem problem, TravelTimes travelTimes) {
        return build(problem, travelTimes.matrix(locations(problem)));
    }

    /**
     * @param roads travel times between {@link #locations(WeekProblem)}; sites' declared access legs
     *              are laid over them here
     */
    public static WeekPlan build(WeekProblem problem, TravelMatrix roads) {
        TravelMatrix matrix = withAccessLegs(problem, roads);
        Map<String, String> inputProblems = new LinkedHashMap<>();
        Map<String, Site> sites = byId(problem.sites(), Site::id);
        Map<String, ServiceType> services = byId(problem.serviceTypes(), ServiceType::id);
        Map<String, Team> teams = byId(problem.teams(), Team::id);

        VisitBuilder.Result built = new VisitBuilder(problem.maxVisitMinutes())
                .build(problem.demand(), sites, services);
        inputProblems.putAll(built.rejected());
        List<Visit> visits = built.visits();
        for (Visit visit : visits) {
            visit.index(problem.firstDate(), problem.days(), matrix.indexOf(visit.getSite().location().id()));
        }

        List<TeamDay> tours = new ArrayList<>();
        Set<String> tourIds = new HashSet<>();
        List<Shift> shifts = new ArrayList<>(problem.shifts());
        shifts.sort(Comparator.comparing(Shift::teamId).thenComparing(Shift::date));
        for (Shift shift : shifts) {
            long day = ChronoUnit.DAYS.between(problem.firstDate(), shift.date());
            Team team = teams.get(shift.teamId());
            if (team == null) {
                inputProblems.put("shift:" + TeamDay.idOf(shift.teamId(), shift.date()), "unknown team");
            } else if (day < 0 || day >= problem.days()) {
                inputProblems.put("shift:" + TeamDay.idOf(shift.teamId(), shift.date()), "outside the planning horizon");
            } else if (!tourIds.add(TeamDay.idOf(team.id(), shift.date()))) {
                inputProblems.put("shift:" + TeamDay.idOf(shift.teamId(), shift.date()),
                        "second shift on the same date ignored (one tour per team and day)");
            } else {
                tours.add(new TeamDay(team, shift, (int) day, matrix));
            }
        }
        tours.add(TeamDay.unassigned());

        applyPins(problem.pins(), visits, tours, inputProblems);
        applyPublished(problem.published(), visits);

        WeekPlan plan = new WeekPlan(problem.firstDate(), problem.days(), problem.teams(), problem.sites(), tours,
                visits, PlannerWeights.defaults(), matrix, inputProblems);
        refresh(plan);
        return plan;
    }

    private static TravelMatrix withAccessLegs(WeekProblem problem, TravelMatrix roads) {
        Map<String, Long> legs = new LinkedHashMap<>();
        problem.sites().stream().filter(s -> s.access() != null)
                .forEach(s -> legs.put(s.location().id(), s.access().secondsEachWay()));
        return roads.withAccessLegs(legs, problem.teams().stream().map(t -> t.base().id()).toList());
    }

    /**
     * Recomputes the shadow values (tour of each visit, times) from the tour lists: after building,
     * and after a manual edit of the lists before explaining the plan.
     */
    public static void refresh(WeekPlan plan) {
        for (Visit visit : plan.getVisits()) {
            visit.setTeamDay(null);
            visit.setSchedule(null);
        }
        for (TeamDay tour : plan.getTeamDays()) {
            VisitSchedule[] schedules = TourTimeline.compute(tour);
            List<Visit> tourVisits = tour.getVisits();
            for (int i = 0; i < tourVisits.size(); i++) {
                tourVisits.get(i).setTeamDay(tour);
                tourVisits.get(i).setSchedule(schedules[i]);
            }
        }
    }

    private static void applyPins(List<Pin> pins, List<Visit> visits, List<TeamDay> tours,
                                  Map<String, String> inputProblems) {
        Map<String, Visit> visitById = byId(visits, Visit::getId);
        Map<String, TeamDay> tourById = byId(tours, TeamDay::getId);
        for (Pin pin : pins) {
            Visit visit = visitById.get(pin.visitId());
            TeamDay tour = tourById.get(TeamDay.idOf(pin.teamId(), pin.date()));
            if (visit == null) {
                inputProblems.put("pin:" + pin.visitId(), "no such visit (demand changed?)");
            } else if (tour == null) {
                inputProblems.put("pin:" + pin.visitId(), "team " + pin.teamId() + " has no shift on " + pin.date());
            } else if (visit.isPinned()) {
                inputProblems.put("pin:" + pin.visitId(), "pinned twice; first pin kept");
            } else {
                visit.pinTo(tour, pin.start());
                tour.getVisits().add(visit);
            }
        }
        for (TeamDay tour : tours) {
            // Pinned start times give the order; pins without a time keep the order they came in.
            tour.getVisits().sort(Comparator.comparingLong(v -> v.getPinnedStart() < 0 ? Long.MAX_VALUE
                    : v.getPinnedStart()));
            tour.setPinnedVisitCount(tour.getVisits().size());
        }
    }

    private static void applyPublished(List<PublishedAssignment> published, List<Visit> visits) {
        Map<String, PublishedAssignment> byVisit = new LinkedHashMap<>();
        Map<String, PublishedAssignment> lastBySite = new LinkedHashMap<>();
        for (PublishedAssignment p : published) {
            byVisit.put(p.visitId(), p);
            lastBySite.merge(p.siteId(), p, (a, b) -> b.date().isAfter(a.date()) ? b : a);
        }
        for (Visit visit : visits) {
            PublishedAssignment mine = byVisit.get(visit.getId());
            if (mine != null) {
                visit.setPublishedTeamDayId(TeamDay.idOf(mine.teamId(), mine.date()));
            }
            PublishedAssignment atSite = lastBySite.get(visit.getSite().id());
            if (atSite != null) {
                visit.setPreviousSiteTeamId(atSite.teamId());
            }
        }
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
