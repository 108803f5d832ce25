package de.kuzmobil.api.publicstops;

import de.kuzmobil.data.plan.PublicStopRecord;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A published mobile stop as citizens see it; {@code distanceKm} only when searched near a point. */
public record PublicStopDto(String siteName, String address, String district, double latitude, double longitude,
                            LocalDate date, LocalTime start, LocalTime end, List<String> services,
                            Double distanceKm) {

    static PublicStopDto of(PublicStopRecord r, Double distanceKm) {
        return new PublicStopDto(r.siteName(), r.address(), r.district(), r.latitude(), r.longitude(), r.date(),
                r.start(), r.end(), r.services(), distanceKm);
    }
}
