package de.kuzmobil.planner.domain;

import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * What a dispatcher asks the solver to minimise once the demand is served as far as it can be.
 * Both keep the soft rules of {@link PlannerWeights#defaults()} (driving, balance, continuity,
 * stability); they differ in whether a team-day used costs on the medium level.
 */
public enum Objective {

    /** Least driving: as many team-days as that takes (a team-day costs nothing by itself). */
    LEAST_DRIVING,

    /**
     * Fewest team-days first, then the soft rules. One team-day weighs on the medium level as much
     * as one unserved appointment of priority 1: demand worth more is never dropped to save a
     * team-day, but a team-day whose only work is one priority-1 appointment ties with leaving it
     * unserved, and then the soft rules (less driving) decide. The solver adds its tour elimination
     * phase for this objective.
     */
    FEWEST_TEAM_DAYS;

    public PlannerWeights weights() {
        return switch (this) {
            case LEAST_DRIVING -> PlannerWeights.defaults();
            case FEWEST_TEAM_DAYS -> PlannerWeights.defaults().withTeamDayUsed(HardMediumSoftLongScore.ofMedium(1));
        };
    }
}
