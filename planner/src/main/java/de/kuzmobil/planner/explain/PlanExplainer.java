package de.kuzmobil.planner.explain;

import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.solver.Violation;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatch;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a plan (solved or edited by hand) and explains it: totals per constraint, the hard rules
 * each visit breaks, a reason per unassigned visit. Thread-safe; build once and reuse.
 */
public final class PlanExplainer {

    private final SolutionManager<WeekPlan, HardMediumSoftLongScore> solutionManager =
            SolutionManager.create(WeekPlanSolver.scoringFactory());

    /** Recomputes times from the tour lists (so manual edits count), scores and explains. */
    public PlanExplanation explain(WeekPlan plan) {
        WeekPlanFactory.refresh(plan);
        ScoreExplanation<WeekPlan, HardMediumSoftLongScore> explanation = solutionManager.explain(plan);

        List<ConstraintTotal> totals = new ArrayList<>();
        Map<String, List<HardViolation>> hardByVisit = new LinkedHashMap<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            HardMediumSoftLongScore s = total.getScore();
            totals.add(new ConstraintTotal(total.getConstraintName(), total.getConstraintMatchCount(),
                    s.getHardScore(), s.getMediumScore(), s.getSoftScore(), s.toString()));
            for (ConstraintMatch<HardMediumSoftLongScore> match : total.getConstraintMatchSet()) {
                if (match.getScore().getHardScore() < 0 && match.getJustification() instanceof Violation v) {
                    for (String visitId : v.visitIds()) {
                        hardByVisit.computeIfAbsent(visitId, k -> new ArrayList<>())
                                .add(new HardViolation(v.constraint(), v.teamDayId(), v.amount(), v.message()));
                    }
                }
            }
        }
        totals.sort(Comparator.comparing(ConstraintTotal::hard).thenComparing(ConstraintTotal::medium)
                .thenComparing(ConstraintTotal::soft).thenComparing(ConstraintTotal::constraint));
        HardMediumSoftLongScore score = explanation.getScore();
        return new PlanExplanation(score.toString(), score.getHardScore() == 0, totals, hardByVisit,
                UnassignedReasons.of(plan), plan.getInputProblems());
    }
}
