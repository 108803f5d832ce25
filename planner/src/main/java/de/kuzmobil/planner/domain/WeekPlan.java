package de.kuzmobil.planner.domain;

import de.kuzmobil.planner.travel.TravelMatrix;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The solution: all tours of the planning horizon (plus the virtual unassigned tour), all visits,
 * the travel matrix and the weights. Build it with {@code WeekPlanFactory}; it is then prepared
 * (pins in place, times computed) and can be solved, explained or viewed.
 */
@PlanningSolution
public class WeekPlan {

    private LocalDate firstDate;
    private int days;
    @ProblemFactCollectionProperty
    private List<Team> teams;
    @ProblemFactCollectionProperty
    private List<Site> sites;
    /** Real tours first, the unassigned tour last. */
    @PlanningEntityCollectionProperty
    private List<TeamDay> teamDays;
    /*
     * Visits are list values: in OptaPlanner 10 they must be a fact collection with a value range
     * (as entities with shadow variables they are still cloned); a @PlanningEntityCollectionProperty
     * here crashes.
     */
    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;
    @ConstraintConfigurationProvider
    private PlannerWeights weights;
    @PlanningScore
    private HardMediumSoftLongScore score;

    private TravelMatrix matrix;
    /** Input that could not be used, by key ("demand:ID", "pin:VISIT"): unknown site, pin to a day without shift... */
    private Map<String, String> inputProblems;

    public WeekPlan() {
    }

    public WeekPlan(LocalDate firstDate, int days, List<Team> teams, List<Site> sites, List<TeamDay> teamDays,
                    List<Visit> visits, PlannerWeights weights, TravelMatrix matrix,
                    Map<String, String> inputProblems) {
        this.firstDate = firstDate;
        this.days = days;
        this.teams = teams;
        this.sites = sites;
        this.teamDays = teamDays;
        this.visits = visits;
        this.weights = weights;
        this.matrix = matrix;
        this.inputProblems = inputProblems;
    }

    public TeamDay unassignedTour() {
        for (TeamDay tour : teamDays) {
            if (tour.isUnassignedTour()) {
                return tour;
            }
        }
        throw new IllegalStateException("plan has no unassigned tour");
    }

    public LocalDate getFirstDate() {
        return firstDate;
    }

    public int getDays() {
        return days;
    }

    public List<Team> getTeams() {
        return teams;
    }

    public List<Site> getSites() {
        return sites;
    }

    public List<TeamDay> getTeamDays() {
        return teamDays;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public PlannerWeights getWeights() {
        return weights;
    }

    public void setWeights(PlannerWeights weights) {
        this.weights = weights;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    public TravelMatrix getMatrix() {
        return matrix;
    }

    public Map<String, String> getInputProblems() {
        return inputProblems;
    }
}
