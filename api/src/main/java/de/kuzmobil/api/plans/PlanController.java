package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.api.system.AlsoAnswers;
import de.kuzmobil.api.system.Page;
import de.kuzmobil.api.system.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.planner.domain.Objective;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Dispatchers plan, follow, stop and publish weeks; team leads read them. */
@Tag(name = "Plans", description = "Planning a week, following and stopping the solver, publishing")
@RestController
@RequestMapping("/api/v1/plans")
public class PlanController {

    /** {@code POST /api/v1/plans} body; {@code objective} defaults to {@code LEAST_DRIVING}. */
    public record CreatePlan(@NotNull LocalDate weekStart, Integer solveSeconds, Objective objective) {
    }

    /** {@code POST .../reoptimize} body (optional); what it leaves out stays as the plan had it. */
    public record Reoptimize(Integer solveSeconds, Objective objective) {
    }

    /** A plan in a list, without its tours; {@code queuePosition} while it waits for a free solver. */
    public record PlanSummary(long id, LocalDate weekStart, PlanStatus status, int version, String objective,
                              String score, String travelTimes, Long basedOnPlan, Integer queuePosition) {
        static PlanSummary of(PlanRecord p, Optional<Integer> queuePosition) {
            return new PlanSummary(p.id(), p.weekStart(), p.status(), p.version(), p.objective(), p.score(),
                    p.travelTimes(), p.basedOnPlan(), queuePosition.orElse(null));
        }
    }

    private final PlanService service;
    private final PlanReader reader;
    private final PlanRepository plans;
    private final PlanEvents events;
    private final PlanAnalysis analysis;
    private final SolverQueue queue;
    private final RemoteRuns remote;

    public PlanController(PlanService service, PlanReader reader, PlanRepository plans, PlanEvents events,
                          PlanAnalysis analysis, SolverQueue queue, RemoteRuns remote) {
        this.remote = remote;
        this.queue = queue;
        this.service = service;
        this.reader = reader;
        this.plans = plans;
        this.events = events;
        this.analysis = analysis;
    }

    @Operation(operationId = "createPlan", summary = "Plan a week (solving starts in the background)",
            description = "Stores a new plan of the week (weekStart: a Monday) and queues its solve; the answer (202) points to it, progress comes as events. A full solve queue answers 429 with Retry-After and stores nothing; a week without shifts 422.")
    @AlsoAnswers({422, 429})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping
    public ResponseEntity<PlanSummary> create(@Valid @RequestBody CreatePlan request) {
        PlanRecord plan = service.create(request.weekStart(), request.solveSeconds(), request.objective());
        return accepted(plan);
    }

