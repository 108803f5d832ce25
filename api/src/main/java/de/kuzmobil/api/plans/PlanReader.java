package de.kuzmobil.api.plans;

import de.kuzmobil.api.plans.PlanDto.BreakDto;
import de.kuzmobil.api.plans.PlanDto.StopDto;
import de.kuzmobil.api.plans.PlanDto.TourDto;
import de.kuzmobil.api.plans.PlanDto.TeamDayDto;
import de.kuzmobil.api.plans.PlanDto.UnassignedDto;
import de.kuzmobil.api.plans.PlanDto.WindowDto;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanTourRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.data.publicstop.BookingRepository;
import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.data.team.TeamRecord;
import de.kuzmobil.data.team.TeamRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads a stored plan into its API form (so that it survives restarts and shows exactly what was stored). */
@Component
public class PlanReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanRepository plans;
    private final SiteRepository sites;
    private final TeamRepository teams;
    private final BookingRepository bookings;

    public PlanReader(PlanRepository plans, SiteRepository sites, TeamRepository teams, BookingRepository bookings) {
        this.plans = plans;
        this.sites = sites;
        this.teams = teams;
        this.bookings = bookings;
    }

    public PlanDto read(PlanRecord plan) {
        Map<Long, SiteRecord> siteById = sites.findAll().stream()
                .collect(Collectors.toMap(SiteRecord::id, Function.identity()));
        List<TeamRecord> teamList = teams.findAll();
        Map<Long, String> teamNames = teamList.stream().collect(Collectors.toMap(TeamRecord::id, TeamRecord::name));
        record Key(long teamId, LocalDate date) {
        }
        Map<String, BookingRepository.BookedVisit> booked = bookings.bookedVisits(plan.weekStart());
        Map<Key, List<StopDto>> stops = new LinkedHashMap<>();
        List<UnassignedDto> unassigned = new ArrayList<>();
        for (PlanVisitRecord v : plans.findVisits(plan.id())) {
            SiteRecord site = siteById.get(v.siteId());
            String siteName = site == null ? "?" : site.name();
            if (v.assigned()) {
                stops.computeIfAbsent(new Key(v.teamId(), v.date()), k -> new ArrayList<>())
                        .add(new StopDto(v.visitId(), v.siteId(), siteName, v.sequence(), v.arrival(), v.start(),
                                v.end(), v.appointments(), v.services(), v.travelSeconds(), v.travelMeters(),
                                legSource(v.travelManual(), plan), v.pinned(), v.pinnedStart(),
                                windows(site, v.date()), booked.containsKey(v.visitId())
                                ? booked.get(v.visitId()).bookings() : 0));
            } else {
                unassigned.add(new UnassignedDto(v.visitId(), v.siteId(), siteName, v.appointments(), v.services(),
                        v.unassignedReason()));
            }
        }
        Map<Key, PlanTourRecord> tourRows = new LinkedHashMap<>();
        plans.findTours(plan.id()).forEach(t -> tourRows.put(new Key(t.teamId(), t.date()), t));
        List<TourDto> tours = new ArrayList<>();
        stops.forEach((key, list) -> {
            PlanTourRecord t = tourRows.get(key);
            List<BreakDto> breaks = t == null || t.breakStart() == null ? List.of()
                    : List.of(new BreakDto(t.breakStart(), t.breakEnd()));
            tours.add(new TourDto(key.teamId(), teamNames.getOrDefault(key.teamId(), "?"), key.date(),
                    t == null ? null : t.departure(), t == null ? null : t.returnToBase(),
                    legSource(t != null && t.returnManual(), plan), breaks, list));
        });
        List<TeamDayDto> teamDays = new ArrayList<>();
        LocalDate sunday = plan.weekStart().plusDays(6);
        for (TeamRecord t : teamList) {
            t.shifts().stream().filter(s -> !s.date().isBefore(plan.weekStart()) && !s.date().isAfter(sunday))
                    .forEach(s -> teamDays.add(new TeamDayDto(t.id(), t.name(), t.baseName(), s.date(), s.start(),
                            s.end())));
        }
        teamDays.sort(Comparator.comparing(TeamDayDto::date).thenComparing(TeamDayDto::teamName));
        Object kpis = plan.kpisJson() == null ? null : JSON.readTree(plan.kpisJson());
        return new PlanDto(plan.id(), plan.weekStart(), plan.status(), plan.version(), plan.objective(), plan.score(),
                plan.solveSeconds(), plan.travelTimes(), kpis, teamDays, tours, unassigned, plan.failure(), plan.basedOnPlan(),
                plan.createdAt(), plan.publishedAt(), null);
    }

    /** The site's opening windows on that date, as the planner reads its rules. */
    private static List<WindowDto> windows(SiteRecord site, LocalDate date) {
        if (site == null) {
            return List.of();
        }
        return ProblemLoader.site(site, null).opening().windowsOn(date).stream()
                .map(w -> new WindowDto(w.start(), w.end())).toList();
    }

    /** "manual" for a declared access leg, else what the whole plan was routed on. */
    private static String legSource(boolean manual, PlanRecord plan) {
        return manual ? "manual" : plan.travelTimes();
    }

    public static String etag(PlanRecord plan) {
        return "\"" + plan.id() + "-" + plan.version() + "\"";
    }

    /** If-Match (RFC 9110 §13.1.1): "*" or a list with the current ETag, compared strongly (never weak). */
    public static boolean matches(String ifMatch, PlanRecord plan) {
        if (ifMatch == null) {
            return false;
        }
        String current = etag(plan);
        return Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(t -> t.equals("*") || t.equals(current));
    }
}
