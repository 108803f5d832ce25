package de.kuzmobil.planner.solver.feasibility;

import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.travel.TravelMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Where one more visit goes: among given tours (each in a current order of the caller's), the place
 * that adds the least driving while the tour stays drivable ({@link TourRules#drivable}). Places are
 * tried cheapest first; {@link InsertionCheck} rules most out before a whole timeline is computed.
 */
public final class CheapestPlace {

    /** Bits below a place's added seconds that hold its index (tours of up to a million stops in all). */
    private static final int PLACE_BITS = 20;
    private static final long PLACE_MASK = (1L << PLACE_BITS) - 1;

    private CheapestPlace() {
    }

    /**
     * @param accept asked for each drivable place, cheapest first: false passes it over for the next
     * @return {index into tours, position}, or null when there is no such place
     */
    public static int[] find(Visit visit, List<TeamDay> tours, List<List<Visit>> orders, TravelMatrix matrix,
                             BooleanSupplier accept) {
        int at = visit.getLocationIndex();
        // Each place as one long, added seconds above its index in tourOf/positionOf: a primitive
        // sort in the same order as sorting by added seconds, ties by index (a tenth of the
        // search's time went into sorting boxed places on Solomon's long tours).
        int count = 0;
        for (List<Visit> order : orders) {
            count += order.size() + 1;
        }
        if (count > PLACE_MASK) {
            throw new IllegalArgumentException("too many places to sort: " + count);
        }
        long[] places = new long[count];
        int[] tourOf = new int[count];
        int[] positionOf = new int[count];
        int n = 0;
        for (int c = 0; c < tours.size(); c++) {
            List<Visit> order = orders.get(c);
            int base = tours.get(c).getBaseIndex();
            for (int p = 0; p <= order.size(); p++) {
                int prev = p == 0 ? base : order.get(p - 1).getLocationIndex();
                int next = p == order.size() ? base : order.get(p).getLocationIndex();
                long in = matrix.seconds(prev, at);
                long out = matrix.seconds(at, next);
                long was = matrix.seconds(prev, next); // reachable whenever in and out are (shortest paths)
                if (in >= 0 && out >= 0 && was >= 0) {
                    tourOf[n] = c;
                    positionOf[n] = p;
                    places[n] = ((in + out - was) << PLACE_BITS) | n;
                    n++;
                }
            }
        }
        Arrays.sort(places, 0, n);
        InsertionCheck[] checks = new InsertionCheck[tours.size()];
        for (int i = 0; i < n; i++) {
            int index = (int) (places[i] & PLACE_MASK);
            int c = tourOf[index];
            int position = positionOf[index];
            if (checks[c] == null) {
                checks[c] = new InsertionCheck(tours.get(c), orders.get(c));
            }
            if (!checks[c].mayInsert(visit, position)) {
                continue; // not drivable, known without the whole timeline
            }
            List<Visit> trial = new ArrayList<>(orders.get(c));
            trial.add(position, visit);
            if (TourRules.drivable(tours.get(c), trial) && accept.getAsBoolean()) {
                return new int[] {c, position};
            }
        }
        return null;
    }
}
