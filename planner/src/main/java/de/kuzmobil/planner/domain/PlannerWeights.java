package de.kuzmobil.planner.domain;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Configurable weights of the objective below feasibility. Units of the match weight: travel in
 * seconds, team-day used per tour, work balance in squared on-site minutes per team and week divided
 * by 600, continuity and stability per visit. A weight of zero switches a constraint off entirely, so
 * {@link #pureTravel()} is the "least driving" objective; setting {@code teamDayUsed} to
 * {@code ofMedium(1)} gives the hierarchical "fewest team-days first" objective of VRPTW
 * benchmarks.
 *
 * <p>The names must equal the constraint names in {@code WeekPlanConstraints}.
 */
@ConstraintConfiguration
public class PlannerWeights {

    public static final String TRAVEL_TIME = "Travel time";
    public static final String TEAM_DAY_USED = "Team-day used";
    public static final String WORK_BALANCE = "Work balance between teams";
    public static final String TEAM_CONTINUITY = "Team continuity at a site";
    public static final String STABILITY = "Stability of published visits";

    @ConstraintWeight(TRAVEL_TIME)
    private HardMediumSoftLongScore travelTime = HardMediumSoftLongScore.ofSoft(1);
    @ConstraintWeight(TEAM_DAY_USED)
    private HardMediumSoftLongScore teamDayUsed = HardMediumSoftLongScore.ZERO;
    @ConstraintWeight(WORK_BALANCE)
    private HardMediumSoftLongScore workBalance = HardMediumSoftLongScore.ofSoft(1);
    /** 5 minutes of driving: a familiar team is worth a short detour, not a long one. */
    @ConstraintWeight(TEAM_CONTINUITY)
    private HardMediumSoftLongScore teamContinuity = HardMediumSoftLongScore.ofSoft(300);
    /** 15 minutes of driving per published visit moved: citizens may already have booked. */
    @ConstraintWeight(STABILITY)
    private HardMediumSoftLongScore stability = HardMediumSoftLongScore.ofSoft(900);

    public PlannerWeights() {
    }

    public static PlannerWeights defaults() {
        return new PlannerWeights();
    }

    /** Only driving time counts below feasibility. */
    public static PlannerWeights pureTravel() {
        return new PlannerWeights().withWorkBalance(HardMediumSoftLongScore.ZERO)
                .withTeamContinuity(HardMediumSoftLongScore.ZERO).withStability(HardMediumSoftLongScore.ZERO);
    }

    /**
     * Fewest team-days first, then driving. The team-day cost sits on the medium level next to
     * unassigned appointments (one team-day weighs as much as one priority-1 appointment), so it
     * never buys feasibility.
     */
    public static PlannerWeights fewestTeamDaysFirst() {
        return pureTravel().withTeamDayUsed(HardMediumSoftLongScore.ofMedium(1));
    }

    public PlannerWeights withTravelTime(HardMediumSoftLongScore w) {
        PlannerWeights c = copy();
        c.travelTime = w;
        return c;
    }

    public PlannerWeights withTeamDayUsed(HardMediumSoftLongScore w) {
        PlannerWeights c = copy();
        c.teamDayUsed = w;
        return c;
    }

    public PlannerWeights withWorkBalance(HardMediumSoftLongScore w) {
        PlannerWeights c = copy();
        c.workBalance = w;
        return c;
    }

    public PlannerWeights withTeamContinuity(HardMediumSoftLongScore w) {
        PlannerWeights c = copy();
        c.teamContinuity = w;
        return c;
    }

    public PlannerWeights withStability(HardMediumSoftLongScore w) {
        PlannerWeights c = copy();
        c.stability = w;
        return c;
    }

    private PlannerWeights copy() {
        PlannerWeights c = new PlannerWeights();
        c.travelTime = travelTime;
        c.teamDayUsed = teamDayUsed;
        c.workBalance = workBalance;
        c.teamContinuity = teamContinuity;
        c.stability = stability;
        return c;
    }

    public HardMediumSoftLongScore getTravelTime() {
        return travelTime;
    }

    public HardMediumSoftLongScore getTeamDayUsed() {
        return teamDayUsed;
    }

    public HardMediumSoftLongScore getWorkBalance() {
        return workBalance;
    }

    public HardMediumSoftLongScore getTeamContinuity() {
        return teamContinuity;
    }

    public HardMediumSoftLongScore getStability() {
        return stability;
    }
}
