package de.kuzmobil.api.plans;

import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.explain.UnassignedReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dispatcher reads first: appointments planned of all demanded and of those at sites that roads
 * or a declared access leg reach, travel and waiting as shares of working time, coverage per district,
 * team-days used, and what the road network cannot serve.
 *
 * @param appointmentsReachable demanded appointments at sites connected to a team's base
 * @param workingSeconds        all tours from leaving base to being back
 * @param travelProblems        sites the road network cannot serve (off-road, island), by site name
 * @param accessLegs            sites reached by a declared access leg, by site name
 */
public record Kpis(int appointmentsPlanned, int appointmentsDemanded, double plannedShare,
                   int appointmentsReachable, double plannedShareOfReachable, long workingSeconds,
                   double travelShareOfWorkingTime, long travelSeconds, long travelMeters,
                   double waitingShareOfWorkingTime, long waitingSeconds, int teamDaysUsed, int unassignedVisits,
                   Map<String, DistrictCoverage> perDistrictCoverage, List<TourSummary> tours,
                   Map<String, String> travelProblems, Map<String, String> accessLegs) {

    /** Planned and demanded appointments in one Bezirk. */
    public record DistrictCoverage(int planned, int demanded, double share) {
    }

    /** Per tour: when the team leaves and is back at base, how much it drives and waits. */
    public record TourSummary(String teamId, String date, String departure, String returnToBase, long travelSeconds,
                              long travelMeters, long waitingSeconds, boolean breakMissing) {
    }

    static Kpis of(PlanView view, Map<String, String> districtBySiteId, Map<String, String> travelProblems,
                   Map<String, String> accessLegs) {
        Map<String, int[]> districts = new TreeMap<>();
        int planned = 0;
        int unreachable = 0;
        long travel = 0;
        long meters = 0;
        long waiting = 0;
        long working = 0;
        List<TourSummary> tours = new ArrayList<>();
        for (PlanView.Tour t : view.tours()) {
            travel += t.travelSeconds();
            meters += t.travelMeters();
            waiting += t.waitingSeconds();
            working += Math.max(0, Duration.between(t.departure(), t.returnToBase()).toSeconds());
            tours.add(new TourSummary(t.teamId(), t.date().toString(), t.departure().toString(),
                    t.returnToBase().toString(), t.travelSeconds(), t.travelMeters(), t.waitingSeconds(),
                    t.breakRequiredButMissing()));
            for (PlanView.Stop s : t.stops()) {
                planned += s.appointments();
                int[] d = districts.computeIfAbsent(districtBySiteId.getOrDefault(s.siteId(), "?"), k -> new int[2]);
                d[0] += s.appointments();
                d[1] += s.appointments();
            }
        }
        int demanded = planned;
        for (PlanView.Unassigned u : view.unassigned()) {
            demanded += u.appointments();
            if (u.reasonCode() == UnassignedReason.Code.UNREACHABLE) {
                unreachable += u.appointments();
            }
            districts.computeIfAbsent(districtBySiteId.getOrDefault(u.siteId(), "?"), k -> new int[2])[1] +=
                    u.appointments();
        }
        Map<String, DistrictCoverage> coverage = new TreeMap<>();
        districts.forEach((k, v) -> coverage.put(k, new DistrictCoverage(v[0], v[1], share(v[0], v[1]))));
        int reachable = demanded - unreachable;
        return new Kpis(planned, demanded, share(planned, demanded), reachable, share(planned, reachable), working,
                share(travel, working), travel, meters, share(waiting, working), waiting, view.tours().size(),
                view.unassigned().size(), coverage, tours, new TreeMap<>(travelProblems), new TreeMap<>(accessLegs));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
