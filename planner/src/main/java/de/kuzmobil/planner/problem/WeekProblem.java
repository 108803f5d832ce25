package de.kuzmobil.planner.problem;

import de.kuzmobil.planner.demand.VisitBuilder;
import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.PublishedAssignment;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Shift;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.Team;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a dispatcher's "plan this week" needs, as plain data: what the API loads from the
 * database and hands to {@link WeekPlanFactory}.
 *
 * @param firstDate       first date of the horizon (usually a Monday)
 * @param days            length of the horizon (7 for a week; at most 64)
 * @param published       the last published plan's assignments (continuity, stability); may be empty
 * @param maxVisitMinutes longer bundles of demand are split into several visits
 */
public record WeekProblem(LocalDate firstDate, int days, List<ServiceType> serviceTypes, List<Site> sites,
                          List<Team> teams, List<Shift> shifts, List<Demand> demand, List<Pin> pins,
                          List<PublishedAssignment> published, int maxVisitMinutes) {

    public WeekProblem {
        serviceTypes = List.copyOf(serviceTypes);
        sites = List.copyOf(sites);
        teams = List.copyOf(teams);
        shifts = List.copyOf(shifts);
        demand = List.copyOf(demand);
        pins = List.copyOf(pins);
        published = List.copyOf(published);
        if (days < 1 || days > 64) {
            throw new IllegalArgumentException("days must be 1..64");
        }
    }

    /** A Monday-to-Sunday week with the default maximum visit length. */
    public static WeekProblem week(LocalDate monday, List<ServiceType> serviceTypes, List<Site> sites,
                                   List<Team> teams, List<Shift> shifts, List<Demand> demand, List<Pin> pins,
                                   List<PublishedAssignment> published) {
        return new WeekProblem(monday, 7, serviceTypes, sites, teams, shifts, demand, pins, published,
                VisitBuilder.DEFAULT_MAX_VISIT_MINUTES);
    }
}
