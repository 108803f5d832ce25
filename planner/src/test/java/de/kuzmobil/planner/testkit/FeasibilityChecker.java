package de.kuzmobil.planner.testkit;

import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.DemandShare;
import de.kuzmobil.planner.domain.OpeningWindow;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.Team;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a returned plan against the rules without trusting the solver's shadow variables: it
 * reads only the ordered visit ids of each tour, which demand each visit carries and at which stop
 * the lunch break is held, and recomputes every time from the problem's input (shifts, opening
 * rules, service minutes, demand dates) and the travel matrix. It also reports where its times
 * differ from the plan's, which catches a stale or wrong shadow variable.
 */
public final class FeasibilityChecker {

    private final WeekProblem problem;
    private final TravelMatrix matrix;
    private final List<String> violations = new ArrayList<>();
    private final List<String> timeMismatches = new ArrayList<>();

    private FeasibilityChecker(WeekProblem problem, TravelMatrix matrix) {
        this.problem = problem;
        this.matrix = matrix;
    }

    public record Report(List<String> violations, List<String> timeMismatches) {
    }

    public static Report check(WeekProblem problem, TravelMatrix matrix, WeekPlan plan) {
        FeasibilityChecker checker = new FeasibilityChecker(problem, matrix);
        checker.run(plan);
        return new Report(checker.violations, checker.timeMismatches);
    }

    private void run(WeekPlan plan) {
        Map<String, Team> teams = new HashMap<>();
        problem.teams().forEach(t -> teams.put(t.id(), t));
        Map<String, Shift> shifts = new HashMap<>();
        problem.shifts().forEach(s -> shifts.put(s.teamId() + "@" + s.date(), s));
        Map<String, Demand> demand = new HashMap<>();
        problem.demand().forEach(d -> demand.put(d.id(), d));
        Map<String, Pin> pins = new HashMap<>();
        problem.pins().forEach(p -> pins.put(p.visitId(), p));

        // Every demanded appointment is carried by exactly one visit, every visit is on exactly one tour.
        Map<String, Integer> carried = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (TeamDay tour : plan.getTeamDays()) {
            for (Visit visit : tour.getVisits()) {
                if (!seen.add(visit.getId())) {
                    violations.add(visit.getId() + " is on more than one tour");
                }
                visit.getShares().forEach(s -> carried.merge(s.demandId(), s.appointments(), Integer::sum));
            }
        }
        if (seen.size() != plan.getVisits().size()) {
            violations.add((plan.getVisits().size() - seen.size()) + " visits are on no tour");
        }
        for (Demand d : problem.demand()) {
            if (carried.getOrDefault(d.id(), 0) != d.appointments()) {
                violations.add("demand " + d.id() + " carried " + carried.get(d.id()) + " of " + d.appointments());
            }
        }

        for (TeamDay tour : plan.getTeamDays()) {
            if (tour.isUnassignedTour()) {
                for (Visit visit : tour.getVisits()) {
                    if (pins.containsKey(visit.getId())) {
                        violations.add("pinned " + visit.getId() + " unassigned");
                    }
                }
                continue;
            }
            Team team = teams.get(tour.getTeam().id());
            Shift shift = shifts.get(team.id() + "@" + tour.getDate());
            if (shift == null) {
                violations.add(tour.getId() + " has no shift");
                continue;
            }
            checkTour(tour, team, shift, demand, pins);
        }
        for (Pin pin : pins.values()) {
            Visit visit = plan.getVisits().stream().filter(v -> v.getId().equals(pin.visitId())).findFirst()
                    .orElseThrow();
            String where = visit.getTeamDay() == null ? null : visit.getTeamDay().getId();
            boolean onTour = plan.getTeamDays().stream().anyMatch(t -> t.getId().equals(pin.teamId() + "@" + pin.date())
                    && t.getVisits().contains(visit));
            if (!onTour) {
                violations.add("pin " + pin.visitId() + " moved to " + where);
            }
        }
    }

