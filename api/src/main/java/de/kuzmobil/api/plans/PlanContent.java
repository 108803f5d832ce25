package de.kuzmobil.api.plans;

import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.planner.domain.AccessLeg;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.domain.WeekPlan;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What gets stored for a plan's read model, whether it came from the solver or a hand edit. */
@Component
public class PlanContent {

    /** Rows to store and the KPI document. */
    public record Content(PlanRecords.Rows rows, String kpisJson) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SiteRepository sites;

    public PlanContent(SiteRepository sites) {
        this.sites = sites;
    }

    /**
     * @param plan the solved or edited model ({@code view} is read from it)
     * @param pins pinned visits by id
     */
    public Content of(WeekPlan plan, PlanView view, Map<String, Pin> pins) {
        Map<String, String> districts = sites.findAll().stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.id()), SiteRecord::district));
        return new Content(PlanRecords.of(view, pins),
                JSON.writeValueAsString(Kpis.of(view, districts, travelProblems(plan), accessLegs(plan))));
    }

    /** Sites reached by a declared access leg, e.g. "Schiff ab Cuxhaven: 90 min each way, Wed". */
    static Map<String, String> accessLegs(WeekPlan plan) {
        Map<String, String> legs = new TreeMap<>();
        plan.getSites().stream().filter(s -> s.access() != null).forEach(s -> legs.put(s.name(),
                describe(s.access())));
        return legs;
    }

    public static String describe(AccessLeg leg) {
        String days = leg.days().isEmpty() ? "every day" : leg.days().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
        return "%s: %d min each way from a team's base, %s".formatted(leg.description(), leg.minutesEachWay(), days);
    }

    /** Routing problems by site (or team base) name, with the name instead of the location id in the text. */
    static Map<String, String> travelProblems(WeekPlan plan) {
        Map<String, String> names = new HashMap<>();
        plan.getSites().forEach(s -> names.put(s.location().id(), s.name()));
        plan.getTeams().forEach(t -> names.merge(t.base().id(), "base of " + t.name(), (a, b) -> a + ", " + b));
        Map<String, String> problems = new TreeMap<>();
        plan.getMatrix().problems().forEach((location, problem) -> {
            String name = names.getOrDefault(location, location);
            problems.put(name, problem.replace(location, name));
        });
        return problems;
    }
}
