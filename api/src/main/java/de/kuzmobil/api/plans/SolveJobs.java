package de.kuzmobil.api.plans;

import de.kuzmobil.api.travel.Travel;
import de.kuzmobil.data.plan.PlanRecord;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.PlanStatus;
import de.kuzmobil.data.plan.SolverJobRepository;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.optaplanner.core.api.solver.Solver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs solver jobs that this instance picked from the queue (see {@link SolverQueue}), each solved on the
 * queue's thread: streams new best scores, stores the best plan so far every few seconds (readers watch
 * it improve; another instance continues from it if this one dies) and the final plan. Every run ends
 * exactly once ({@link RunEnds}: done, stopped, failed, or stopped by the {@link RunWatchdog} when it
 * overruns its time), and its end ends the plan's SOLVING; when this instance stops, runs are handed back.
 *
 * <p>The solver runs on the calling thread, not in OptaPlanner's {@code SolverManager}, and nothing on the
 * solver's thread waits for the database: a run whose final plan never arrived after "Solving ended"
 * was seen with {@code SolverManager} (see docs/decisions.md).
 */
@Component
public class SolveJobs {

    private static final Logger log = LoggerFactory.getLogger(SolveJobs.class);

    /** The best plan so far is stored at most this often while solving. */
    static final long CHECKPOINT_MILLIS = 2_000;
    /** A new best score is written for other instances at most this often. */
    static final long BEST_SIGNAL_MILLIS = 500;
    static final int HEARTBEAT_SECONDS = 10;

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final ProblemLoader loader;
    private final Travel travel;
    private final PlanEvents events;
    private final PlanSignals signals;
    private final PlanRebuilder rebuilder;
    private final RunPins runPins;
    // checkpoints and best scores are written here, off the solver's thread
    private final ScheduledExecutorService checkpoints =
            Executors.newSingleThreadScheduledExecutor(daemon("plan-checkpoint"));
    private final Map<Long, SolverRun> running = new ConcurrentHashMap<>();
    private final RunEnds ends;
    private volatile boolean stopping;

