package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A plan as dispatchers and team leads read it; {@code queuePosition} is its place while it waits for a
 * free solver (1 = next), null otherwise.
 */
public record PlanDto(long id, LocalDate weekStart, PlanStatus status, int version, String objective, String score,
                      Integer solveSeconds, String travelTimes, Object kpis, List<TeamDayDto> teamDays, List<TourDto> tours,
                      List<UnassignedDto> unassigned, String failure, Long basedOnPlan, OffsetDateTime createdAt,
                      OffsetDateTime publishedAt, Integer queuePosition) {

    PlanDto inQueue(Integer position) {
        return new PlanDto(id, weekStart, status, version, objective, score, solveSeconds, travelTimes, kpis, teamDays,
                tours, unassigned, failure, basedOnPlan, createdAt, publishedAt, position);
    }

    /** A team working on a date of the week (with or without a tour in this plan): where a visit may go. */
    public record TeamDayDto(long teamId, String teamName, String baseName, LocalDate date, LocalTime shiftStart,
                             LocalTime shiftEnd) {
    }

    /** When a site is open on a date. */
    public record WindowDto(LocalTime start, LocalTime end) {
    }

    /**
     * One team's day: when it leaves its base (the latest that delays no stop), ordered stops, the lunch
     * break, when it is back; {@code returnTravelTimes} is "manual" when the drive back uses a declared
     * access leg, else the plan's {@code travelTimes}. Departure and return are null for tours stored
     * before they were kept.
     */
    public record TourDto(long teamId, String teamName, LocalDate date, LocalTime departure, LocalTime returnToBase,
                          String returnTravelTimes, List<BreakDto> breaks, List<StopDto> stops) {
    }

    public record BreakDto(LocalTime start, LocalTime end) {
    }

    /**
     * A visit on a tour; travel is from the previous stop (or the base), {@code travelTimes} "road",
     * "estimated" or "manual" (a declared access leg such as a ship); {@code bookings}: citizens'
     * bookings at this visit's published stop (such a visit keeps its day and time).
     */
    public record StopDto(String visitId, long siteId, String siteName, int sequence, LocalTime arrival,
                          LocalTime start, LocalTime end, int appointments, List<String> services,
                          Integer travelSeconds, Integer travelMeters, String travelTimes, boolean pinned,
                          LocalTime pinnedStart, List<WindowDto> openingWindows, int bookings) {
    }

    public record UnassignedDto(String visitId, long siteId, String siteName, int appointments, List<String> services,
                                String reason) {
    }
}
