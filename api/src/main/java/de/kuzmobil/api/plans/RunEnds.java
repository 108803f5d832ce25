package de.kuzmobil.api.plans;

import de.kuzmobil.api.system.ProblemHandler;
import de.kuzmobil.api.travel.Travel;
import de.kuzmobil.api.travel.TravelUnavailableException;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.data.plan.SolverJobRepository;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.PlanView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How runs end, each exactly once: solved (the plan stored SOLVED), failed or stopped (FAILED with a
 * stable code, or SOLVED with the plan's stored best), or handed back when this instance shuts down
 * (the best kept, the job queued again). Every end is announced to listeners here and, by a signal, on
 * other instances. Also stores a run's best so far (checkpoints and hand-backs alike).
 */
final class RunEnds {

    private static final Logger log = LoggerFactory.getLogger(RunEnds.class);

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final PlanContent content;
    private final Travel travel;
    private final PlanEvents events;
    private final PlanSignals signals;
    private final Map<Long, SolverRun> running;

    RunEnds(PlanRepository plans, SolverJobRepository jobs, PlanContent content, Travel travel, PlanEvents events,
            PlanSignals signals, Map<Long, SolverRun> running) {
        this.plans = plans;
        this.jobs = jobs;
        this.content = content;
        this.travel = travel;
        this.events = events;
        this.signals = signals;
        this.running = running;
    }

    /** The run's final plan: stored SOLVED (or kept for the next instance when this one shuts down). */
    void finish(SolverRun run, WeekPlan best) {
        if (!run.ended.compareAndSet(false, true)) {
            return;
        }
        if (run.releasing) {
            handBack(run, best);
            return;
        }
        try {
            PlanView view = PlanView.of(best);
            PlanContent.Content stored = content.of(best, view, run.pins);
            boolean saved = plans.saveSolution(run.planId, PlanStatus.SOLVED, view.score(), source(),
                    stored.kpisJson(), stored.rows().visits(), stored.rows().tours());
            jobs.finished(run.jobId, run.stopRequested ? "CANCELLED" : "DONE", saved ? null : "plan changed meanwhile");
            events.done(run.planId, new PlanEvents.Done(PlanStatus.SOLVED, view.score(), null));
            signals.send(run.planId, "done");
            log.info("Plan {} solved: {}{}", run.planId, view.score(), saved ? "" : " (not stored: plan changed)");
            close(run);
        } catch (Throwable e) {
            recordFailure(run, e);
        }
    }

    /** Ends a run as failed, unless it has ended already (or hands it back when shutting down). */
    void fail(SolverRun run, Throwable error) {
        if (run.ended.compareAndSet(false, true)) {
            if (run.releasing) {
                handBack(run, null);
            } else {
                recordFailure(run, error);
            }
        }
    }

    /** A run stopped when picked up: its plan keeps a stored best (a checkpoint), or fails. */
    void endStopped(SolverRun run, String why) {
        if (!run.ended.compareAndSet(false, true)) {
            return;
        }
        if (run.releasing) {
            handBack(run, null);
        } else if (endWithStoredBest(run.planId, run.jobId)) {
            close(run);
        } else {
            recordFailure(run, new CancellationException(why));
        }
    }

    /** A job stopped before any instance picked it: the plan keeps a stored best, or fails. */
    void endWaiting(long planId, long jobId) {
        if (!endWithStoredBest(planId, jobId)) {
            String message = "STOPPED: stopped while waiting in the queue";
            log.info("Plan {}: {}", planId, message);
            plans.changeStatus(planId, null, List.of(PlanStatus.SOLVING), PlanStatus.FAILED, message);
            jobs.finished(jobId, "FAILED", message);
            events.done(planId, new PlanEvents.Done(PlanStatus.FAILED, null, message));
            signals.send(planId, "done");
        }
    }

    /** This instance shuts down before the run began: nothing to keep, the job goes back to the queue. */
    void handBackUnstarted(SolverRun run) {
        if (run.ended.compareAndSet(false, true)) {
            handBack(run, null);
        }
    }

    /**
     * Ends a stopped job that solved nothing itself with the plan's stored best (a checkpoint, or the
     * plan being re-solved): SOLVED. False when the plan has none (or no longer solves).
     */
    private boolean endWithStoredBest(long planId, long jobId) {
        PlanRecord plan = plans.find(planId).orElse(null);
        if (plan == null || plan.score() == null
                || !plans.changeStatus(planId, null, List.of(PlanStatus.SOLVING), PlanStatus.SOLVED, null)) {
            return false;
        }
        jobs.finished(jobId, "CANCELLED", null);
        events.done(planId, new PlanEvents.Done(PlanStatus.SOLVED, plan.score(), null));
        signals.send(planId, "done");
        return true;
    }

    /**
     * This instance shuts down: the run's best so far (if any) is stored as a checkpoint, the plan
     * stays SOLVING and its job is handed back for the next instance to continue.
     */
    private void handBack(SolverRun run, WeekPlan best) {
        try {
            if (best != null && best != run.initial) {
                storeProgress(run, best);
            }
            jobs.handedBack(run.jobId);
            log.info("Plan {}: handed back for another instance or the next start to continue", run.planId);
        } catch (RuntimeException e) {
            log.warn("Plan {}: could not be handed back; it will be continued once its heartbeat is stale",
                    run.planId, e);
        }
        run.handedBack = true;
        run.closed.set(true);
        run.end.complete(null);
        running.remove(run.planId, run);
    }

    private void recordFailure(SolverRun run, Throwable error) {
        // what the plan shows: a stable code and a sentence; anything internal stays in the log
        String message;
        if (error instanceof CancellationException) {
            log.info("Plan {}: {}", run.planId, error.getMessage());
            message = "STOPPED: " + error.getMessage();
        } else if (error instanceof TravelUnavailableException) {
            log.warn("Plan {}: {}", run.planId, error.getMessage());
            message = "ROADS_UNAVAILABLE: " + error.getMessage();
        } else if (error instanceof RunWatchdog.Overrun) {
            log.error("Plan {}: {}", run.planId, error.getMessage());
            message = "OVERRUN: " + error.getMessage();
        } else {
            String reference = ProblemHandler.reference();
            log.error("Plan {} failed, reference {}", run.planId, reference, error);
            message = "SOLVER_ERROR: solving failed unexpectedly; the log has the details under reference " + reference;
        }
        try {
            plans.changeStatus(run.planId, null, List.of(PlanStatus.SOLVING), PlanStatus.FAILED, message);
            jobs.finished(run.jobId, "FAILED", String.valueOf(error.getMessage()));
        } catch (RuntimeException e) {
            log.error("Plan {}: could not record the failure (start-up recovery will)", run.planId, e);
        }
        events.done(run.planId, new PlanEvents.Done(PlanStatus.FAILED, null, message));
        signals.send(run.planId, "done");
        close(run);
    }

    private void close(SolverRun run) {
        if (!run.closed.compareAndSet(false, true)) {
            return;
        }
        run.end.complete(null);
        // only this run: a re-optimisation may already have started the next one
        running.remove(run.planId, run);
    }

    /**
     * Stores the run's best so far as the plan's rows (a checkpoint: the plan stays SOLVING); what was
     * stored, or nothing when the plan no longer solves.
     */
    Optional<PlanEvents.Stored> storeProgress(SolverRun run, WeekPlan best) {
        PlanView view = PlanView.of(best);
        PlanContent.Content stored = content.of(best, view, run.pins);
        return plans.saveProgress(run.planId, view.score(), source(), stored.kpisJson(), stored.rows().visits(),
                stored.rows().tours()).map(version -> new PlanEvents.Stored(version, view.score()));
    }

    /** How the plan's travel times were made (roads, or labelled estimates). */
    private String source() {
        return travel.source().name().toLowerCase();
    }
}