    @Operation(operationId = "listPlans", summary = "All plans, newest first",
            description = "Plan summaries, newest week first, in pages with totals; a queued plan shows its place in the solve queue.")
    @GetMapping
    public Page<PlanSummary> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        PageRequest paging = PageRequest.of(page, size);
        Map<Long, Integer> places = queue.positions();
        return paging.of(plans.findPage(paging.size(), paging.offset()).stream()
                .map(p -> PlanSummary.of(p, Optional.ofNullable(places.get(p.id())))).toList(), plans.count());
    }

    @Operation(operationId = "getPlan", summary = "A plan with tours, KPIs and unassigned visits (ETag)",
            description = "The plan with its tours (stops with times, travel and pins), KPIs and unassigned visits; the ETag is what hand edits send in If-Match.")
    @AlsoAnswers(304)
    @GetMapping("/{id}")
    public ResponseEntity<PlanDto> get(@PathVariable long id) {
        PlanRecord plan = service.get(id);
        Optional<Integer> place = queue.position(id);
        if (place.isEmpty()) {
            return ResponseEntity.ok().eTag(PlanReader.etag(plan)).body(reader.read(plan));
        }
        // the place changes without a new version: another ETag, so a cached read does not hide it
        String etag = PlanReader.etag(plan).replaceFirst("\"$", "-q" + place.get() + "\"");
        return ResponseEntity.ok().eTag(etag).body(reader.read(plan).inQueue(place.get()));
    }

    /** New best scores while solving, then a final "done" event. */
    @Operation(operationId = "planEvents", summary = "Progress of a solving plan (server-sent events)",
            description = "Server-sent events while the plan solves: queued (place in queue), best (a better score), then done (final status, score and failure code if any). A finished plan answers with done at once. Listeners per plan and in all are capped (429).")
    @AlsoAnswers(429)
    @GetMapping(path = "/{id}/events", produces = "text/event-stream")
    public SseEmitter events(@PathVariable long id) {
        PlanRecord plan = service.get(id);
        if (plan.status() != PlanStatus.SOLVING) {
            return events.finished(new PlanEvents.Done(plan.status(), plan.score(), plan.failure()));
        }
        long timeout = 1000L * ((plan.solveSeconds() == null ? PlanService.DEFAULT_SOLVE_SECONDS : plan.solveSeconds()) + 120);
        SseEmitter emitter = events.subscribe(id, timeout);
        remote.catchUp(id);
        // it may have finished between the read and the subscription: end this stream directly
        PlanRecord now = service.get(id);
        if (now.status() != PlanStatus.SOLVING) {
            events.end(id, emitter, new PlanEvents.Done(now.status(), now.score(), now.failure()));
        }
        return emitter;
    }

    /** Stops solving early and keeps the best plan found so far. */
    @Operation(operationId = "stopSolving", summary = "Stop solving and keep the best plan so far",
            description = "Ends the plan's solve (or takes it out of the queue) and keeps the best plan found so far (202); a plan not solving answers 409.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @DeleteMapping("/{id}/solving")
    public ResponseEntity<Void> stop(@PathVariable long id) {
        service.stop(id);
        return ResponseEntity.accepted().build();
    }

    @Operation(operationId = "publishPlan", summary = "Publish a plan: its stops become public and bookable",
            description = "Makes a SOLVED plan the week's published plan: its public stops appear for citizens and become bookable; the week's plan published before becomes SUPERSEDED.")
    @PostMapping("/{id}/publish")
    public ResponseEntity<PlanDto> publish(@PathVariable long id) {
        PlanRecord plan = service.publish(id);
        return ResponseEntity.ok().eTag(PlanReader.etag(plan)).body(reader.read(plan));
    }

    @Operation(operationId = "reoptimizePlan", summary = "Re-optimise a plan around its pins (a new plan)",
            description = "Solves again around the pinned and booked visits. A published plan stays as it is and a new plan based on it is made; otherwise the plan itself is solved again (202).")
    @AlsoAnswers(429)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{id}/reoptimize")
    public ResponseEntity<PlanSummary> reoptimize(@PathVariable long id,
                                                  @RequestBody(required = false) Reoptimize request) {
        return accepted(request == null ? service.reoptimize(id, null, null)
                : service.reoptimize(id, request.solveSeconds(), request.objective()));
    }

    @Operation(operationId = "explainPlan", summary = "Broken rules per visit and reasons for unassigned visits",
            description = "Per visit the hard and soft rules it breaks, and for each unassigned visit the reason code and a sentence.")
    @AlsoAnswers(503)
    @GetMapping("/{id}/explanation")
    public PlanAnalysis.Explanation explanation(@PathVariable long id) {
        return analysis.explain(service.get(id));
    }

    @Operation(operationId = "planGeoJson", summary = "Tours as GeoJSON (road legs, stops, bases, unassigned)",
            description = "The tours as a GeoJSON FeatureCollection: road legs as lines, stops and bases as points, unassigned visits.")
    @AlsoAnswers(503)
    @GetMapping(path = "/{id}/tours.geojson", produces = {"application/geo+json", "application/json"})
    public Map<String, Object> geoJson(@PathVariable long id) {
        return analysis.geoJson(service.get(id));
    }

    private ResponseEntity<PlanSummary> accepted(PlanRecord plan) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/plans/" + plan.id()))
                .header(HttpHeaders.ETAG, PlanReader.etag(plan)).body(PlanSummary.of(plan, queue.position(plan.id())));
    }
}