    public SolveJobs(PlanRepository plans, SolverJobRepository jobs, PlanContent content, ProblemLoader loader,
                     Travel travel, PlanEvents events, PlanSignals signals, PlanRebuilder rebuilder, RunPins runPins) {
        this.plans = plans;
        this.jobs = jobs;
        this.loader = loader;
        this.travel = travel;
        this.events = events;
        this.signals = signals;
        this.rebuilder = rebuilder;
        this.runPins = runPins;
        this.ends = new RunEnds(plans, jobs, content, travel, events, signals, running);
        checkpoints.scheduleWithFixedDelay(new RunWatchdog(running.values(), ends), 15, 15, TimeUnit.SECONDS);
        checkpoints.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** The plan's run is on this instance. */
    boolean runsHere(long planId) {
        return running.containsKey(planId);
    }

    /**
     * Runs a job this instance picked, on the calling thread until the run ends or is handed back.
     *
     * @return true when it was handed back (this instance stops): the job is to be queued again
     */
    boolean run(long jobId) {
        Optional<SolverJobRepository.Pickup> pickup = jobs.pickedUp(jobId, signals.instance());
        if (pickup.isEmpty()) {
            return false; // ended meanwhile: replaced by a new run, or failed by the sweep
        }
        long planId = pickup.get().planId();
        PlanRecord plan = plans.find(planId).orElse(null);
        if (plan == null || plan.status() != PlanStatus.SOLVING) {
            jobs.finished(jobId, "FAILED", "the plan is no longer solving");
            return false;
        }
        signals.send(planId, "queued"); // the queue moved up
        announceQueue();
        boolean fromCheckpoint = pickup.get().begun() && plan.score() != null;
        SolverRun run = new SolverRun(pickup.get(), plan, fromCheckpoint, runPins.of(plan));
        running.put(planId, run);
        // read after registering: a stop asked for before now is seen here, a later one finds the run
        run.stopRequested = jobs.stopRequested(jobId);
        if (stopping) {
            run.releasing = true;
            ends.handBackUnstarted(run);
        } else if (run.stopRequested) {
            ends.endStopped(run, "stopped before solving began");
        } else {
            if (fromCheckpoint) {
                log.info("Plan {}: run taken over, continuing for {} s from its stored best", planId, run.seconds);
            }
            solve(run);
        }
        return run.handedBack;
    }

    /** Tells listeners here of each waiting plan its place. */
    void announceQueue() {
        try {
            jobs.queuePositions().forEach((planId, position) -> {
                if (events.hasListeners(planId)) {
                    events.queued(planId, new PlanEvents.Queued(position));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Places in the queue not announced", e);
        }
    }

    /** Solves on this thread until the run's time is up or it is stopped, then ends the run. */
    private void solve(SolverRun run) {
        WeekPlan best;
        try {
            WeekPlan initial;
            if (run.fromCheckpoint) {
                // rebuilt as stored and scored once, which also sets the model's shadow variables the solver starts from
                initial = rebuilder.rebuild(plans.find(run.planId).orElseThrow(), plans.findVisits(run.planId)).plan();
            } else {
                WeekProblem problem = loader.load(run.weekStart, List.copyOf(run.pins.values()));
                // waits while the road graph loads: a plan never runs on a half-loaded graph
                initial = WeekPlanFactory.build(problem, travel.matrix(WeekPlanFactory.locations(problem)));
            }
            SolverSettings settings = SolverSettings.defaults().withWeights(run.objective.weights())
                    .withSpent(Duration.ofSeconds(run.seconds), Duration.ofSeconds(Math.max(2, run.seconds / 3)))
                    .withStopRequested(() -> run.stopRequested);
            run.initial = initial;
            Solver<WeekPlan> solver = WeekPlanSolver.solver(initial, settings);
            long started = System.nanoTime();
            solver.addEventListener(event -> improved(run, event.getNewBestSolution(), started));
            run.solver = solver; // from here a stop reaches the solver; before, the settings' stop request does
            if (run.ended.get()) {
                return; // handed back while preparing
            }
            jobs.running(run.jobId);
            best = solver.solve(initial);
        } catch (Throwable e) {
            ends.fail(run, e);
            return;
        }
        if (!whole(best)) {
            // stopped while the first plan was being built (a checkpoint is always a whole plan)
            ends.fail(run, new CancellationException("stopped before a first plan was built"));
        } else {
            ends.finish(run, best);
        }
    }

    /** Every visit is on a tour or on the unassigned list: a plan to store and show. */
    private static boolean whole(WeekPlan plan) {
        return plan.getScore() != null && plan.getScore().isSolutionInitialized();
    }

    /** A new best plan, on the solver's thread: announced here at once, written for others off this thread. */
    private void improved(SolverRun run, WeekPlan best, long started) {
        if (!whole(best)) {
            return; // a plan under construction, stopped (see solve)
        }
        String score = String.valueOf(best.getScore());
        long now = System.nanoTime();
        events.best(run.planId, new PlanEvents.Best(score, (now - started) / 1_000_000));
        if (now - run.lastBestSignalNanos > BEST_SIGNAL_MILLIS * 1_000_000) {
            // for other instances' listeners; the checkpoint and the end carry the rest
            run.lastBestSignalNanos = now;
            checkpoints.execute(() -> {
                try {
                    jobs.bestScore(run.jobId, score);
                    signals.send(run.planId, "best");
                } catch (RuntimeException e) {
                    log.warn("Plan {}: best score not shared with other instances", run.planId, e);
                }
            });
        }
        checkpointSoon(run, best);
    }

    /** Stores {@code best} (or a better one arriving meanwhile) once {@link #CHECKPOINT_MILLIS} have passed. */
    private void checkpointSoon(SolverRun run, WeekPlan best) {
        run.unsaved.set(best);
        if (run.checkpointDue.compareAndSet(false, true)) {
            long wait = CHECKPOINT_MILLIS - (System.nanoTime() - run.lastCheckpointNanos) / 1_000_000;
            checkpoints.schedule(() -> checkpoint(run), Math.max(0, wait), TimeUnit.MILLISECONDS);
        }
    }

    private void checkpoint(SolverRun run) {
        run.checkpointDue.set(false);
        WeekPlan best = run.unsaved.getAndSet(null);
        if (best == null || running.get(run.planId) != run) {
            return;
        }
        try {
            ends.storeProgress(run, best).ifPresent(stored -> {
                events.stored(run.planId, stored);
                signals.send(run.planId, "stored");
            });
            run.lastCheckpointNanos = System.nanoTime();
            jobs.alive(run.jobId);
        } catch (RuntimeException e) {
            // the final result is stored anyway; a missed checkpoint only delays what readers see
            log.warn("Plan {}: checkpoint not stored", run.planId, e);
        }
    }

    /**
     * Stops a plan's run wherever it is and keeps the best plan so far: here at once, a waiting one by
     * taking it out of the queue, one on another instance by a signal (and the stop stored in its job,
     * which the instance that picks a job reads). False when the plan has no active job.
     */
    public boolean stop(long planId) {
        Optional<Long> jobId = jobs.requestStop(planId);
        if (jobId.isEmpty()) {
            return false;
        }
        if (stopHere(planId)) {
            return true;
        }
        if (jobs.cancelWaiting(jobId.get())) {
            ends.endWaiting(planId, jobId.get());
            signals.send(planId, "queued");
            announceQueue();
        } else {
            signals.send(planId, "stop");
        }
        return true;
    }

    /** Stops the plan's run if it is on this instance; false when it is not. */
    boolean stopHere(long planId) {
        SolverRun run = running.get(planId);
        if (run == null) {
            return false;
        }
        run.stop();
        return true;
    }

    /** This instance's runs are alive: their time is counted to now (see SolverJobRepository#pickedUp). */
    private void heartbeat() {
        try {
            jobs.heartbeat(signals.instance());
        } catch (RuntimeException e) {
            log.warn("Heartbeat of this instance's solver jobs not stored", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A normal stop (SIGTERM), before the queue stops: each run stops early, its best is stored and its
     * job handed back (see {@link RunEnds}); nothing becomes FAILED. Waits until they are handed back.
     */
    void handBackAll() {
        stopping = true;
        List<SolverRun> runs = List.copyOf(running.values());
        for (SolverRun run : runs) {
            run.releasing = true;
            if (run.solver == null) {
                ends.handBackUnstarted(run); // still preparing
            }
            run.stop();
        }
        for (SolverRun run : runs) {
            try {
                run.end.get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Plan {}: not handed back in time; it is continued once its execution is found dead",
                        run.planId);
            }
        }
    }

    @PreDestroy
    void shutdown() {
        handBackAll();
        checkpoints.shutdownNow();
    }
}
