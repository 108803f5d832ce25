package de.kuzmobil.planner.explain;

/**
 * Why a visit is on no tour, worked out from the model (not guessed from the score): the first
 * check in {@link Code}'s order that rules out every team-day is the reason.
 */
public record UnassignedReason(Code code, String message) {

    public enum Code {
        /** No team works on a date the demand allows. */
        NO_TEAM_ON_ALLOWED_DATES,
        /** Teams work then, but none has every skill the visit needs. */
        NO_SKILLED_TEAM,
        /** No road between a skilled team's base and the site. */
        UNREACHABLE,
        /** No opening window holds the visit with travel from and to base inside the shift. */
        NO_WINDOW_FITS,
        /** More appointments than an eligible team-day can still take. */
        CAPACITY,
        /** Eligible team-days are used by visits of higher priority. */
        DISPLACED_BY_HIGHER_PRIORITY,
        /** An eligible team-day is still empty: the solver ran out of time, not of room. */
        SOLVER_LEFT_ROOM,
        /** Eligible team-days are full with work of the same or lower priority (time, breaks, windows). */
        NO_TIME_LEFT
    }
}
