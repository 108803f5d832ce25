package de.kuzmobil.data.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What citizens may see of a published visit: place, day, hours and services. Nothing internal. */
public record PublicStopRecord(long siteId, String siteName, String address, String district, double latitude,
                               double longitude, LocalDate date, LocalTime start, LocalTime end,
                               List<String> services) {
}
