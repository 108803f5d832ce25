package de.kuzmobil.api.adjust;

import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * {@code PATCH /api/v1/plans/{id}/visits/{visitId}}: move to a team and date (at a position, default
 * last), and/or pin or unpin, optionally to a start time. Leave out what should not change;
 * {@code "unassign": true} takes the visit off its tour. A visit whose published stop citizens have
 * booked changes only with {@code "overrideBookings": true}, by a dispatcher.
 */
public record VisitEdit(Long teamId, LocalDate date, @Min(0) Integer position, Boolean pinned, LocalTime pinnedStart,
                        Boolean unassign, Boolean overrideBookings) {

    /** Only pins the visit where it is: that keeps a booked stop's day and time. */
    boolean onlyPins() {
        return teamId == null && date == null && position == null && pinnedStart == null
                && !Boolean.TRUE.equals(unassign) && Boolean.TRUE.equals(pinned);
    }
}
