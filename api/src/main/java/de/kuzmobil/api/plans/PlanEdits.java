package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanTourRecord;
import de.kuzmobil.data.plan.PlanVisitRecord;
import de.kuzmobil.planner.explain.PlanExplanation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a hand edit of a stored plan needs of the plans feature, in one place: the plan's ETag, the plan
 * re-timed, re-scored and explained for its changed visit rows (ready to store), and the plan as the API
 * shows it.
 */
@Component
public class PlanEdits {

    /**
     * A plan after an edit: what to store and what the planner says of it.
     *
     * @param inputChanged the demand or shifts changed since the plan was made, so that rebuilding it would
     *                     drop or move other visits: the edit must not be stored
     */
    public record Edited(String score, String kpisJson, List<PlanVisitRecord> visits, List<PlanTourRecord> tours,
                         PlanExplanation explanation, boolean inputChanged) {
    }

    private final PlanRebuilder rebuilder;
    private final PlanContent content;
    private final PlanReader reader;

    public PlanEdits(PlanRebuilder rebuilder, PlanContent content, PlanReader reader) {
        this.rebuilder = rebuilder;
        this.content = content;
        this.reader = reader;
    }

    /** The stored plan with these visit rows (its pins and tours), re-timed and re-scored. */
    public Edited apply(PlanRecord plan, List<PlanVisitRecord> rows) {
        PlanRebuilder.Rebuilt rebuilt = rebuilder.rebuild(plan, rows);
        boolean inputChanged = rebuilt.plan().getInputProblems().keySet().stream().anyMatch(k -> k.startsWith("visit:"));
        PlanContent.Content stored = content.of(rebuilt.plan(), rebuilt.view(), rebuilt.pins());
        return new Edited(rebuilt.explanation().score(), stored.kpisJson(), stored.rows().visits(),
                stored.rows().tours(), rebuilt.explanation(), inputChanged);
    }

    public PlanDto read(PlanRecord plan) {
        return reader.read(plan);
    }

    public static String etag(PlanRecord plan) {
        return PlanReader.etag(plan);
    }

    /** The If-Match header names this version of the plan. */
    public static boolean matches(String ifMatch, PlanRecord plan) {
        return PlanReader.matches(ifMatch, plan);
    }
}
