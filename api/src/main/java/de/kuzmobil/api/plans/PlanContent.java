package de.kuzmobil.api.plans;

import de.kuzmobil.data.site.SiteRecord;
import de.kuzmobil.data.site.SiteRepository;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.explain.PlanView;
import java.util.Map;
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
     * @param pins           pinned visits by id
     * @param travelProblems sites the road network cannot serve, by site name
     */
    public Content of(PlanView view, Map<String, Pin> pins, Map<String, String> travelProblems) {
        Map<String, String> districts = sites.findAll().stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.id()), SiteRecord::district));
        return new Content(PlanRecords.of(view, pins),
                JSON.writeValueAsString(Kpis.of(view, districts, travelProblems)));
    }
}
