package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.DemandShare;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;
import de.kuzmobil.planner.domain.WeekPlan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain read model of a plan for the API and exports: tours per team and date with ordered stops,
 * unassigned visits with reasons. Times are local times of the tour's date; a time past midnight
 * (a broken plan) is capped at 23:59:59.
 */
public record PlanView(String score, List<Tour> tours, List<Unassigned> unassigned) {

    /**
     * A team's day; break fields are null when no break was due or it could not be held. Waiting
     * is time on site before a window opens (or a pinned start), not counting the break.
     */
    public record Tour(String teamId, String teamName, LocalDate date, LocalTime shiftStart, LocalTime shiftEnd,
                       LocalTime returnToBase, long travelSeconds, long travelMeters, long waitingSeconds,
                       int appointments,
                       LocalTime breakStart, LocalTime breakEnd, boolean breakRequiredButMissing,
                       List<Stop> stops) {
    }

    /**
     * One visit in a tour. Travel is from the previous stop (the base for the first one); a break
     * held on site before the visit starts is given on that stop.
     */
    public record Stop(String visitId, String siteId, String siteName, LocalTime arrival, LocalTime start,
                       LocalTime end, long waitingSeconds, int appointments, List<ServiceCount> services,
                       long travelSecondsFromPrevious, long travelMetersFromPrevious,
                       LocalTime breakStart, LocalTime breakEnd, boolean pinned) {
    }

    public record ServiceCount(String serviceTypeId, String demandId, int appointments) {
    }

    public record Unassigned(String visitId, String siteId, String siteName, int appointments, int priority,
                             long durationMinutes, List<ServiceCount> services, UnassignedReason.Code reasonCode,
                             String reason) {
    }

    /** Reads a prepared or solved plan (shadow values must be current: solved, or refreshed). */
    public static PlanView of(WeekPlan plan) {
        List<Tour> tours = new ArrayList<>();
        for (TeamDay tour : plan.getTeamDays()) {
            if (tour.isUsed()) {
                tours.add(tour(tour));
            }
        }
        Map<String, UnassignedReason> reasons = UnassignedReasons.of(plan);
        List<Unassigned> unassigned = new ArrayList<>();
        for (Visit v : plan.getVisits()) {
            UnassignedReason reason = reasons.get(v.getId());
            if (reason == null) {
                continue;
            }
            unassigned.add(new Unassigned(v.getId(), v.getSite().id(), v.getSite().name(), v.getAppointments(),
                    v.getPriority(), v.getDurationMinutes(), services(v), reason.code(), reason.message()));
        }
        return new PlanView(String.valueOf(plan.getScore()), tours, unassigned);
    }

    private static Tour tour(TeamDay tour) {
        List<Stop> stops = new ArrayList<>();
        long travel = 0;
        long meters = 0;
        long waiting = 0;
        int appointments = 0;
        LocalTime breakStart = null;
        LocalTime breakEnd = null;
        VisitSchedule.TourEnd end = null;
        for (Visit v : tour.getVisits()) {
            VisitSchedule s = v.getSchedule();
            travel += s.travelSeconds();
            meters += s.travelMeters();
            waiting += s.waitingSeconds();
            appointments += v.getAppointments();
            if (s.hasBreak()) {
                breakStart = time(s.breakStart());
                breakEnd = time(s.breakEnd());
            }
            if (s.tourEnd() != null) {
                end = s.tourEnd();
            }
            stops.add(new Stop(v.getId(), v.getSite().id(), v.getSite().name(), time(s.arrival()), time(s.start()),
                    time(s.end()), s.waitingSeconds(), v.getAppointments(), services(v), s.travelSeconds(),
                    s.travelMeters(), s.hasBreak() ? time(s.breakStart()) : null,
                    s.hasBreak() ? time(s.breakEnd()) : null, v.isPinned()));
        }
        travel += end.travelSeconds();
        meters += end.travelMeters();
        return new Tour(tour.getTeam().id(), tour.getTeam().name(), tour.getDate(), tour.getShiftStartTime(),
                tour.getShiftEndTime(), time(end.returnToBase()), travel, meters, waiting, appointments, breakStart,
                breakEnd,
                end.breakRequiredSeconds() > 0 && !end.breakHeld(), stops);
    }

    private static List<ServiceCount> services(Visit v) {
        List<ServiceCount> services = new ArrayList<>();
        for (DemandShare share : v.getShares()) {
            services.add(new ServiceCount(share.service().id(), share.demandId(), share.appointments()));
        }
        return services;
    }

    private static LocalTime time(long secondOfDay) {
        return LocalTime.ofSecondOfDay(Math.min(Math.max(secondOfDay, 0), 86_399));
    }
}
