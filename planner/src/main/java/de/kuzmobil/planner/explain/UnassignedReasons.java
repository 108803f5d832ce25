package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.AccessLeg;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.UnassignedReason.Code;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reasons for every unassigned visit, narrowing the team-days a visit could go to step by step, in
 * the order of {@link Code}: a road (or declared access leg) to the site → near enough to go and
 * come back within a shift → an allowed date → a window that fits with travel inside the shift →
 * skills → capacity left → who holds the remaining room. Each step keeps only the team-days that
 * pass it, so the reason is the first thing that rules out every one still in question.
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
        TravelMatrix matrix = plan.getMatrix();
        int site = visit.getLocationIndex();
        String name = visit.getSite().name();
        List<TeamDay> tours = plan.getTeamDays().stream().filter(TeamDay::isReal).toList();
        if (tours.isEmpty()) {
            return new UnassignedReason(Code.NO_TEAM_ON_ALLOWED_DATES, "no team works in this plan's dates");
        }

        List<TeamDay> connected = tours.stream()
                .filter(t -> matrix.reachable(t.getBaseIndex(), site) && matrix.reachable(site, t.getBaseIndex()))
                .toList();
        if (connected.isEmpty()) {
            String why = matrix.problems().get(visit.getSite().location().id());
            // a site far from any road is usually a wrong position, not an island
            String advice = why != null && why.contains("not within") ? "check the site's coordinates"
                    : "declare an access leg (ship, tidal carriage) to plan it";
            return new UnassignedReason(Code.UNREACHABLE, "no road connection between %s and any team's base%s; %s"
                    .formatted(name, why == null ? "" : " (" + withoutId(why) + ")", advice));
        }

        long work = visit.getDurationSeconds();
        List<TeamDay> withinReach = connected.stream().filter(t -> roundTrip(t, site, matrix) + work <= shift(t))
                .toList();
        if (withinReach.isEmpty()) {
            long longest = connected.stream().mapToLong(UnassignedReasons::shift).max().orElseThrow();
            if (work > longest) {
                return new UnassignedReason(Code.NO_WINDOW_FITS, "%s of work is longer than any shift (longest %s)"
                        .formatted(hoursMinutes(work), hoursMinutes(longest)));
            }
            TeamDay nearest = connected.stream().min(Comparator.comparingLong(t -> roundTrip(t, site, matrix)))
                    .orElseThrow();
            return new UnassignedReason(Code.TOO_FAR,
                    "too far: %s there and %s back from the nearest base (%s), with %s of work, fit no shift (longest %s)"
                            .formatted(hoursMinutes(matrix.seconds(nearest.getBaseIndex(), site)),
                                    hoursMinutes(matrix.seconds(site, nearest.getBaseIndex())),
                                    nearest.getTeam().name(), hoursMinutes(work), hoursMinutes(longest)));
        }

        List<TeamDay> onDate = withinReach.stream().filter(t -> visit.isAllowedOn(t.getDayIndex())).toList();
        if (onDate.isEmpty()) {
            return new UnassignedReason(Code.NO_TEAM_ON_ALLOWED_DATES, "no team works between %s and %s"
                    .formatted(visit.getEarliest(), visit.getLatest()));
        }
        AccessLeg access = visit.getSite().access();
        if (access != null && onDate.stream().noneMatch(t -> access.runsOn(t.getDate()))) {
            return new UnassignedReason(Code.NO_WINDOW_FITS, "no way to %s on allowed dates: %s runs on %s only"
                    .formatted(name, access.description(), weekdays(access)));
        }
        List<TeamDay> windowFits = onDate.stream().filter(t -> windowFits(visit, t, matrix)).toList();
        if (windowFits.isEmpty()) {
            return new UnassignedReason(Code.NO_WINDOW_FITS, "no window fits %s of work on allowed dates"
                    .formatted(hoursMinutes(work)));
        }

        List<TeamDay> skilled = windowFits.stream().filter(t -> visit.appointmentsLackingSkill(t) == 0).toList();
        if (skilled.isEmpty()) {
            Set<String> missing = windowFits.stream().map(t -> visit.missingSkills(t.getTeam()))
                    .min(Comparator.comparingInt(Set::size)).orElseThrow();
            return new UnassignedReason(Code.NO_SKILLED_TEAM, "no team with skill %s on allowed dates (%s to %s)"
                    .formatted(String.join(", ", missing), visit.getEarliest(), visit.getLatest()));
        }

        int maxCapacity = skilled.stream().mapToInt(TeamDay::maxAppointments).max().orElseThrow();
        if (visit.getAppointments() > maxCapacity) {
            return new UnassignedReason(Code.CAPACITY,
                    "capacity: %d appointments, eligible teams serve at most %d a day"
                    .formatted(visit.getAppointments(), maxCapacity));
        }
        List<TeamDay> withRoom = skilled.stream()
                .filter(t -> t.appointments() + visit.getAppointments() <= t.maxAppointments()).toList();
        if (withRoom.isEmpty()) {
            return new UnassignedReason(Code.CAPACITY, "capacity: all %d eligible team-days already hold their maximum"
                    .formatted(skilled.size()) + " of appointments");
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

    private static long roundTrip(TeamDay tour, int site, TravelMatrix matrix) {
        return matrix.seconds(tour.getBaseIndex(), site) + matrix.seconds(site, tour.getBaseIndex());
    }

    private static long shift(TeamDay tour) {
        return tour.getShiftEnd() - tour.getShiftStart();
    }

    /** Routing problems start with the location id, which means nothing to a dispatcher. */
    private static String withoutId(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? problem : problem.substring(colon + 2);
    }

    private static String weekdays(AccessLeg access) {
        return access.days().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
    }

    static String hoursMinutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes / 60 + "h" + (minutes % 60 < 10 ? "0" : "") + minutes % 60;
    }
}
