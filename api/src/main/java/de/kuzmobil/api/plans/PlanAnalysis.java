package de.kuzmobil.api.plans;

import de.kuzmobil.api.travel.TravelConfig;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
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

    public record VisitCost(String visitId, long siteId, Long teamId, LocalDate date, Integer travelSeconds,
                            Integer travelMeters, List<HardViolation> hardViolations, String unassignedReasonCode,
                            String unassignedReason) {
    }

    private final PlanRepository plans;
    private final PlanRebuilder rebuilder;
    private final SiteRepository sites;
    private final TeamRepository teams;
    private final TravelConfig.Travel travel;

    public PlanAnalysis(PlanRepository plans, PlanRebuilder rebuilder, SiteRepository sites, TeamRepository teams,
                        TravelConfig.Travel travel) {
        this.plans = plans;
        this.rebuilder = rebuilder;
        this.sites = sites;
        this.teams = teams;
        this.travel = travel;
    }

    public Explanation explain(PlanRecord plan) {
        List<PlanVisitRecord> rows = plans.findVisits(plan.id());
        PlanExplanation e = rebuilder.rebuild(plan, rows).explanation();
        List<VisitCost> visits = new ArrayList<>();
        for (PlanVisitRecord r : rows) {
            UnassignedReason reason = e.unassigned().get(r.visitId());
            visits.add(new VisitCost(r.visitId(), r.siteId(), r.teamId(), r.date(), r.travelSeconds(),
                    r.travelMeters(), e.hardViolationsOf(r.visitId()),
                    reason == null ? null : reason.code().name(), reason == null ? null : reason.message()));
        }
        return new Explanation(plan.id(), e.score(), e.feasible(), e.totals(), visits, e.inputProblems());
    }

    /**
     * A GeoJSON FeatureCollection: stops as points, legs (base → stops → base) as lines with road
     * geometry, or straight lines marked {@code "travelTimes": "estimated"} without a road graph.
     */
    public Map<String, Object> geoJson(PlanRecord plan) {
        Map<Long, SiteRecord> siteById = sites.findAll().stream()
                .collect(Collectors.toMap(SiteRecord::id, Function.identity()));
        Map<Long, TeamRecord> teamById = teams.findAll().stream()
                .collect(Collectors.toMap(TeamRecord::id, Function.identity()));
        Map<String, List<PlanVisitRecord>> tours = new LinkedHashMap<>();
        for (PlanVisitRecord r : plans.findVisits(plan.id())) {
            if (r.assigned()) {
                tours.computeIfAbsent(TeamDay.idOf(r.teamId(), r.date()), k -> new ArrayList<>()).add(r);
            }
        }
        List<Map<String, Object>> features = new ArrayList<>();
        tours.forEach((tourId, stops) -> {
            TeamRecord team = teamById.get(stops.get(0).teamId());
            if (team == null) {
                return;
            }
            Location base = ProblemLoader.team(team).base();
            Location previous = base;
            for (PlanVisitRecord stop : stops) {
                SiteRecord site = siteById.get(stop.siteId());
                Location here = ProblemLoader.siteLocation(site);
                features.add(leg(tourId, previous, here));
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("kind", "stop");
                props.put("tour", tourId);
                props.put("teamId", stop.teamId());
                props.put("teamName", team.name());
                props.put("date", stop.date().toString());
                props.put("sequence", stop.sequence());
                props.put("visitId", stop.visitId());
                props.put("siteName", site.name());
                props.put("start", String.valueOf(stop.start()));
                props.put("end", String.valueOf(stop.end()));
                props.put("appointments", stop.appointments());
                features.add(feature(Map.of("type", "Point", "coordinates",
                        List.of(site.longitude(), site.latitude())), props));
                previous = here;
            }
            features.add(leg(tourId, previous, base));
        });
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private Map<String, Object> leg(String tourId, Location from, Location to) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", "leg");
        props.put("tour", tourId);
        List<List<Double>> line = new ArrayList<>();
        LegGeometry g = travel.geometry().leg(from, to).orElse(null);
        if (g == null || g.coordinates().size() < 2) {
            line.add(List.of(from.longitude(), from.latitude()));
            line.add(List.of(to.longitude(), to.latitude()));
            props.put("travelTimes", "unrouted");
        } else {
            g.coordinates().forEach(c -> line.add(List.of(c[0], c[1])));
            props.put("seconds", g.seconds());
            props.put("meters", g.meters());
            props.put("travelTimes", g.source().name().toLowerCase());
        }
        return feature(Map.of("type", "LineString", "coordinates", line), props);
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }
}
