package de.kuzmobil.planner.travel;

/**
 * A point tours start, end or stop at. The id is stable (site or base id) so that travel times
 * can be cached per pair.
 */
public record Location(String id, double latitude, double longitude) {

    public Location {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("location id is required");
        }
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("coordinates out of range for " + id);
        }
    }
}
