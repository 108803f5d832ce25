package de.kuzmobil.data.plan;

import java.util.Set;

/** A plan's state; the names are those the check on {@code plan.status} allows (migration V9). */
public enum PlanStatus {
    /** Waiting for a solver or being solved (see solver_job). */
    SOLVING,
    /** Solved (or stopped early, keeping its best plan); may be edited and published. */
    SOLVED,
    /** The plan citizens see for its week (one per week). */
    PUBLISHED,
    /** Published once, replaced by a newer published plan. */
    SUPERSEDED,
    /** Solving failed or was stopped before a plan existed; {@code failure} says why. */
    FAILED;

    /** Published or superseded: frozen for citizens; changes go into a new plan. */
    public static final Set<PlanStatus> FROZEN = Set.of(PUBLISHED, SUPERSEDED);

    public boolean frozen() {
        return FROZEN.contains(this);
    }
}
