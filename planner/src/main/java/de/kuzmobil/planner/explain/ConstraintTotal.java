package de.kuzmobil.planner.explain;

/**
 * Sum of one constraint over the plan.
 *
 * @param score e.g. "-45hard/0medium/0soft"
 */
public record ConstraintTotal(String constraint, int matchCount, long hard, long medium, long soft, String score) {
}
