package de.kuzmobil.data.demand;

import java.time.LocalDate;

/** Expected appointments of one service at one site within a date range; priority 1 (low) to 5. */
public record DemandRecord(Long id, long siteId, String serviceType, int appointments,
                           LocalDate earliestDate, LocalDate latestDate, int priority, String note) {

    public DemandRecord withId(long newId) {
        return new DemandRecord(newId, siteId, serviceType, appointments, earliestDate, latestDate, priority, note);
    }
}
