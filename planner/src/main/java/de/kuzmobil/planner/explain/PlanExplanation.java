package de.kuzmobil.planner.explain;

import java.util.List;
import java.util.Map;

/**
 * What is wrong and why, for one plan.
 *
 * @param hardByVisit  visit id → hard rules it breaks (tour-level rules are listed on every visit of
 *                     the tour, so an edited visit shows the late return it causes)
 * @param unassigned   visit id → reason, for every unassigned visit
 * @param inputProblems input that could not be used (unknown sites, pins to days without shift)
 */
public record PlanExplanation(String score, boolean feasible, List<ConstraintTotal> totals,
                              Map<String, List<HardViolation>> hardByVisit,
                              Map<String, UnassignedReason> unassigned, Map<String, String> inputProblems) {

    public List<HardViolation> hardViolationsOf(String visitId) {
        return hardByVisit.getOrDefault(visitId, List.of());
    }
}
