package de.kuzmobil.planner.demand;

import de.kuzmobil.planner.domain.Demand;
import de.kuzmobil.planner.domain.DemandShare;
import de.kuzmobil.planner.domain.ServiceType;
import de.kuzmobil.planner.domain.Site;
import de.kuzmobil.planner.domain.Visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns demand into visits. All demand of one site whose date ranges overlap is bundled into one
 * visit (a team unpacks its kit once), valid on the intersection of the ranges. A bundle longer
 * than the maximum visit length is split into several visits of about equal length, which the
 * solver may put on different days or teams. Visit ids are stable for unchanged demand
 * ("site_bundle" or "site_bundle.part", e.g. "12_1", "12_1.2"), so pins and published assignments survive a re-plan.
 */
public final class VisitBuilder {

    /** A visit that no longer fits into a morning or an afternoon is hard to place around lunch. */
    public static final int DEFAULT_MAX_VISIT_MINUTES = 270;

    private final int maxVisitMinutes;

    public VisitBuilder(int maxVisitMinutes) {
        if (maxVisitMinutes <= 0) {
            throw new IllegalArgumentException("maxVisitMinutes must be positive");
        }
        this.maxVisitMinutes = maxVisitMinutes;
    }

    /**
     * @param rejected demand that cannot become a visit, by "demand:ID", with the reason
     */
    public record Result(List<Visit> visits, Map<String, String> rejected) {
    }

    public Result build(List<Demand> demand, Map<String, Site> sites, Map<String, ServiceType> services) {
        Map<String, String> rejected = new LinkedHashMap<>();
        Map<String, List<Demand>> bySite = new TreeMap<>();
        for (Demand d : demand) {
            if (!sites.containsKey(d.siteId())) {
                rejected.put("demand:" + d.id(), "unknown site " + d.siteId());
            } else if (!services.containsKey(d.serviceTypeId())) {
                rejected.put("demand:" + d.id(), "unknown service type " + d.serviceTypeId());
            } else {
                bySite.computeIfAbsent(d.siteId(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Visit> visits = new ArrayList<>();
        for (Map.Entry<String, List<Demand>> entry : bySite.entrySet()) {
            Site site = sites.get(entry.getKey());
            List<List<Demand>> bundles = bundle(entry.getValue());
            for (int b = 0; b < bundles.size(); b++) {
                visits.addAll(split(site, site.id() + "_" + (b + 1), bundles.get(b), services));
            }
        }
        return new Result(visits, rejected);
    }

    /** Greedy by latest date: a demand joins the current bundle while the date ranges still overlap. */
    private static List<List<Demand>> bundle(List<Demand> siteDemand) {
        List<Demand> sorted = new ArrayList<>(siteDemand);
        sorted.sort(Comparator.comparing(Demand::latest).thenComparing(Demand::earliest).thenComparing(Demand::id));
        List<List<Demand>> bundles = new ArrayList<>();
        List<Demand> current = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Demand d : sorted) {
            if (!current.isEmpty() && (d.earliest().isAfter(to) || d.latest().isBefore(from))) {
                bundles.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                from = d.earliest();
                to = d.latest();
            } else {
                from = from.isAfter(d.earliest()) ? from : d.earliest();
                to = to.isBefore(d.latest()) ? to : d.latest();
            }
            current.add(d);
        }
        if (!current.isEmpty()) {
            bundles.add(current);
        }
        return bundles;
    }

    private List<Visit> split(Site site, String id, List<Demand> bundle, Map<String, ServiceType> services) {
        LocalDate from = bundle.stream().map(Demand::earliest).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = bundle.stream().map(Demand::latest).min(Comparator.naturalOrder()).orElseThrow();
        long serviceMinutes = 0;
        int longestCase = 0;
        for (Demand d : bundle) {
            int minutes = services.get(d.serviceTypeId()).minutesPerCase();
            serviceMinutes += (long) d.appointments() * minutes;
            longestCase = Math.max(longestCase, minutes);
        }
        // A visit holds at least one appointment, even if that alone exceeds the maximum.
        long perVisit = Math.max(maxVisitMinutes - site.setUpMinutes(), longestCase);
        if (serviceMinutes <= perVisit || serviceMinutes == 0) {
            List<DemandShare> shares = bundle.stream()
                    .map(d -> new DemandShare(d.id(), services.get(d.serviceTypeId()), d.appointments(), d.priority()))
                    .toList();
            return List.of(new Visit(id, site, shares, from, to));
        }
        // Each appointment goes to the part its midpoint falls into, so parts come out about equal;
        // more parts only if uneven case lengths make one too long.
        for (long parts = (serviceMinutes + perVisit - 1) / perVisit; ; parts++) {
            List<List<DemandShare>> split = cut(bundle, services, serviceMinutes, (int) parts);
            if (split.stream().allMatch(part -> minutes(part) <= perVisit || part.stream()
                    .mapToInt(DemandShare::appointments).sum() == 1)) {
                return toVisits(site, id, split, from, to);
            }
        }
    }

    private static List<List<DemandShare>> cut(List<Demand> bundle, Map<String, ServiceType> services,
                                               long totalMinutes, int parts) {
        List<List<DemandShare>> result = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            result.add(new ArrayList<>());
        }
        long cumulative = 0;
        for (Demand d : bundle) {
            ServiceType service = services.get(d.serviceTypeId());
            int[] perPart = new int[parts];
            for (int a = 0; a < d.appointments(); a++) {
                double midpoint = cumulative + service.minutesPerCase() / 2.0;
                perPart[(int) Math.min(parts - 1, Math.floor(midpoint * parts / totalMinutes))]++;
                cumulative += service.minutesPerCase();
            }
            for (int p = 0; p < parts; p++) {
                if (perPart[p] > 0) {
                    result.get(p).add(new DemandShare(d.id(), service, perPart[p], d.priority()));
                }
            }
        }
        result.removeIf(List::isEmpty);
        return result;
    }

    private static long minutes(List<DemandShare> shares) {
        return shares.stream().mapToLong(s -> (long) s.appointments() * s.service().minutesPerCase()).sum();
    }

    private static List<Visit> toVisits(Site site, String id, List<List<DemandShare>> visitsShares, LocalDate from,
                                        LocalDate to) {
        List<Visit> visits = new ArrayList<>();
        for (int p = 0; p < visitsShares.size(); p++) {
            visits.add(new Visit(id + "." + (p + 1), site, visitsShares.get(p), from, to));
        }
        return visits;
    }
}
