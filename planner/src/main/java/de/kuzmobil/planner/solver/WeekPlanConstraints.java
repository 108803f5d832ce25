package de.kuzmobil.planner.solver;

import de.kuzmobil.planner.domain.PlannerWeights;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.VisitSchedule;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;

import java.time.LocalTime;
import java.util.List;

/**
 * The weekly tour rules. Hard: a plan that breaks one cannot be driven. Medium: demand left
 * unserved. Soft (weights in {@link PlannerWeights}): driving, then balance, continuity, stability.
 * Units of every match weight are listed in docs/planner.md.
 */
public class WeekPlanConstraints implements ConstraintProvider {

    // Hard
    public static final String INSIDE_WINDOW = "Visit inside an opening window";
    public static final String BACK_AT_BASE = "Back at base by shift end";
    public static final String LUNCH_BREAK = "Lunch break held";
    public static final String TEAM_SKILLS = "Team has the skills";
    public static final String CAPACITY = "Appointments within team-day capacity";
    public static final String ALLOWED_DATE = "Visit on a date its demand allows";
    public static final String PIN_TEAM_DAY = "Pinned visit stays on its team-day";
    public static final String PIN_START = "Pinned start time held";
    public static final String ROAD_CONNECTION = "Road connection between stops";
    // Medium
    public static final String UNASSIGNED = "Unassigned appointments";
    // Soft (configurable)
    public static final String TRAVEL_TIME = PlannerWeights.TRAVEL_TIME;
    public static final String TEAM_DAY_USED = PlannerWeights.TEAM_DAY_USED;
    public static final String WORK_BALANCE = PlannerWeights.WORK_BALANCE;
    public static final String TEAM_CONTINUITY = PlannerWeights.TEAM_CONTINUITY;
    public static final String STABILITY = PlannerWeights.STABILITY;

    public static final List<String> HARD = List.of(INSIDE_WINDOW, BACK_AT_BASE, LUNCH_BREAK, TEAM_SKILLS,
            CAPACITY, ALLOWED_DATE, PIN_TEAM_DAY, PIN_START, ROAD_CONNECTION);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                insideWindow(factory),
                backAtBase(factory),
                lunchBreak(factory),
                teamSkills(factory),
                capacity(factory),
                allowedDate(factory),
                pinTeamDay(factory),
                pinStart(factory),
                roadConnection(factory),

                unassigned(factory),

