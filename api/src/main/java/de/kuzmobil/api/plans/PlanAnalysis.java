package de.kuzmobil.api.plans;

import de.kuzmobil.api.travel.Travel;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanTourRecord;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.explain.ConstraintTotal;
import de.kuzmobil.planner.explain.HardViolation;
import de.kuzmobil.planner.explain.PlanExplanation;
import de.kuzmobil.planner.explain.UnassignedReason;
import de.kuzmobil.planner.travel.Location;
import de.kuzmobil.routing.geometry.LegGeometry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Why a plan scores as it does, and its tours on a map. */
@Component
public class PlanAnalysis {

    /** Constraint totals and, per visit, what it costs and what it breaks or why it is unassigned. */
    public record Explanation(long planId, String score, boolean feasible, List<ConstraintTotal> constraints,
                              List<VisitCost> visits, Map<String, String> inputProblems) {
    }

    /**
     * @param travelTimes "road", "estimated" or "manual" for the leg from the previous stop
     * @param accessLeg   the site's declared access leg (ship, tidal carriage), null when roads only
     */
    public record VisitCost(String visitId, long siteId, Long teamId, LocalDate date, Integer travelSeconds,
                            Integer travelMeters, String travelTimes, String accessLeg,
                            List<HardViolation> hardViolations, String unassignedReasonCode,
                            String unassignedReason) {
    }

    private final PlanRepository plans;
    private final PlanRebuilder rebuilder;
    private final SiteRepository sites;
    private final TeamRepository teams;
    private final Travel travel;

    public PlanAnalysis(PlanRepository plans, PlanRebuilder rebuilder, SiteRepository sites, TeamRepository teams,
                        Travel travel) {
        this.plans = plans;
        this.rebuilder = rebuilder;
        this.sites = sites;
        this.teams = teams;
        this.travel = travel;
    }

    public Explanation explain(PlanRecord plan) {
        List<PlanVisitRecord> rows = plans.findVisits(plan.id());
        PlanRebuilder.Rebuilt rebuilt = rebuilder.rebuild(plan, rows);
        PlanExplanation e = rebuilt.explanation();
        Map<String, String> accessBySite = new LinkedHashMap<>();
        rebuilt.plan().getSites().stream().filter(s -> s.access() != null)
                .forEach(s -> accessBySite.put(s.id(), PlanContent.describe(s.access())));
        List<VisitCost> visits = new ArrayList<>();
        for (PlanVisitRecord r : rows) {
            UnassignedReason reason = e.unassigned().get(r.visitId());
            visits.add(new VisitCost(r.visitId(), r.siteId(), r.teamId(), r.date(), r.travelSeconds(),
                    r.travelMeters(), !r.assigned() ? null : r.travelManual() ? "manual" : plan.travelTimes(),
                    accessBySite.get(String.valueOf(r.siteId())), e.hardViolationsOf(r.visitId()),
                    reason == null ? null : reason.code().name(), reason == null ? null : reason.message()));
        }
        return new Explanation(plan.id(), e.score(), e.feasible(), e.totals(), visits, e.inputProblems());
    }

