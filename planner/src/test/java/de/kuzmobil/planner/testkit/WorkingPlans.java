package de.kuzmobil.planner.testkit;

import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** For move tests: a random week solved for a while, a score director working on a plan, plan invariants. */
public final class WorkingPlans {

    private WorkingPlans() {
    }

    /** The week after {@code scoreCalculations} steps of the product's solver (tours filled, not optimal). */
    public static WeekPlan solved(RandomWeek.Instance week, SolverSettings settings, long scoreCalculations) {
        WeekPlan plan = WeekPlanFactory.build(week.problem(), new EuclideanTravelTimes());
        SolverConfig config = WeekPlanSolver.solverConfig(settings, plan)
                .withTerminationConfig(new TerminationConfig().withScoreCalculationCountLimit(scoreCalculations));
        return WeekPlanSolver.solveMeasured(plan, settings, config).best();
    }

    /** A score director of the product's constraints on {@code plan}, score calculated. */
    @SuppressWarnings("unchecked")
    public static InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> scoreDirector(WeekPlan plan,
                                                                                     SolverSettings settings,
                                                                                     boolean constraintMatches) {
        DefaultSolverFactory<WeekPlan> factory =
                (DefaultSolverFactory<WeekPlan>) SolverFactory.<WeekPlan>create(WeekPlanSolver.solverConfig(settings));
        InnerScoreDirector<WeekPlan, HardMediumSoftLongScore> director =
                (InnerScoreDirector<WeekPlan, HardMediumSoftLongScore>) factory.getScoreDirectorFactory()
                        .buildScoreDirector(false, constraintMatches);
        director.setWorkingSolution(plan);
        director.calculateScore();
        return director;
    }

    /** After a move or phase: every visit in exactly one tour that knows it, pinned visits on their tours. */
    public static void assertToursConsistent(WeekPlan plan, RandomWeek.Instance week) {
        assertThat(plan.getTeamDays().stream().mapToInt(t -> t.getVisits().size()).sum())
                .isEqualTo(plan.getVisits().size());
        assertThat(plan.getTeamDays().stream().flatMap(t -> t.getVisits().stream()).distinct().count())
                .isEqualTo(plan.getVisits().size());
        plan.getTeamDays().forEach(t -> t.getVisits().forEach(v -> assertThat(v.getTeamDay()).isSameAs(t)));
        for (Pin pin : week.problem().pins()) {
            Visit pinned = plan.getVisits().stream().filter(v -> v.getId().equals(pin.visitId())).findFirst()
                    .orElseThrow();
            assertThat(pinned.getTeamDay().getId()).isEqualTo(TeamDay.idOf(pin.teamId(), pin.date()));
        }
    }
}
