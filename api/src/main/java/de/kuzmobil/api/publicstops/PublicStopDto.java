package de.kuzmobil.api.publicstops;

import de.kuzmobil.data.publicstop.PublicStop;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A published mobile stop as citizens see it.
 *
 * @param id           stable: the same stop keeps it when a newer plan of the week is published
 * @param serviceNames the services' German names, in the order of {@code services}
 * @param freeSlots    service code → appointments still free
 * @param bookable     open for bookings now (closes a while before the stop)
 * @param calendarUrl  this stop as an iCalendar file
 * @param distanceKm   only when searched near a point
 */
public record PublicStopDto(long id, String siteName, String address, String district, double latitude,
                            double longitude, LocalDate date, LocalTime start, LocalTime end, List<String> services,
                            List<String> serviceNames, Map<String, Integer> freeSlots, boolean bookable,
                            String calendarUrl, Double distanceKm) {

    static PublicStopDto of(PublicStop s, Map<String, String> names, boolean bookable, Double distanceKm) {
        return new PublicStopDto(s.id(), s.siteName(), s.address(), s.district(), s.latitude(), s.longitude(), s.date(),
                s.start(), s.end(), s.services(), s.services().stream().map(c -> names.getOrDefault(c, c)).toList(),
                s.freeSlots(), bookable, "/api/v1/public/stops/" + s.id() + ".ics", distanceKm);
    }
}
