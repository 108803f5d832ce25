package de.kuzmobil.data.publicstop;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A visit's planned appointments as bookable slots: after the set-up, one appointment after the
 * other, each as long as its service takes; services in the order given.
 */
final class SlotPlan {

    /** Planned appointments of one service in a visit. */
    record Share(String service, int minutesPerCase, int appointments) {
    }

    /** One bookable appointment; {@code seq} counts from 1 per service. */
    record Slot(String service, int seq, LocalTime start) {
    }

    private SlotPlan() {
    }

    static List<Slot> of(LocalTime visitStart, int setUpMinutes, List<Share> shares) {
        List<Slot> slots = new ArrayList<>();
        Map<String, Integer> seq = new HashMap<>();
        LocalTime at = visitStart.plusMinutes(setUpMinutes);
        for (Share share : shares) {
            for (int i = 0; i < share.appointments(); i++) {
                slots.add(new Slot(share.service(), seq.merge(share.service(), 1, Integer::sum), at));
                at = at.plusMinutes(share.minutesPerCase());
            }
        }
        return slots;
    }
}