    /**
     * A GeoJSON FeatureCollection: per tour its base (with departure and return) and stops as points,
     * legs (base → stops → base) as lines on their road geometry; a leg over a declared access leg, or
     * without a road graph, is a straight line marked {@code "travelTimes": "manual"} or
     * {@code "estimated"}. Unassigned visits are points with their reason.
     */
    public Map<String, Object> geoJson(PlanRecord plan) {
        travel.awaitForRequest();
        Map<Long, SiteRecord> siteById = sites.findAll().stream()
                .collect(Collectors.toMap(SiteRecord::id, Function.identity()));
        Map<Long, TeamRecord> teamById = teams.findAll().stream()
                .collect(Collectors.toMap(TeamRecord::id, Function.identity()));
        Map<String, PlanTourRecord> tourRows = new LinkedHashMap<>();
        plans.findTours(plan.id()).forEach(t -> tourRows.put(TeamDay.idOf(t.teamId(), t.date()), t));
        Map<String, List<PlanVisitRecord>> tours = new LinkedHashMap<>();
        List<Map<String, Object>> features = new ArrayList<>();
        for (PlanVisitRecord r : plans.findVisits(plan.id())) {
            if (r.assigned()) {
                tours.computeIfAbsent(TeamDay.idOf(r.teamId(), r.date()), k -> new ArrayList<>()).add(r);
            } else if (siteById.containsKey(r.siteId())) {
                SiteRecord site = siteById.get(r.siteId());
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("kind", "unassigned");
                props.put("visitId", r.visitId());
                props.put("siteName", site.name());
                props.put("appointments", r.appointments());
                props.put("reason", r.unassignedReason());
                features.add(point(site.latitude(), site.longitude(), props));
            }
        }
        tours.forEach((tourId, stops) -> {
            TeamRecord team = teamById.get(stops.get(0).teamId());
            if (team == null) {
                return;
            }
            PlanTourRecord tour = tourRows.get(tourId);
            Location base = ProblemLoader.team(team).base();
            Map<String, Object> baseProps = new LinkedHashMap<>();
            baseProps.put("kind", "base");
            baseProps.put("tour", tourId);
            baseProps.put("teamId", team.id());
            baseProps.put("teamName", team.name());
            baseProps.put("baseName", team.baseName());
            baseProps.put("date", stops.get(0).date().toString());
            baseProps.put("departure", tour == null ? null : String.valueOf(tour.departure()));
            baseProps.put("returnToBase", tour == null || tour.returnToBase() == null ? null
                    : tour.returnToBase().toString());
            features.add(point(base.latitude(), base.longitude(), baseProps));
            Location previous = base;
            for (PlanVisitRecord stop : stops) {
                SiteRecord site = siteById.get(stop.siteId());
                Location here = ProblemLoader.siteLocation(site);
                features.add(leg(tourId, previous, here, stop.travelManual(), stop.travelSeconds()));
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("kind", "stop");
                props.put("tour", tourId);
                props.put("teamId", stop.teamId());
                props.put("teamName", team.name());
                props.put("date", stop.date().toString());
                props.put("sequence", stop.sequence());
                props.put("visitId", stop.visitId());
                props.put("siteName", site.name());
                props.put("arrival", String.valueOf(stop.arrival()));
                props.put("start", String.valueOf(stop.start()));
                props.put("end", String.valueOf(stop.end()));
                props.put("appointments", stop.appointments());
                features.add(point(site.latitude(), site.longitude(), props));
                previous = here;
            }
            features.add(leg(tourId, previous, base, tour != null && tour.returnManual(), null));
        });
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    /** @param manualSeconds the stored time of a leg over a declared access leg (null: not known here) */
    private Map<String, Object> leg(String tourId, Location from, Location to, boolean manual, Integer manualSeconds) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", "leg");
        props.put("tour", tourId);
        List<List<Double>> line = new ArrayList<>();
        LegGeometry g = manual ? null : travel.leg(from, to).orElse(null);
        if (g == null || g.coordinates().size() < 2) {
            line.add(List.of(from.longitude(), from.latitude()));
            line.add(List.of(to.longitude(), to.latitude()));
            if (manual && manualSeconds != null) {
                props.put("seconds", manualSeconds);
            }
            props.put("travelTimes", manual ? "manual" : "unrouted");
        } else {
            g.coordinates().forEach(c -> line.add(List.of(c[0], c[1])));
            props.put("seconds", g.seconds());
            props.put("meters", g.meters());
            props.put("travelTimes", g.source().name().toLowerCase());
        }
        return feature(Map.of("type", "LineString", "coordinates", line), props);
    }

    private static Map<String, Object> point(double latitude, double longitude, Map<String, Object> properties) {
        return feature(Map.of("type", "Point", "coordinates", List.of(longitude, latitude)), properties);
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }
}
