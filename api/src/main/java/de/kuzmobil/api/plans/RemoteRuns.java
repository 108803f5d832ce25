package de.kuzmobil.api.plans;

import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs on other instances: their progress reaches this instance's listeners (read from the tables
 * when a signal comes), a stop asked for elsewhere reaches this instance's run, and a change of the
 * queue wakes this instance's queue (a new run may be waiting) and tells waiting plans their place.
 */
@Component
class RemoteRuns {

    private final PlanEvents events;
    private final SolveJobs jobs;
    private final SolverQueue queue;
    private final PlanRepository plans;
    private final SolverJobRepository solverJobs;

    RemoteRuns(PlanSignals signals, PlanEvents events, SolveJobs jobs, SolverQueue queue, PlanRepository plans,
               SolverJobRepository solverJobs) {
        this.events = events;
        this.jobs = jobs;
        this.queue = queue;
        this.plans = plans;
        this.solverJobs = solverJobs;
        signals.receive(this::on);
    }

    private void on(PlanSignals.Signal signal) {
        long id = signal.planId();
        switch (signal.kind()) {
            case "stop" -> jobs.stopHere(id);
            case "queued" -> {
                queue.wake();
                jobs.announceQueue();
            }
            case "best" -> {
                if (events.hasListeners(id)) {
                    solverJobs.progress(id).ifPresent(p -> tell(id, p));
                }
            }
            case "stored" -> {
                if (events.hasListeners(id)) {
                    plans.find(id).ifPresent(p -> events.stored(id, new PlanEvents.Stored(p.version(), p.score())));
                }
            }
            case "done" -> {
                if (events.hasListeners(id)) {
                    plans.find(id).filter(p -> p.status() != PlanStatus.SOLVING)
                            .ifPresent(p -> events.done(id, new PlanEvents.Done(p.status(), p.score(), p.failure())));
                }
            }
            default -> {
                // a kind from a newer version: nothing to do here
            }
        }
    }

    /** A new listener here of a run elsewhere (or waiting) learns its place or best score at once. */
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
}
