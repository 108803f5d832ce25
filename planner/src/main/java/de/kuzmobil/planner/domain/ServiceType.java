package de.kuzmobil.planner.domain;

/**
 * A service offered by the mobile teams (ID card, passport, registration, ...).
 *
 * @param minutesPerCase counter time per appointment (hamburg.de service pages, facts.md §4); 0 for a
 *                       case that takes no counter time of its own (e.g. handing over a finished
 *                       document): it still counts against the team-day's appointment capacity, and
 *                       the visit lasts its site's set-up time
 * @param skill          what a team must be able to do to offer it (e.g. "id-documents")
 */
public record ServiceType(String id, String name, int minutesPerCase, String skill) {

    public ServiceType {
        if (minutesPerCase < 0) {
            throw new IllegalArgumentException("minutesPerCase must not be negative for " + id);
        }
    }
}
