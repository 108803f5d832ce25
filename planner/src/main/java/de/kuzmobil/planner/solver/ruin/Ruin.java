package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;

import java.util.List;
import java.util.Random;

/** Which visits one ruin takes out of their tours (pinned ones never). */
interface Ruin {

    /**
     * @param removed the visits taken out of {@code orders}
     * @param emptied the tour emptied whole, which none of them may go back to (null: none)
     */
    record Ruined(List<Visit> removed, TeamDay emptied) {
    }

    /** The visits taken out, or null when this ruin finds nothing to do in the plan as it is. */
    Ruined apply(Random random, TourOrders orders);
}
