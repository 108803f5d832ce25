package de.kuzmobil.api.publicstops;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query of the stops and their calendar feed: a date range, districts and services (each "any of",
 * code or German name), and nearness (a Hamburg postcode or "latitude,longitude" with radiusKm).
 */
public record StopFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         List<String> district, List<String> service, String near, Double radiusKm) {

    StopSearch search(StopSearch.Vocabulary vocabulary) {
        return StopSearch.of(from, to, district, service, near, radiusKm, vocabulary);
    }
}
