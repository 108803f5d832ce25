package de.kuzmobil.data.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One visit of a stored plan: on a tour (team, date, sequence, times) or unassigned with a reason.
 *
 * @param travelManual the travel from the previous stop used a declared access leg (ship, tidal carriage)
 */
public record PlanVisitRecord(String visitId, long siteId, Long teamId, LocalDate date, Integer sequence,
                              LocalTime arrival, LocalTime start, LocalTime end, int appointments,
                              List<String> services, Integer travelSeconds, Integer travelMeters,
                              boolean pinned, LocalTime pinnedStart, String unassignedReason,
                              boolean travelManual, List<DemandShare> demand) {

    /** How many appointments of which demand row the visit carries. */
    public record DemandShare(long demandId, int appointments) {
    }

    public PlanVisitRecord {
        services = List.copyOf(services);
        demand = demand == null ? List.of() : List.copyOf(demand);
    }

    public boolean assigned() {
        return teamId != null;
    }
}