    private void checkTour(TeamDay tour, Team team, Shift shift, Map<String, Demand> demand, Map<String, Pin> pins) {
        List<Visit> visits = tour.getVisits();
        LocalDate date = tour.getDate();
        int appointments = 0;
        for (Visit visit : visits) {
            for (DemandShare share : visit.getShares()) {
                Demand d = demand.get(share.demandId());
                appointments += share.appointments();
                if (date.isBefore(d.earliest()) || date.isAfter(d.latest())) {
                    violations.add(visit.getId() + " on " + date + " outside " + d.earliest() + ".." + d.latest());
                }
                if (!team.skills().contains(share.service().skill())) {
                    violations.add(visit.getId() + ": " + team.id() + " lacks " + share.service().skill());
                }
            }
        }
        if (appointments > team.maxAppointmentsPerDay()) {
            violations.add(tour.getId() + ": " + appointments + " appointments > " + team.maxAppointmentsPerDay());
        }

        long start = shift.start().toSecondOfDay();
        long withoutBreak = simulate(tour, visits, team, start, -1, 0, pins, null);
        long work = withoutBreak - start;
        long required = work > 9 * 3600 ? 45 * 60 : work > 6 * 3600 ? 30 * 60 : 0;
        int breakStop = -1;
        for (int i = 0; i < visits.size(); i++) {
            if (visits.get(i).getSchedule().hasBreak()) {
                if (breakStop >= 0) {
                    violations.add(tour.getId() + " holds two breaks");
                }
                breakStop = i;
            }
        }
        if (required > 0 && breakStop < 0) {
            violations.add(tour.getId() + ": " + work / 60 + " min working time without a break");
        }
        List<String> problems = new ArrayList<>();
        long back = simulate(tour, visits, team, start, breakStop, required, pins, problems);
        violations.addAll(problems);
        if (back > shift.end().toSecondOfDay()) {
            violations.add(tour.getId() + ": back at base " + (back - shift.end().toSecondOfDay()) / 60 + " min late");
        }
    }

    /** Returns the return time at base; with {@code problems} given, records violations and time mismatches. */
    private long simulate(TeamDay tour, List<Visit> visits, Team team, long time, int breakStop, long breakSeconds,
                          Map<String, Pin> pins, List<String> problems) {
        String from = team.base().id();
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            Site site = visit.getSite();
            long travel = matrix.seconds(matrix.indexOf(from), matrix.indexOf(site.location().id()));
            if (travel < 0) {
                if (problems != null) {
                    problems.add(visit.getId() + ": no road from " + from);
                }
                travel = 0;
            }
            long arrival = time + travel;
            long ready = arrival;
            if (i == breakStop && breakSeconds > 0) {
                long spanStart = team.breakRule().spanStart().toSecondOfDay();
                long breakStart = Math.max(arrival, spanStart);
                ready = breakStart + breakSeconds;
                if (problems != null && ready > team.breakRule().spanEnd().toSecondOfDay()) {
                    problems.add(tour.getId() + ": break ends after the break span");
                }
                expect(problems, visit, "breakStart", visit.getSchedule().breakStart(), breakStart);
            }
            Pin pin = pins.get(visit.getId());
            if (pin != null && pin.start() != null) {
                ready = Math.max(ready, pin.start().toSecondOfDay());
            }
            long duration = 60L * site.setUpMinutes();
            for (DemandShare share : visit.getShares()) {
                duration += 60L * share.appointments() * share.service().minutesPerCase();
            }
            long start = -1;
            for (OpeningWindow window : site.opening().windowsOn(tour.getDate())) {
                long s = Math.max(ready, window.start().toSecondOfDay());
                if (s + duration <= window.end().toSecondOfDay()) {
                    start = s;
                    break;
                }
            }
            if (start < 0) {
                if (problems != null) {
                    problems.add(visit.getId() + " on " + tour.getId() + ": no opening window holds it from "
                            + ready / 60 + " min");
                }
                start = ready;
            }
            if (problems != null && pin != null && pin.start() != null && start != pin.start().toSecondOfDay()) {
                problems.add(visit.getId() + ": pinned start " + pin.start() + " not held");
            }
            expect(problems, visit, "arrival", visit.getSchedule().arrival(), arrival);
            expect(problems, visit, "start", visit.getSchedule().start(), start);
            time = start + duration;
            expect(problems, visit, "end", visit.getSchedule().end(), time);
            from = site.location().id();
        }
        long home = matrix.seconds(matrix.indexOf(from), matrix.indexOf(team.base().id()));
        if (home < 0) {
            if (problems != null) {
                problems.add(tour.getId() + ": no road back to base");
            }
            home = 0;
        }
        return time + home;
    }

    private void expect(List<String> problems, Visit visit, String what, long planned, long recomputed) {
        if (problems != null && planned != recomputed) {
            timeMismatches.add(visit.getId() + " " + what + ": plan " + planned + " s, recomputed " + recomputed
                    + " s");
        }
    }
}
