package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.data.publicstop.BookingRepository;
import de.kuzmobil.planner.domain.Pin;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The pins a run keeps, read when an instance picks the run up: the pinned visits of the plan (of the
 * plan it copies, when a frozen plan is re-solved into a new one), and every stop citizens booked.
 */
@Component
class RunPins {

    private final PlanRepository plans;
    private final BookingRepository bookings;

    RunPins(PlanRepository plans, BookingRepository bookings) {
        this.plans = plans;
        this.bookings = bookings;
    }

    Map<String, Pin> of(PlanRecord plan) {
        List<PlanVisitRecord> rows = plans.findVisits(plan.id());
        if (rows.isEmpty() && plan.basedOnPlan() != null) {
            rows = plans.findVisits(plan.basedOnPlan());
        }
        return withBookedStops(plan.weekStart(), PlanRebuilder.pinsOf(rows));
    }

    /**
     * Stops citizens have booked keep their day and time: each becomes a pin where it was published,
     * unless the plan already pins it (a dispatcher's override placed it there).
     */
    private Map<String, Pin> withBookedStops(LocalDate weekStart, Map<String, Pin> pins) {
        Map<String, Pin> all = new LinkedHashMap<>(pins);
        Optional<PlanRecord> published = plans.findPublished(weekStart);
        if (published.isEmpty()) {
            return all;
        }
        Map<String, BookingRepository.BookedVisit> booked = bookings.bookedVisits(weekStart);
        for (PlanVisitRecord v : plans.findVisits(published.get().id())) {
            BookingRepository.BookedVisit b = booked.get(v.visitId());
            if (b != null && v.assigned() && !all.containsKey(v.visitId())) {
                all.put(v.visitId(), new Pin(v.visitId(), String.valueOf(v.teamId()), b.date(), b.start()));
            }
        }
        return all;
    }
}
