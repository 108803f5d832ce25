package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.UnassignedReason.Code;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reasons for every unassigned visit, narrowing the team-days a visit could go to step by step:
 * allowed date → skills → road → a window that fits with travel inside the shift → capacity left →
 * who holds the remaining room.
 */
public final class UnassignedReasons {

    private UnassignedReasons() {
    }

    /**
     * Visit id → reason, for every visit on no real tour: on the unassigned tour, or (in a plan not
     * solved yet) on no tour at all. Shadow values must be current.
     */
    public static Map<String, UnassignedReason> of(WeekPlan plan) {
        Map<String, UnassignedReason> reasons = new LinkedHashMap<>();
        for (Visit visit : plan.getVisits()) {
            if (!visit.isAssigned()) {
                reasons.put(visit.getId(), reason(plan, visit));
            }
        }
        return reasons;
    }

    public static UnassignedReason reason(WeekPlan plan, Visit visit) {
        List<TeamDay> tours = plan.getTeamDays().stream().filter(TeamDay::isReal).toList();

        List<TeamDay> onDate = tours.stream().filter(t -> visit.isAllowedOn(t.getDayIndex())).toList();
        if (onDate.isEmpty()) {
            return new UnassignedReason(Code.NO_TEAM_ON_ALLOWED_DATES, "no team works between %s and %s"
                    .formatted(visit.getEarliest(), visit.getLatest()));
        }
        List<TeamDay> skilled = onDate.stream().filter(t -> visit.appointmentsLackingSkill(t) == 0).toList();
        if (skilled.isEmpty()) {
            Set<String> missing = onDate.stream().map(t -> visit.missingSkills(t.getTeam()))
                    .min(Comparator.comparingInt(Set::size)).orElseThrow();
            return new UnassignedReason(Code.NO_SKILLED_TEAM, "no team with skill %s on allowed dates (%s to %s)"
                    .formatted(String.join(", ", missing), visit.getEarliest(), visit.getLatest()));
        }
        TravelMatrix matrix = plan.getMatrix();
        int site = visit.getLocationIndex();
        List<TeamDay> reachable = skilled.stream()
                .filter(t -> matrix.reachable(t.getBaseIndex(), site) && matrix.reachable(site, t.getBaseIndex()))
                .toList();
        if (reachable.isEmpty()) {
            return new UnassignedReason(Code.UNREACHABLE, "no road connection between %s and the teams' bases"
                    .formatted(visit.getSite().name()));
        }
        List<TeamDay> windowFits = reachable.stream().filter(t -> windowFits(visit, t, matrix)).toList();
        if (windowFits.isEmpty()) {
            return new UnassignedReason(Code.NO_WINDOW_FITS, "no window fits %s of work on allowed dates"
                    .formatted(hoursMinutes(visit.getDurationSeconds())));
        }
        int maxCapacity = windowFits.stream().mapToInt(TeamDay::maxAppointments).max().orElseThrow();
        if (visit.getAppointments() > maxCapacity) {
            return new UnassignedReason(Code.CAPACITY,
                    "capacity: %d appointments, eligible teams serve at most %d a day"
                    .formatted(visit.getAppointments(), maxCapacity));
        }
        List<TeamDay> withRoom = windowFits.stream()
                .filter(t -> t.appointments() + visit.getAppointments() <= t.maxAppointments()).toList();
        if (withRoom.isEmpty()) {
            return new UnassignedReason(Code.CAPACITY, "capacity: all %d eligible team-days already hold their maximum"
                    .formatted(windowFits.size()) + " of appointments");
        }
        Optional<TeamDay> idle = withRoom.stream().filter(t -> t.getVisits().isEmpty()).findFirst();
        if (idle.isPresent()) {
            return new UnassignedReason(Code.SOLVER_LEFT_ROOM,
                    "team-day %s is eligible and still empty; a longer run may place it"
                    .formatted(idle.get().getId()));
        }
        Optional<Visit> higher = withRoom.stream().flatMap(t -> t.getVisits().stream())
                .filter(v -> v.getPriority() > visit.getPriority())
                .max(Comparator.comparingInt(Visit::getPriority));
        if (higher.isPresent()) {
            return new UnassignedReason(Code.DISPLACED_BY_HIGHER_PRIORITY,
                    "displaced by higher priority: eligible team-days are used by visits such as %s (priority %d)"
                            .formatted(higher.get().getId(), higher.get().getPriority()));
        }
        return new UnassignedReason(Code.NO_TIME_LEFT, "no time left: %d eligible team-days are full with work of "
                .formatted(withRoom.size()) + "the same or lower priority");
    }

    /** A window of that day holds the whole visit with the drive from and back to base inside the shift. */
    static boolean windowFits(Visit visit, TeamDay tour, TravelMatrix matrix) {
        long earliest = tour.getShiftStart() + matrix.seconds(tour.getBaseIndex(), visit.getLocationIndex());
        long latest = tour.getShiftEnd() - matrix.seconds(visit.getLocationIndex(), tour.getBaseIndex());
        long[] windows = visit.windowsOn(tour.getDayIndex());
        for (int i = 0; i < windows.length; i += 2) {
            long start = Math.max(windows[i], earliest);
            long end = Math.min(windows[i + 1], latest);
            if (end - start >= visit.getDurationSeconds()) {
                return true;
            }
        }
        return false;
    }

    private static String hoursMinutes(long seconds) {
        LocalTime t = LocalTime.ofSecondOfDay(Math.min(seconds, 86_399));
        return t.getHour() + "h" + (t.getMinute() < 10 ? "0" : "") + t.getMinute();
    }
}
