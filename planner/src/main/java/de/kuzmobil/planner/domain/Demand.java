package de.kuzmobil.planner.domain;

import java.time.LocalDate;

/**
 * Expected appointments of one service at one site that should be served between two dates.
 *
 * @param priority 1 (normal) and up; an unassigned appointment costs its priority on the medium level
 */
public record Demand(String id, String siteId, String serviceTypeId, int appointments,
                     LocalDate earliest, LocalDate latest, int priority) {

    public Demand {
        if (appointments <= 0) {
            throw new IllegalArgumentException("demand " + id + " needs at least one appointment");
        }
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("demand " + id + " ends before it starts");
        }
        if (priority < 1) {
            throw new IllegalArgumentException("demand " + id + " priority must be >= 1");
        }
    }
}
