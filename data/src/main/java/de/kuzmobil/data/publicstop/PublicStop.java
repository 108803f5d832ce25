package de.kuzmobil.data.publicstop;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What citizens may see of a published visit at a public site: place, day, hours, services, free
 * appointments per service. Nothing internal.
 *
 * @param status    ACTIVE, or CANCELLED when a newer published plan dropped it
 * @param sequence  goes up whenever the stop moved or was cancelled (calendar SEQUENCE)
 * @param freeSlots service code → appointments still free
 */
public record PublicStop(long id, long siteId, String siteName, String address, String district, double latitude,
                         double longitude, LocalDate date, LocalTime start, LocalTime end, List<String> services,
                         String status, int sequence, OffsetDateTime lastModified, Map<String, Integer> freeSlots) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
