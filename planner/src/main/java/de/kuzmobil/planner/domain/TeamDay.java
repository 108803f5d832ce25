package de.kuzmobil.planner.domain;

import de.kuzmobil.planner.travel.TravelMatrix;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One tour: a team on one date, starting and ending at its base. The ordered visit list is the
 * planning variable. One extra, virtual TeamDay holds the unassigned visits, because OptaPlanner
 * 10 list variables cannot leave a value unassigned: it has no team, no travel and no limits.
 */
@PlanningEntity
public class TeamDay {

    public static final String UNASSIGNED_ID = "unassigned";

    @PlanningId
    private String id;
    private Team team;
    private LocalDate date;
    /** Days since the plan's first date: index into {@link Visit}'s per-day arrays. */
    private int dayIndex;
    private long shiftStart;
    private long shiftEnd;
    private long breakSpanStart;
    private long breakSpanEnd;
    private int baseIndex;
    private TravelMatrix matrix;
    private boolean unassignedTour;
    /** Pinned visits never leave their tour, so this is fixed once the plan is prepared. */
    private int pinnedVisitCount;

    @PlanningListVariable
    private List<Visit> visits = new ArrayList<>();

    public TeamDay() {
    }

    public TeamDay(Team team, Shift shift, int dayIndex, TravelMatrix matrix) {
        this.id = idOf(team.id(), shift.date());
        this.team = team;
        this.date = shift.date();
        this.dayIndex = dayIndex;
        this.shiftStart = shift.start().toSecondOfDay();
        this.shiftEnd = shift.end().toSecondOfDay();
        this.breakSpanStart = team.breakRule().spanStart().toSecondOfDay();
        this.breakSpanEnd = team.breakRule().spanEnd().toSecondOfDay();
        this.baseIndex = matrix.indexOf(team.base().id());
        this.matrix = matrix;
    }

    /** A team-day's id, "teamId@date": how pins, published assignments and stored plans name a tour. */
    public static String idOf(Object teamId, LocalDate date) {
        return teamId + "@" + date;
    }

    public static TeamDay unassigned() {
        TeamDay tour = new TeamDay();
        tour.id = UNASSIGNED_ID;
        tour.unassignedTour = true;
        return tour;
    }

    public boolean isReal() {
        return !unassignedTour;
    }

    public boolean isUnassignedTour() {
        return unassignedTour;
    }

    /** A real tour with at least one visit: a team-day the plan uses. */
    public boolean isUsed() {
        return !unassignedTour && !visits.isEmpty();
    }

    public boolean hasSkill(String skill) {
        return team != null && team.skills().contains(skill);
    }

    public int maxAppointments() {
        return team.maxAppointmentsPerDay();
    }

    /** Appointments of all visits in this tour. */
    public int appointments() {
        int sum = 0;
        for (Visit visit : visits) {
            sum += visit.getAppointments();
        }
        return sum;
    }

    /** On-site minutes of this tour's visits (each visit's whole minutes). */
    public long durationMinutes() {
        long sum = 0;
        for (Visit visit : visits) {
            sum += visit.getDurationMinutes();
        }
        return sum;
    }

    public long requiredBreakSeconds(long workSeconds) {
        return team.breakRule().requiredSeconds(workSeconds);
    }

    /** The team takes no break however long it works (the Solomon benchmark's teams). */
    public boolean breakNeverDue() {
        return requiredBreakSeconds(Long.MAX_VALUE) == 0;
    }

    public String getId() {
        return id;
    }

    public Team getTeam() {
        return team;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getDayIndex() {
        return dayIndex;
    }

    public long getShiftStart() {
        return shiftStart;
    }

    public long getShiftEnd() {
        return shiftEnd;
    }

    public LocalTime getShiftStartTime() {
        return LocalTime.ofSecondOfDay(shiftStart);
    }

    public LocalTime getShiftEndTime() {
        return LocalTime.ofSecondOfDay(shiftEnd);
    }

    public long getBreakSpanStart() {
        return breakSpanStart;
    }

    public long getBreakSpanEnd() {
        return breakSpanEnd;
    }

    public int getBaseIndex() {
        return baseIndex;
    }

    public TravelMatrix getMatrix() {
        return matrix;
    }

    public int getPinnedVisitCount() {
        return pinnedVisitCount;
    }

    public void setPinnedVisitCount(int pinnedVisitCount) {
        this.pinnedVisitCount = pinnedVisitCount;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    @Override
    public String toString() {
        return id;
    }
}
