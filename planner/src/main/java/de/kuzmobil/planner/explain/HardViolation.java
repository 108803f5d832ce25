package de.kuzmobil.planner.explain;

/** One broken hard rule, as listed to a team lead after a manual edit. */
public record HardViolation(String constraint, String teamDayId, long amount, String message) {
}
