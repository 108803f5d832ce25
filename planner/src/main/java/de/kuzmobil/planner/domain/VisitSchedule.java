package de.kuzmobil.planner.domain;

/**
 * Times of a visit inside its tour, in seconds since midnight of the tour's date. Computed by
 * {@link TourTimeline} from the ordered tour and the travel matrix; immutable so that one shadow
 * variable change carries all of them.
 *
 * @param breakStart            lunch break held on site right before this visit, -1 when none
 * @param windowOverrunSeconds  part of the visit outside the best-fitting opening window (0 = fits)
 * @param unreachableLeg        the leg from the previous stop has no road connection
 * @param tourEnd               only on the last visit of a tour: return, break balance
 */
public record VisitSchedule(long arrival, long breakStart, long breakEnd, long start, long end,
                            long travelSeconds, long travelMeters, long windowOverrunSeconds,
                            boolean unreachableLeg, TourEnd tourEnd) {

    /** Idle time on site before the visit starts, the break not counted. */
    public long waitingSeconds() {
        long pause = breakStart >= 0 ? breakEnd - breakStart : 0;
        return Math.max(0, start - arrival - pause);
    }

    public boolean hasBreak() {
        return breakStart >= 0;
    }

    /**
     * Same score as {@code other}: equal in every part a constraint reads (overrun, leg, tour end,
     * and the start when the visit has a pinned start). Moving a stop in a long tour shifts the
     * times of all later stops but rarely these parts, so only changes here are announced to the
     * score (see {@link TourScheduleListener}). A constraint that reads more must be added here.
     */
    public boolean scoresAs(VisitSchedule other, boolean startMatters) {
        return other != null && windowOverrunSeconds == other.windowOverrunSeconds
                && travelSeconds == other.travelSeconds && unreachableLeg == other.unreachableLeg
                && java.util.Objects.equals(tourEnd, other.tourEnd) && (!startMatters || start == other.start);
    }

    /**
     * Tour totals, kept on the last visit so that the constraints need no tour-level shadow
     * variable (OptaPlanner 10 has none on the list owner).
     *
     * @param workSeconds         shift start to return at base without the break (waiting counts:
     *                            the team is on duty)
     * @param breakRequiredSeconds what ArbZG §4 asks for that working time
     * @param breakHeld           a break of that length fitted in the break span
     */
    public record TourEnd(long returnToBase, long travelSeconds, long travelMeters, boolean unreachableLeg,
                          long workSeconds, long breakRequiredSeconds, boolean breakHeld) {
    }
}
