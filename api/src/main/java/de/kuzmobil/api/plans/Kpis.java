package de.kuzmobil.api.plans;

import de.kuzmobil.planner.explain.PlanView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dispatcher reads first: appointments planned of demanded, travel share of working time,
 * coverage per district, team-days used.
 */
public record Kpis(int appointmentsPlanned, int appointmentsDemanded, double plannedShare,
                   double travelShareOfWorkingTime, long travelSeconds, long travelMeters, int teamDaysUsed,
                   int unassignedVisits, Map<String, DistrictCoverage> perDistrictCoverage,
                   List<TourSummary> tours, Map<String, String> travelProblems) {

    /** Planned and demanded appointments in one Bezirk. */
    public record DistrictCoverage(int planned, int demanded, double share) {
    }

    /** Per tour: when the team is back at base, how much it drives and waits. */
    public record TourSummary(String teamId, String date, String returnToBase, long travelSeconds,
                              long travelMeters, long waitingSeconds, boolean breakMissing) {
    }

    /**
     * @param travelProblems sites the road network cannot serve (off-road, island), by site name
     */
    static Kpis of(PlanView view, Map<String, String> districtBySiteId, Map<String, String> travelProblems) {
        Map<String, int[]> districts = new TreeMap<>();
        int planned = 0;
        int demanded = 0;
        long travel = 0;
        long meters = 0;
        long working = 0;
        List<TourSummary> tours = new java.util.ArrayList<>();
        for (PlanView.Tour t : view.tours()) {
            travel += t.travelSeconds();
            meters += t.travelMeters();
            working += Math.max(0, Duration.between(t.shiftStart(), t.returnToBase()).toSeconds());
            tours.add(new TourSummary(t.teamId(), t.date().toString(), t.returnToBase().toString(), t.travelSeconds(),
                    t.travelMeters(), t.waitingSeconds(), t.breakRequiredButMissing()));
            for (PlanView.Stop s : t.stops()) {
                planned += s.appointments();
                demanded += s.appointments();
                int[] d = districts.computeIfAbsent(districtBySiteId.getOrDefault(s.siteId(), "?"), k -> new int[2]);
                d[0] += s.appointments();
                d[1] += s.appointments();
            }
        }
        for (PlanView.Unassigned u : view.unassigned()) {
            demanded += u.appointments();
            districts.computeIfAbsent(districtBySiteId.getOrDefault(u.siteId(), "?"), k -> new int[2])[1] +=
                    u.appointments();
        }
        Map<String, DistrictCoverage> coverage = new TreeMap<>();
        districts.forEach((k, v) -> coverage.put(k, new DistrictCoverage(v[0], v[1], share(v[0], v[1]))));
        return new Kpis(planned, demanded, share(planned, demanded), share(travel, working), travel, meters,
                view.tours().size(), view.unassigned().size(), coverage, tours,
                new TreeMap<>(travelProblems));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
