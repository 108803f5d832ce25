package de.kuzmobil.planner.solver;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

import java.util.List;

/**
 * Why a constraint matched, in words a dispatcher understands. Every constraint of
 * {@link WeekPlanConstraints} justifies its matches with one of these; {@code PlanExplainer}
 * turns them into per-visit listings.
 *
 * @param visitIds  the visits concerned (for tour-level rules: all visits of the tour)
 * @param teamDayId the tour, null when none (unassigned visits)
 * @param amount    the match weight (unit depends on the constraint, see docs/planner.md)
 */
public record Violation(String constraint, List<String> visitIds, String teamDayId, long amount, String message)
        implements ConstraintJustification {
}