                travelTime(factory),
                teamDayUsed(factory),
                workBalance(factory),
                teamContinuity(factory),
                stability(factory)
        };
    }

    // ---- Hard ----

    Constraint insideWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.getSchedule() != null && v.getSchedule().windowOverrunSeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> minutes(v.getSchedule().windowOverrunSeconds()))
                .justifyWith((v, score) -> visit(INSIDE_WINDOW, v, minutes(v.getSchedule().windowOverrunSeconds()),
                        "%s-%s on %s: %d min outside every opening window of %s"
                                .formatted(time(v.getSchedule().start()), time(v.getSchedule().end()),
                                        v.getTeamDay().getDate(), minutes(v.getSchedule().windowOverrunSeconds()),
                                        v.getSite().name())))
                .asConstraint(INSIDE_WINDOW);
    }

    Constraint backAtBase(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.isLastInTour() && lateSeconds(v) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> minutes(lateSeconds(v)))
                .justifyWith((v, score) -> tour(BACK_AT_BASE, v, minutes(lateSeconds(v)),
                        "back at base %s, shift ends %s: %d min late".formatted(
                                time(v.getSchedule().tourEnd().returnToBase()),
                                v.getTeamDay().getShiftEndTime(), minutes(lateSeconds(v)))))
                .asConstraint(BACK_AT_BASE);
    }

    Constraint lunchBreak(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.isLastInTour() && breakMissing(v.getSchedule().tourEnd()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        v -> minutes(v.getSchedule().tourEnd().breakRequiredSeconds()))
                .justifyWith((v, score) -> tour(LUNCH_BREAK, v,
                        minutes(v.getSchedule().tourEnd().breakRequiredSeconds()),
                        "%d min working time needs a %d min break between %s and %s; no stop allows it"
                                .formatted(minutes(v.getSchedule().tourEnd().workSeconds()),
                                        minutes(v.getSchedule().tourEnd().breakRequiredSeconds()),
                                        time(v.getTeamDay().getBreakSpanStart()),
                                        time(v.getTeamDay().getBreakSpanEnd()))))
                .asConstraint(LUNCH_BREAK);
    }

    Constraint teamSkills(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.appointmentsLackingSkill(v.getTeamDay()) > 0)
                .penalize(HardMediumSoftLongScore.ONE_HARD, v -> v.appointmentsLackingSkill(v.getTeamDay()))
                .justifyWith((v, score) -> visit(TEAM_SKILLS, v, v.appointmentsLackingSkill(v.getTeamDay()),
                        "team %s lacks %s for %d appointments".formatted(v.getTeamDay().getTeam().name(),
                                v.missingSkills(v.getTeamDay().getTeam()), v.appointmentsLackingSkill(v.getTeamDay()))))
                .asConstraint(TEAM_SKILLS);
    }

    /*
     * Capacity, team-days used and work balance read only which visits a tour holds, so they are
     * matched per tour (updated when its list changes), not grouped from visits: a visit is updated
     * on every change of its schedule too, and each update re-aggregated its group (Solomon, 30 s:
     * 12 % more moves per second with team-days counted, 8 % without; docs/decisions.md,
     * thirteenth round).
     */
    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(TeamDay.class)
                .filter(tour -> tour.isReal() && tour.appointments() > tour.maxAppointments())
                .penalize(HardMediumSoftLongScore.ONE_HARD, tour -> tour.appointments() - tour.maxAppointments())
                .justifyWith((tour, score) -> new Violation(CAPACITY, visitIds(tour), tour.getId(),
                        tour.appointments() - tour.maxAppointments(),
                        "%d appointments, team %s serves at most %d a day".formatted(tour.appointments(),
                                tour.getTeam().name(), tour.maxAppointments())))
                .asConstraint(CAPACITY);
    }

    Constraint allowedDate(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && !v.isOnAllowedDay())
                .penalize(HardMediumSoftLongScore.ONE_HARD, Visit::getAppointments)
                .justifyWith((v, score) -> visit(ALLOWED_DATE, v, v.getAppointments(),
                        "on %s, demand allows %s to %s".formatted(v.getTeamDay().getDate(), v.getEarliest(),
                                v.getLatest())))
                .asConstraint(ALLOWED_DATE);
    }

    Constraint pinTeamDay(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::isOffPinnedTeamDay)
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .justifyWith((v, score) -> visit(PIN_TEAM_DAY, v, 1,
                        "pinned to %s but on %s".formatted(v.getPinnedTeamDay().getId(),
                                v.getTeamDay() == null ? "none" : v.getTeamDay().getId())))
                .asConstraint(PIN_TEAM_DAY);
    }

    Constraint pinStart(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.pinnedStartDeviationSeconds() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, v -> minutes(v.pinnedStartDeviationSeconds()))
                .justifyWith((v, score) -> visit(PIN_START, v, minutes(v.pinnedStartDeviationSeconds()),
                        "pinned to start %s, starts %s".formatted(time(v.getPinnedStart()),
                                time(v.getSchedule().start()))))
                .asConstraint(PIN_START);
    }

    Constraint roadConnection(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.getSchedule() != null && unreachableLegs(v.getSchedule()) > 0)
                .penalize(HardMediumSoftLongScore.ONE_HARD, v -> unreachableLegs(v.getSchedule()))
                .justifyWith((v, score) -> visit(ROAD_CONNECTION, v, unreachableLegs(v.getSchedule()),
                        "no road connection to or from " + v.getSite().name()))
                .asConstraint(ROAD_CONNECTION);
    }

    // ---- Medium ----

    Constraint unassigned(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.getTeamDay() != null && v.getTeamDay().isUnassignedTour())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, Visit::getUnassignedWeight)
                .justifyWith((v, score) -> new Violation(UNASSIGNED, List.of(v.getId()), null,
                        v.getUnassignedWeight(), "%d appointments (priority %d) not planned"
                        .formatted(v.getAppointments(), v.getPriority())))
                .asConstraint(UNASSIGNED);
    }

    // ---- Soft ----

    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.getSchedule() != null && travelSeconds(v.getSchedule()) > 0)
                .penalizeConfigurableLong(v -> travelSeconds(v.getSchedule()))
                .justifyWith((v, score) -> visit(TRAVEL_TIME, v, travelSeconds(v.getSchedule()),
                        "%d s driving to (and home from) this stop".formatted(travelSeconds(v.getSchedule()))))
                .asConstraint(TRAVEL_TIME);
    }

    Constraint teamDayUsed(ConstraintFactory factory) {
        return factory.forEach(TeamDay.class)
                .filter(TeamDay::isUsed)
                .penalizeConfigurable()
                .justifyWith((tour, score) -> new Violation(TEAM_DAY_USED, visitIds(tour), tour.getId(), 1,
                        "tour used"))
                .asConstraint(TEAM_DAY_USED);
    }

    Constraint workBalance(ConstraintFactory factory) {
        return factory.forEach(TeamDay.class)
                .filter(TeamDay::isUsed)
                .groupBy(tour -> tour.getTeam().id(), ConstraintCollectors.sumLong(TeamDay::durationMinutes))
                .penalizeConfigurableLong((team, minutes) -> balanceWeight(minutes))
                .justifyWith((team, minutes, score) -> new Violation(WORK_BALANCE, List.of(), null,
                        balanceWeight(minutes), "team %s: %d min on site this week".formatted(team, minutes)))
                .asConstraint(WORK_BALANCE);
    }

    Constraint teamContinuity(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.isAssigned() && v.getPreviousSiteTeamId() != null
                        && !v.getPreviousSiteTeamId().equals(v.getTeamDay().getTeam().id()))
                .penalizeConfigurable()
                .justifyWith((v, score) -> visit(TEAM_CONTINUITY, v, 1,
                        "site last served by team " + v.getPreviousSiteTeamId()))
                .asConstraint(TEAM_CONTINUITY);
    }

    Constraint stability(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(v -> v.getTeamDay() != null && v.getPublishedTeamDayId() != null
                        && !v.getPublishedTeamDayId().equals(v.getTeamDay().getId()))
                .penalizeConfigurable()
                .justifyWith((v, score) -> visit(STABILITY, v, 1,
                        "published on " + v.getPublishedTeamDayId() + ", now " + v.getTeamDay().getId()))
                .asConstraint(STABILITY);
    }

    // ---- arithmetic ----

    /** Penalties in whole minutes, rounded up: one second late is late. */
    static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }

    /**
     * Squared on-site minutes of a team's week / 600: the sum over teams is smallest when work is
     * spread evenly. At 1500 min a week, one more minute for a team costs about 5 s of driving.
     */
    static long balanceWeight(long minutes) {
        return minutes * minutes / 600;
    }

    private static long lateSeconds(Visit last) {
        return last.getSchedule().tourEnd().returnToBase() - last.getTeamDay().getShiftEnd();
    }

    private static boolean breakMissing(VisitSchedule.TourEnd end) {
        return end.breakRequiredSeconds() > 0 && !end.breakHeld();
    }

    private static int unreachableLegs(VisitSchedule s) {
        return (s.unreachableLeg() ? 1 : 0) + (s.tourEnd() != null && s.tourEnd().unreachableLeg() ? 1 : 0);
    }

    private static long travelSeconds(VisitSchedule s) {
        return s.travelSeconds() + (s.tourEnd() == null ? 0 : s.tourEnd().travelSeconds());
    }

    private static Violation visit(String constraint, Visit v, long amount, String message) {
        return new Violation(constraint, List.of(v.getId()),
                v.getTeamDay() == null ? null : v.getTeamDay().getId(), amount, message);
    }

    private static Violation tour(String constraint, Visit last, long amount, String message) {
        return new Violation(constraint, visitIds(last.getTeamDay()), last.getTeamDay().getId(), amount, message);
    }

    private static List<String> visitIds(TeamDay tour) {
        return tour.getVisits().stream().map(Visit::getId).toList();
    }

    private static String time(long secondOfDay) {
        return secondOfDay >= 86_400 ? "next day " + LocalTime.ofSecondOfDay(secondOfDay % 86_400)
                : LocalTime.ofSecondOfDay(Math.max(0, secondOfDay)).toString();
    }
}
