package de.kuzmobil.api.publicstops;

import de.kuzmobil.api.system.BadRequestException;
import de.kuzmobil.api.system.InputRules;
import de.kuzmobil.api.system.ProblemHandler.FieldError;
import de.kuzmobil.data.publicstop.PublicStop;
import de.kuzmobil.data.publicstop.PublicStopRepository;
import de.kuzmobil.data.servicetype.ServiceTypeRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The citizens' search, checked: dates (default today and the next 4 weeks, Berlin time), any of the
 * districts and any of the services (code or German name, any case; unknown values are named with the
 * allowed ones), and "near" a point or a Hamburg postcode within radiusKm (straight line: a search
 * radius, not a travel time).
 */
record StopSearch(LocalDate from, LocalDate to, Set<String> districts, Set<String> services, double[] near,
                  double radiusKm) {

    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final Pattern PLZ = Pattern.compile("\\d{5}");

    /** Allowed values the search is checked against, and today's date (the default start). */
    record Vocabulary(List<ServiceTypeRecord> services, List<String> districts, Postcodes postcodes, LocalDate today) {
    }

    static StopSearch of(LocalDate from, LocalDate to, List<String> district, List<String> service, String near,
                         Double radiusKm, Vocabulary vocabulary) {
        List<FieldError> errors = new ArrayList<>();
        String fromProblem = InputRules.dateProblem(from);
        String toProblem = InputRules.dateProblem(to);
        if (fromProblem != null || toProblem != null) {
            List<FieldError> range = new ArrayList<>();
            if (fromProblem != null) {
                range.add(new FieldError("from", fromProblem));
            }
            if (toProblem != null) {
                range.add(new FieldError("to", toProblem));
            }
            throw new BadRequestException("Invalid search", range);
        }
        LocalDate start = from != null ? from : vocabulary.today();
        LocalDate end = to != null ? to : start.plusWeeks(4);
        if (end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (end.isAfter(start.plusDays(366))) {
            errors.add(new FieldError("to", "at most one year after from"));
        }
        Set<String> districts = new LinkedHashSet<>();
        for (String d : values(district)) {
            vocabulary.districts().stream().filter(known -> known.equalsIgnoreCase(d)).findFirst().ifPresentOrElse(
                    known -> districts.add(known.toLowerCase(Locale.ROOT)),
                    () -> errors.add(new FieldError("district", "unknown district '" + InputRules.quote(d, 60) + "'; allowed: "
                            + String.join(", ", vocabulary.districts()))));
        }
        Set<String> services = new LinkedHashSet<>();
        for (String s : values(service)) {
            vocabulary.services().stream()
                    .filter(t -> t.code().equalsIgnoreCase(s) || t.name().equalsIgnoreCase(s)).findFirst()
                    .ifPresentOrElse(t -> services.add(t.code()), () -> errors.add(new FieldError("service",
                            "unknown service '" + InputRules.quote(s, 60) + "'; allowed: " + String.join(", ",
                                    vocabulary.services().stream().map(t -> t.code() + " (" + t.name() + ")").toList()))));
        }
        double[] point = null;
        if (near != null && !near.isBlank()) {
            String n = near.trim();
            if (PLZ.matcher(n).matches()) {
                point = vocabulary.postcodes().point(n).orElse(null);
                if (point == null) {
                    errors.add(new FieldError("near", "postcode " + n + " is not a Hamburg postcode"));
                }
            } else {
                point = coordinates(n);
                if (point == null) {
                    errors.add(new FieldError("near", "expected a Hamburg postcode (e.g. 22179) or 'latitude,longitude'"
                            + " (e.g. 53.55,10.0)"));
                }
            }
        }
        if (radiusKm != null && (near == null || near.isBlank())) {
            errors.add(new FieldError("radiusKm", "needs near (a postcode or a point)"));
        }
        double radius = radiusKm == null ? 5 : radiusKm;
        if (!(radius > 0) || radius > 200) {
            errors.add(new FieldError("radiusKm", "must be above 0 and at most 200"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException("Invalid stop search", errors);
        }
        return new StopSearch(start, end, districts, services, point, radius);
    }

    /** A stop found, with its distance from the search point (null without one). */
    record Match(PublicStop stop, Double distanceKm) {
    }

    /** Matching stops by date and time, or by distance when a point is given. */
    List<Match> run(PublicStopRepository repository, boolean withCancelled) {
        List<Match> stops = new ArrayList<>();
        for (PublicStop s : repository.find(from, to, districts, services, withCancelled)) {
            if (near == null) {
                stops.add(new Match(s, null));
            } else {
                double km = greatCircleKm(near[0], near[1], s.latitude(), s.longitude());
                if (km <= radiusKm) {
                    stops.add(new Match(s, Math.round(km * 100) / 100.0));
                }
            }
        }
        if (near != null) {
            // the repository's order (date, time) breaks ties: List.sort is stable
            stops.sort(Comparator.comparingDouble(Match::distanceKm));
        }
        return stops;
    }

    /** Repeated parameters mean "any of"; a comma inside one value separates too. */
    private static List<String> values(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            raw.forEach(v -> {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            });
        }
        return out;
    }

    private static double[] coordinates(String text) {
        String[] parts = text.split(",");
        try {
            double lat = Double.parseDouble(parts[0].trim());
            double lon = Double.parseDouble(parts[1].trim());
            return parts.length == 2 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? new double[] {lat, lon} : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
