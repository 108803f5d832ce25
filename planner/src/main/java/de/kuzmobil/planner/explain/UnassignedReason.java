package de.kuzmobil.planner.explain;

/**
 * Why a visit is on no tour, worked out from the model (not guessed from the score): the team-days
 * that could take it are narrowed in {@link Code}'s order, and the first check that rules out every
 * one left is the reason.
 */
public record UnassignedReason(Code code, String message) {

    public enum Code {
        /** No road (nor declared access leg) between the site and any team's base, in one direction or both. */
        UNREACHABLE,
        /** The drive there and back with the visit's work fits no shift. */
        TOO_FAR,
        /** No team works on a date the demand allows. */
        NO_TEAM_ON_ALLOWED_DATES,
        /** No opening window (on a day the site can be reached) holds the visit with travel from and to base inside the shift. */
        NO_WINDOW_FITS,
        /** Teams could go then, but none has every skill the visit needs. */
        NO_SKILLED_TEAM,
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
