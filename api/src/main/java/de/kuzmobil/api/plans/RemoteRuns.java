package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs on other instances: their progress reaches this instance's listeners (read from the tables
 * when a signal comes), and a stop asked for here reaches the instance that runs the plan.
 */
@Component
class RemoteRuns {

    private final PlanSignals signals;
    private final PlanEvents events;
    private final SolveJobs jobs;
    private final PlanRepository plans;
    private final SolverJobRepository solverJobs;

    RemoteRuns(PlanSignals signals, PlanEvents events, SolveJobs jobs, PlanRepository plans,
               SolverJobRepository solverJobs) {
        this.signals = signals;
        this.events = events;
        this.jobs = jobs;
        this.plans = plans;
        this.solverJobs = solverJobs;
        signals.receive(this::on);
    }

    private void on(PlanSignals.Signal signal) {
        long id = signal.planId();
        if (signal.kind().equals("stop")) {
            jobs.stop(id);
            return;
        }
        if (!events.hasListeners(id)) {
            return;
        }
        switch (signal.kind()) {
            case "queued", "best" -> solverJobs.progress(id).ifPresent(p -> tell(id, p));
            case "stored" -> plans.find(id).ifPresent(p -> events.stored(id, new PlanEvents.Stored(p.version(), p.score())));
            case "done" -> plans.find(id).filter(p -> !"SOLVING".equals(p.status()))
                    .ifPresent(p -> events.done(id, new PlanEvents.Done(p.status(), p.score(), p.failure())));
            default -> {
                // a kind from a newer version: nothing to do here
            }
        }
    }

    /** A new listener here of a run elsewhere learns its place in the queue or its best score at once. */
    void catchUp(long planId) {
        if (jobs.runsHere(planId)) {
            return;
        }
        solverJobs.progress(planId).ifPresent(p -> tell(planId, p));
    }

    /** A waiting run's place, or a running one's best score so far. */
    private void tell(long planId, SolverJobRepository.Progress p) {
        if (p.queuePosition() != null) {
            events.queued(planId, new PlanEvents.Queued(p.queuePosition()));
        } else if (p.bestScore() != null) {
            events.best(planId, new PlanEvents.Best(p.bestScore(), p.elapsedMillis() == null ? 0 : p.elapsedMillis()));
        }
    }

    /** A stop for a plan that runs on another (live) instance: passed on; false when none runs it. */
    boolean stopElsewhere(long planId) {
        if (!solverJobs.hasLiveJob(planId, OrphanedRuns.STALE_SECONDS)) {
            return false;
        }
        signals.send(planId, "stop");
        return true;
    }
}
