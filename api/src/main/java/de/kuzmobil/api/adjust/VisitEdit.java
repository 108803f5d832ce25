package de.kuzmobil.api.adjust;

import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * {@code PATCH /api/v1/plans/{id}/visits/{visitId}}: move to a team and date (at a position, default
 * last), and/or pin or unpin, optionally to a start time. Leave out what should not change;
 * {@code "unassign": true} takes the visit off its tour.
 */
public record VisitEdit(Long teamId, LocalDate date, @Min(0) Integer position, Boolean pinned, LocalTime pinnedStart,
                        Boolean unassign) {
}
