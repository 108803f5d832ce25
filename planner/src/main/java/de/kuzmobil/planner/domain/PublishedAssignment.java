package de.kuzmobil.planner.domain;

import java.time.LocalDate;

/** Where a visit was in the last published plan: the basis for continuity and stability. */
public record PublishedAssignment(String visitId, String siteId, String teamId, LocalDate date) {
}
