package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.DemandShare;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.TourTimeline;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.travel.TravelMatrix;

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
     * A team's day; break fields are null when no break was due or it could not be held. The team
     * leaves its base at {@code departure}: the latest time that delays no stop (never before shift
     * start). Waiting is time on site before a window opens (or a pinned start), not counting the break.
     *
     * @param returnLegManual the drive back to base uses a declared access leg
     */
    public record Tour(String teamId, String teamName, LocalDate date, LocalTime shiftStart, LocalTime shiftEnd,
                       LocalTime departure, LocalTime returnToBase, long travelSeconds, long travelMeters,
                       long waitingSeconds, int appointments,
                       LocalTime breakStart, LocalTime breakEnd, boolean breakRequiredButMissing,
                       boolean returnLegManual, List<Stop> stops) {
    }

    /**
     * One visit in a tour. Travel is from the previous stop (the base for the first one); a break
     * held on site before the visit starts is given on that stop.
     *
     * @param manualLeg the travel from the previous stop uses a declared access leg (ship, tidal carriage)
     */
    public record Stop(String visitId, String siteId, String siteName, LocalTime arrival, LocalTime start,
                       LocalTime end, long waitingSeconds, int appointments, List<ServiceCount> services,
                       long travelSecondsFromPrevious, long travelMetersFromPrevious, boolean manualLeg,
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
        TravelMatrix matrix = tour.getMatrix();
        List<Visit> visits = tour.getVisits();
        long departure = TourTimeline.latestDeparture(tour, visits.get(0).getSchedule());
        long later = departure - tour.getShiftStart();
        List<Stop> stops = new ArrayList<>();
        long travel = 0;
        long meters = 0;
        long waiting = 0;
        int appointments = 0;
        LocalTime breakStart = null;
        LocalTime breakEnd = null;
        VisitSchedule.TourEnd end = null;
        int from = tour.getBaseIndex();
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            VisitSchedule s = v.getSchedule();
            // leaving later only shortens the wait at the first stop
            long arrival = i == 0 ? s.arrival() + later : s.arrival();
            long stopWaiting = i == 0 ? s.waitingSeconds() - later : s.waitingSeconds();
            travel += s.travelSeconds();
            meters += s.travelMeters();
            waiting += stopWaiting;
            appointments += v.getAppointments();
            if (s.hasBreak()) {
                breakStart = time(s.breakStart());
                breakEnd = time(s.breakEnd());
            }
            if (s.tourEnd() != null) {
                end = s.tourEnd();
            }
            stops.add(new Stop(v.getId(), v.getSite().id(), v.getSite().name(), time(arrival), time(s.start()),
                    time(s.end()), stopWaiting, v.getAppointments(), services(v), s.travelSeconds(),
                    s.travelMeters(), matrix.isManual(from, v.getLocationIndex()),
                    s.hasBreak() ? time(s.breakStart()) : null, s.hasBreak() ? time(s.breakEnd()) : null,
                    v.isPinned()));
            from = v.getLocationIndex();
        }
        travel += end.travelSeconds();
        meters += end.travelMeters();
        return new Tour(tour.getTeam().id(), tour.getTeam().name(), tour.getDate(), tour.getShiftStartTime(),
                tour.getShiftEndTime(), time(departure), time(end.returnToBase()), travel, meters, waiting,
                appointments, breakStart, breakEnd, end.breakRequiredSeconds() > 0 && !end.breakHeld(),
                matrix.isManual(from, tour.getBaseIndex()), stops);
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
