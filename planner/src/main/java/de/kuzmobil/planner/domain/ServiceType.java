package de.kuzmobil.planner.domain;

/**
 * A service offered by the mobile teams (ID card, passport, registration, ...).
 *
 * @param minutesPerCase counter time per appointment (hamburg.de service pages, facts.md §4)
 * @param skill          what a team must be able to do to offer it (e.g. "id-documents")
 */
public record ServiceType(String id, String name, int minutesPerCase, String skill) {

    public ServiceType {
        if (minutesPerCase <= 0) {
            throw new IllegalArgumentException("minutesPerCase must be positive for " + id);
        }
    }
}
