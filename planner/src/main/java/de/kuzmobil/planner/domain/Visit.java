package de.kuzmobil.planner.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the solver places: a bundle of demand at one site, served in one go. Everything the score
 * needs per day (windows, allowed dates) is precomputed into arrays indexed by the day index of
 * the plan, so the solver's hot path is array lookups.
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;
    private Site site;
    private List<DemandShare> shares;
    private int appointments;
    private long durationSeconds;
    private int priority;
    /** Σ appointments × demand priority: the medium-level cost of leaving this visit unassigned. */
    private long unassignedWeight;
    private String[] skills;
    private int[] appointmentsPerSkill;
    private LocalDate earliest;
    private LocalDate latest;
    /** Bit d set = the demand allows day index d of the plan. */
    private long allowedDayMask;
    /** Per day index: opening windows as [start0, end0, start1, end1, ...] seconds, sorted. */
    private long[][] windowsByDay;
    private int locationIndex;

    private TeamDay pinnedTeamDay;
    /** Pinned start second of day, -1 when only the team-day is pinned. */
    private long pinnedStart = -1;
    /** TeamDay id in the last published plan, null when the visit was not published. */
    private String publishedTeamDayId;
    /** Team that served this site in the last published plan, null when none. */
    private String previousSiteTeamId;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private TeamDay teamDay;

    @ShadowVariable(variableListenerClass = TourScheduleListener.class,
            sourceEntityClass = TeamDay.class, sourceVariableName = "visits")
    private VisitSchedule schedule;

    public Visit() {
    }

    public Visit(String id, Site site, List<DemandShare> shares, LocalDate earliest, LocalDate latest) {
        this.id = id;
        this.site = site;
        this.shares = List.copyOf(shares);
        this.earliest = earliest;
        this.latest = latest;
        long serviceMinutes = 0;
        Map<String, Integer> perSkill = new LinkedHashMap<>();
        for (DemandShare share : shares) {
            appointments += share.appointments();
            serviceMinutes += (long) share.appointments() * share.service().minutesPerCase();
            priority = Math.max(priority, share.priority());
            unassignedWeight += (long) share.appointments() * share.priority();
            perSkill.merge(share.service().skill(), share.appointments(), Integer::sum);
        }
        this.durationSeconds = (site.setUpMinutes() + serviceMinutes) * 60;
        this.skills = perSkill.keySet().toArray(String[]::new);
        this.appointmentsPerSkill = perSkill.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Fixes the per-day arrays for a plan whose day index 0 is {@code firstDate}, and the matrix
     * index of the site.
     */
    public void index(LocalDate firstDate, int days, int locationIndex) {
        if (days > 64) {
            throw new IllegalArgumentException("a plan spans at most 64 days");
        }
        this.locationIndex = locationIndex;
        this.windowsByDay = new long[days][];
        this.allowedDayMask = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = firstDate.plusDays(d);
            // no way there that day (a declared crossing not running) counts as closed
            List<OpeningWindow> windows = site.reachableOn(date) ? site.opening().windowsOn(date) : List.of();
            long[] flat = new long[windows.size() * 2];
            for (int i = 0; i < windows.size(); i++) {
                flat[2 * i] = windows.get(i).startSecond();
                flat[2 * i + 1] = windows.get(i).endSecond();
            }
            windowsByDay[d] = flat;
            if (!date.isBefore(earliest) && !date.isAfter(latest)) {
                allowedDayMask |= 1L << d;
            }
        }
    }

    public void pinTo(TeamDay tour, LocalTime start) {
        this.pinnedTeamDay = tour;
        this.pinnedStart = start == null ? -1 : start.toSecondOfDay();
    }

    // ---- small domain arithmetic used by the constraints ----

    public boolean isPinned() {
        return pinnedTeamDay != null;
    }

    public boolean isAssigned() {
        return teamDay != null && teamDay.isReal();
    }

    public boolean isOnAllowedDay() {
        return (allowedDayMask & (1L << teamDay.getDayIndex())) != 0;
    }

    public boolean isAllowedOn(int dayIndex) {
        return (allowedDayMask & (1L << dayIndex)) != 0;
    }

    /**
     * A tour that may take it: its pinned team-day if it has one, on a date it may be on, with a team
     * that has every skill it needs.
     */
    public boolean mayGoTo(TeamDay tour) {
        return (pinnedTeamDay == null || pinnedTeamDay == tour) && isAllowedOn(tour.getDayIndex())
                && appointmentsLackingSkill(tour) == 0;
    }

    public long[] windowsOn(int dayIndex) {
        return windowsByDay[dayIndex];
    }

    /** Appointments whose service needs a skill the tour's team lacks. */
    public int appointmentsLackingSkill(TeamDay tour) {
        int missing = 0;
        for (int i = 0; i < skills.length; i++) {
            if (!tour.hasSkill(skills[i])) {
                missing += appointmentsPerSkill[i];
            }
        }
        return missing;
    }

    public Set<String> missingSkills(Team team) {
        Set<String> missing = new LinkedHashSet<>();
        for (String skill : skills) {
            if (!team.skills().contains(skill)) {
                missing.add(skill);
            }
        }
        return missing;
    }

    public boolean isOffPinnedTeamDay() {
        return pinnedTeamDay != null && teamDay != pinnedTeamDay;
    }

    public long pinnedStartDeviationSeconds() {
        if (pinnedStart < 0 || schedule == null) {
            return 0;
        }
        return Math.abs(schedule.start() - pinnedStart);
    }

    public boolean isLastInTour() {
        return schedule != null && schedule.tourEnd() != null;
    }

    public long getDurationMinutes() {
        return durationSeconds / 60;
    }

    public LocalTime getStartTime() {
        return schedule == null ? null : toTime(schedule.start());
    }

    public LocalTime getEndTime() {
        return schedule == null ? null : toTime(schedule.end());
    }

    static LocalTime toTime(long secondOfDay) {
        return LocalTime.ofSecondOfDay(Math.min(Math.max(secondOfDay, 0), 86_399));
    }

    // ---- getters and setters ----

    public String getId() {
        return id;
    }

    public Site getSite() {
        return site;
    }

    public List<DemandShare> getShares() {
        return shares;
    }

    public int getAppointments() {
        return appointments;
    }

    public long getDurationSeconds() {
        return durationSeconds;
    }

    public int getPriority() {
        return priority;
    }

    public long getUnassignedWeight() {
        return unassignedWeight;
    }

    public String[] getSkills() {
        return skills.clone();
    }

    public LocalDate getEarliest() {
        return earliest;
    }

    public LocalDate getLatest() {
        return latest;
    }

    public int getLocationIndex() {
        return locationIndex;
    }

    public TeamDay getPinnedTeamDay() {
        return pinnedTeamDay;
    }

    public long getPinnedStart() {
        return pinnedStart;
    }

    public String getPublishedTeamDayId() {
        return publishedTeamDayId;
    }

    public void setPublishedTeamDayId(String publishedTeamDayId) {
        this.publishedTeamDayId = publishedTeamDayId;
    }

    public String getPreviousSiteTeamId() {
        return previousSiteTeamId;
    }

    public void setPreviousSiteTeamId(String previousSiteTeamId) {
        this.previousSiteTeamId = previousSiteTeamId;
    }

    public TeamDay getTeamDay() {
        return teamDay;
    }

    public void setTeamDay(TeamDay teamDay) {
        this.teamDay = teamDay;
    }

    public VisitSchedule getSchedule() {
        return schedule;
    }

    public void setSchedule(VisitSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public String toString() {
        return id;
    }
}
