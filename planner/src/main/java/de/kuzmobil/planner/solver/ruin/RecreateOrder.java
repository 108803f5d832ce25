package de.kuzmobil.planner.solver.ruin;

import de.kuzmobil.planner.domain.Visit;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;

/** In which order the removed visits go back. */
enum RecreateOrder {

    /** Random. */
    SHUFFLE,
    /**
     * SISR's mix: random 4 in 11 times, most appointments first 4, farthest from a base first 2,
     * nearest first 1. Big and remote visits placed first get the places that fit them.
     */
    SISR;

    /** Puts {@code removed} in this order; {@code secondsFromBase}: the drive from the nearest base. */
    void arrange(List<Visit> removed, Random random, ToLongFunction<Visit> secondsFromBase) {
        Collections.shuffle(removed, random);
        if (this == SISR) {
            sisr(removed, random.nextInt(11), secondsFromBase);
        }
    }

    /**
     * Re-sorts the shuffled {@code removed} (stable, so ties stay random) by SISR's {@code draw} out
     * of 11: 0-3 as it is, 4-7 most appointments first, 8-9 farthest from a base first, 10 nearest.
     */
    static void sisr(List<Visit> removed, int draw, ToLongFunction<Visit> secondsFromBase) {
        Comparator<Visit> fromBase = Comparator.comparingLong(secondsFromBase);
        if (draw < 4) {
            return;
        } else if (draw < 8) {
            removed.sort(Comparator.comparingInt(Visit::getAppointments).reversed());
        } else if (draw < 10) {
            removed.sort(fromBase.reversed());
        } else {
            removed.sort(fromBase);
        }
    }
}
