package de.kuzmobil.api.publicstops;

import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.plan.PublicStopRecord;
import de.kuzmobil.data.plan.PublicStopRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The citizens' search: date range (default: today and the next 4 weeks, Berlin time), district,
 * service, and "near a point within radiusKm" (straight-line distance: a search radius, not a travel time).
 */
record StopQuery(LocalDate from, LocalDate to, String district, String service, double[] near, double radiusKm) {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final double EARTH_RADIUS_KM = 6371.0088;

    static StopQuery of(LocalDate from, LocalDate to, String district, String service, String near, Double radiusKm) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = from != null ? from : LocalDate.now(BERLIN);
        LocalDate end = to != null ? to : start.plusWeeks(4);
        if (end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (end.isAfter(start.plusDays(366))) {
            errors.add(new FieldError("to", "at most one year after from"));
        }
        double[] point = null;
        if (near != null) {
            String[] parts = near.split(",");
            try {
                point = new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
                if (parts.length != 2 || Math.abs(point[0]) > 90 || Math.abs(point[1]) > 180) {
                    throw new IllegalArgumentException();
                }
            } catch (RuntimeException e) {
                errors.add(new FieldError("near", "expected 'latitude,longitude' in range, e.g. 53.55,10.0"));
            }
        }
        double radius = radiusKm == null ? 5 : radiusKm;
        if (radius <= 0 || radius > 200) {
            errors.add(new FieldError("radiusKm", "must be above 0 and at most 200"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("Invalid stop search", errors);
        }
        return new StopQuery(start, end, blankToNull(district), blankToNull(service), point, radius);
    }

    /** A stop found, with its distance from the search point (null without one). */
    record Match(PublicStopRecord stop, Double distanceKm) {
    }

    /** Matching stops, by date and time, or by distance when a point is given. */
    List<Match> run(PublicStopRepository repository) {
        List<Match> stops = new ArrayList<>();
        for (PublicStopRecord r : repository.find(from, to, district, service)) {
            if (near == null) {
                stops.add(new Match(r, null));
            } else {
                double km = greatCircleKm(near[0], near[1], r.latitude(), r.longitude());
                if (km <= radiusKm) {
                    stops.add(new Match(r, Math.round(km * 100) / 100.0));
                }
            }
        }
        if (near != null) {
            // the repository's order (date, time) breaks ties: List.sort is stable
            stops.sort(Comparator.comparingDouble(Match::distanceKm));
        }
        return stops;
    }

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
