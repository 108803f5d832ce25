package de.kuzmobil.api.plans;

import de.kuzmobil.api.travel.Travel;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.TeamDay;
import de.kuzmobil.planner.domain.Visit;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.PlanExplainer;
import de.kuzmobil.planner.explain.PlanExplanation;
import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the planner's model of a stored plan, every visit where the rows put it, so that an edit
 * is re-timed and re-scored by the same code that solves.
 */
@Component
public class PlanRebuilder {

    /** The model, its explanation and read model, and which visits are pinned. */
    public record Rebuilt(WeekPlan plan, PlanExplanation explanation, PlanView view, Map<String, Pin> pins) {
    }

    private final ProblemLoader loader;
    private final Travel travel;
    private final PlanExplainer explainer = new PlanExplainer();

    public PlanRebuilder(ProblemLoader loader, Travel travel) {
        this.loader = loader;
        this.travel = travel;
    }

    /** Pins of a stored plan: its pinned visits where they are. */
    public static Map<String, Pin> pinsOf(List<PlanVisitRecord> rows) {
        Map<String, Pin> pins = new LinkedHashMap<>();
        for (PlanVisitRecord r : rows) {
            if (r.pinned() && r.assigned()) {
                pins.put(r.visitId(), new Pin(r.visitId(), String.valueOf(r.teamId()), r.date(), r.pinnedStart()));
            }
        }
        return pins;
    }

    /** The stored plan's week with {@code rows} as its tours, scored with the plan's objective. */
    public Rebuilt rebuild(PlanRecord stored, List<PlanVisitRecord> rows) {
        Map<String, Pin> pins = pinsOf(rows);
        WeekProblem problem = loader.load(stored.weekStart(), List.copyOf(pins.values()));
        travel.awaitForRequest();
        WeekPlan plan = WeekPlanFactory.build(problem, travel.matrix(WeekPlanFactory.locations(problem)));
        plan.setWeights(Objective.valueOf(stored.objective()).weights());

        Map<String, Visit> visits = new HashMap<>();
        plan.getVisits().forEach(v -> visits.put(v.getId(), v));
        Map<String, TeamDay> tours = new HashMap<>();
        plan.getTeamDays().forEach(t -> tours.put(t.getId(), t));
        plan.getTeamDays().forEach(t -> t.getVisits().clear());
        List<PlanVisitRecord> ordered = rows.stream().filter(PlanVisitRecord::assigned)
                .sorted(Comparator.comparing(PlanVisitRecord::sequence)).toList();
        for (PlanVisitRecord r : ordered) {
            Visit visit = visits.remove(r.visitId());
            TeamDay tour = tours.get(TeamDay.idOf(r.teamId(), r.date()));
            if (visit == null) {
                plan.getInputProblems().put("visit:" + r.visitId(), "no longer in the demand; left out");
            } else if (tour == null) {
                plan.getInputProblems().put("visit:" + r.visitId(), "team " + r.teamId() + " has no shift on "
                        + r.date() + "; now unassigned");
                plan.unassignedTour().getVisits().add(visit);
            } else {
                tour.getVisits().add(visit);
            }
        }
        // everything else (unassigned rows, demand added since) waits on the unassigned tour
        plan.unassignedTour().getVisits().addAll(visits.values().stream()
                .sorted(Comparator.comparing(Visit::getId)).toList());
        PlanExplanation explanation = explainer.explain(plan);
        return new Rebuilt(plan, explanation, PlanView.of(plan), pins);
    }
}
