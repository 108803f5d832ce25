package de.kuzmobil.api.plans;

import de.kuzmobil.api.system.ProblemHandler;
import de.kuzmobil.api.system.TooManyRequestsException;
import de.kuzmobil.api.travel.Travel;
import de.kuzmobil.api.travel.TravelUnavailableException;
import de.kuzmobil.data.plan.PlanRepository;
import de.kuzmobil.data.plan.SolverJobRepository;
import de.kuzmobil.planner.domain.Objective;
import de.kuzmobil.planner.domain.Pin;
import de.kuzmobil.planner.domain.WeekPlan;
import de.kuzmobil.planner.explain.PlanView;
import de.kuzmobil.planner.problem.WeekPlanFactory;
import de.kuzmobil.planner.problem.WeekProblem;
import de.kuzmobil.planner.solver.SolverSettings;
import de.kuzmobil.planner.solver.WeekPlanSolver;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs background solves with OptaPlanner's SolverManager, at most {@code max-concurrent-solves} at a
 * time and a bounded queue behind them (a full queue refuses new runs with 429). Streams new best
 * scores, stores the best plan so far every few seconds (readers watch it improve) and the final plan.
 * Job state lives in PostgreSQL (solver_job) so a restart can tell what was interrupted. Every run ends
 * exactly once (done, stopped, failed, or stopped by the watchdog when it overruns its time), and its end
 * ends the plan's SOLVING.
 */
@Component
public class SolveJobs {

    private static final Logger log = LoggerFactory.getLogger(SolveJobs.class);

    /** The best plan so far is stored at most this often while solving. */
    static final long CHECKPOINT_MILLIS = 2_000;
    /** A new best score is written for other instances at most this often. */
    static final long BEST_SIGNAL_MILLIS = 500;
    static final int HEARTBEAT_SECONDS = 10;

    /** One run of one plan; a re-optimisation of the same plan is a new Run. */
    private static final class Run {
        final long planId;
        final long jobId;
        final Map<String, Pin> pins;
        final AtomicReference<WeekPlan> unsaved = new AtomicReference<>();
        final AtomicBoolean checkpointDue = new AtomicBoolean();
        final AtomicBoolean ended = new AtomicBoolean();
        // completed when the run's end is recorded
        final CompletableFuture<Void> end = new CompletableFuture<>();
        final AtomicBoolean closed = new AtomicBoolean();
        final LocalDate weekStart;
        final int seconds;
        final Objective objective;
        volatile boolean launched;
        volatile long launchedNanos;
        volatile long lastCheckpointNanos = System.nanoTime();
        volatile long lastBestSignalNanos;
        // set when this instance shuts down: the run's best is kept and its job handed back, not ended
        volatile boolean releasing;
        // continue from the plan's stored rows (a checkpoint) instead of an empty plan
        volatile boolean fromCheckpoint;
        volatile boolean stopRequested;
        volatile SolverManager<WeekPlan, Long> manager;
        volatile SolverJob<WeekPlan, Long> job;
        volatile WeekPlan initial;

        Run(long planId, long jobId, LocalDate weekStart, int seconds, Objective objective, Map<String, Pin> pins) {
            this.planId = planId;
            this.jobId = jobId;
            this.weekStart = weekStart;
            this.seconds = seconds;
            this.objective = objective;
            this.pins = pins;
        }
    }

    /** A run the watchdog gave up on. */
    private static final class Overrun extends RuntimeException {
        Overrun(String message) {
            super(message);
        }
    }

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final PlanContent content;
    private final ProblemLoader loader;
    private final Travel travel;
    private final PlanEvents events;
    private final PlanSignals signals;
    private final PlanRebuilder rebuilder;
    // loading and routing run here, one plan at a time, so the HTTP request returns at once
    private final ExecutorService preparation = Executors.newSingleThreadExecutor(daemon("plan-preparation"));
    // stopping and closing wait for solver threads: never on an HTTP or solver thread
    private final ExecutorService control = Executors.newCachedThreadPool(daemon("plan-control"));
    // checkpoints are written here, off the solver's thread
    private final ScheduledExecutorService checkpoints =
            Executors.newSingleThreadScheduledExecutor(daemon("plan-checkpoint"));
    private final Map<Long, Run> running = new ConcurrentHashMap<>();
    private final int maxConcurrent;
    private final int maxQueued;
    // guarded by this: runs waiting for a slot, runs holding one, places promised to callers of reserve()
    private final Deque<Run> waiting = new ArrayDeque<>();
    private int active;
    private int reserved;

    public SolveJobs(PlanRepository plans, SolverJobRepository jobs, PlanContent content, ProblemLoader loader,
                     Travel travel, PlanEvents events, PlanSignals signals, PlanRebuilder rebuilder,
                     @Value("${kuzmobil.planning.max-concurrent-solves:0}") int maxConcurrent,
                     @Value("${kuzmobil.planning.max-queued-solves:20}") int maxQueued) {
        this.plans = plans;
        this.jobs = jobs;
        this.content = content;
        this.loader = loader;
        this.travel = travel;
        this.events = events;
        this.signals = signals;
        this.rebuilder = rebuilder;
        // 0: one solve per core, which is what a solve uses
        this.maxConcurrent = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        if (maxQueued < 0) {
            throw new IllegalArgumentException("kuzmobil.planning.max-queued-solves must not be negative");
        }
        this.maxQueued = maxQueued;
        checkpoints.scheduleWithFixedDelay(this::watch, 15, 15, TimeUnit.SECONDS);
        checkpoints.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Promises a place for one more run (running or queued); call before storing the plan, and
     * {@link #release()} if it is not started after all.
     *
     * @throws TooManyRequestsException when the queue is full
     */
    public synchronized void reserve() {
        if (active + waiting.size() + reserved >= maxConcurrent + maxQueued) {
            throw new TooManyRequestsException(maxConcurrent + " plans are solving and " + waiting.size()
                    + " are waiting, the most this service queues; try again when one has finished", 30);
        }
        reserved++;
    }

    /** Gives back a place promised by {@link #reserve()} that was not used. */
    public synchronized void release() {
        reserved = Math.max(0, reserved - 1);
    }

    /** The plan's run is on this instance (queued or solving). */
    boolean runsHere(long planId) {
        return running.containsKey(planId);
    }

    /** The place of a waiting plan in the queue (1 = next), or empty when it runs or is not here. */
    public synchronized OptionalInt queuePosition(long planId) {
        int position = 1;
        for (Run run : waiting) {
            if (run.planId == planId) {
                return OptionalInt.of(position);
            }
            position++;
        }
        return OptionalInt.empty();
    }

    /**
     * Starts solving a plan already stored with status SOLVING, at once or when a place is free; takes
     * the place promised by {@link #reserve()}.
     */
    public void start(long planId, LocalDate weekStart, int seconds, Objective objective, Map<String, Pin> pins) {
        start(planId, weekStart, seconds, objective, pins, false);
    }

    /**
     * Like {@link #start(long, LocalDate, int, Objective, Map)}, for a plan whose run was handed back or
     * whose instance died: solving goes on from the plan's stored best (its last checkpoint).
     */
    public void resume(long planId, LocalDate weekStart, int seconds, Objective objective, Map<String, Pin> pins) {
        start(planId, weekStart, seconds, objective, pins, true);
    }

    private void start(long planId, LocalDate weekStart, int seconds, Objective objective, Map<String, Pin> pins,
                       boolean fromCheckpoint) {
        long jobId;
        try {
            jobs.failActive(planId, "replaced by a new run");
            jobId = jobs.create(planId, seconds, signals.instance());
        } catch (RuntimeException e) {
            release();
            String reference = ProblemHandler.reference();
            log.error("Plan {} could not start, reference {}", planId, reference, e);
            plans.changeStatus(planId, null, List.of("SOLVING"), "FAILED",
                    "START_FAILED: the run could not be started; the log has the details under reference " + reference);
            throw e;
        }
        Run run = new Run(planId, jobId, weekStart, seconds, objective, pins);
        run.fromCheckpoint = fromCheckpoint;
        running.put(planId, run);
        boolean now;
        synchronized (this) {
            reserved = Math.max(0, reserved - 1);
            now = active < maxConcurrent;
            if (now) {
                active++;
                run.launched = true;
            } else {
                waiting.addLast(run);
            }
        }
        if (now) {
            launch(run);
        } else {
            announceQueue();
        }
    }

    private void launch(Run run) {
        run.launchedNanos = System.nanoTime();
        try {
            preparation.submit(() -> prepareAndSolve(run));
        } catch (RuntimeException e) { // rejected: shutting down
            fail(run, e);
        }
    }

    /** Tells each waiting plan's listeners its place. */
    private void announceQueue() {
        List<Run> queue;
        synchronized (this) {
            queue = List.copyOf(waiting);
        }
        for (int i = 0; i < queue.size(); i++) {
            Run run = queue.get(i);
            events.queued(run.planId, new PlanEvents.Queued(i + 1));
            try {
                jobs.queuePosition(run.jobId, i + 1);
                signals.send(run.planId, "queued");
            } catch (RuntimeException e) {
                log.warn("Plan {}: queue place not stored", run.planId, e);
            }
        }
    }

    private void prepareAndSolve(Run run) {
        try {
            if (run.stopRequested) {
                fail(run, new CancellationException("stopped before solving began"));
                return;
            }
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
            initial.setWeights(settings.weights());
            run.initial = initial;
            run.manager = SolverManager.create(WeekPlanSolver.solverConfig(settings, initial));
            jobs.running(run.jobId);
            long started = System.nanoTime();
            run.job = run.manager.solveAndListen(run.planId, id -> initial,
                    best -> {
                        String score = String.valueOf(best.getScore());
                        long now = System.nanoTime();
                        events.best(run.planId, new PlanEvents.Best(score, (now - started) / 1_000_000));
                        if (now - run.lastBestSignalNanos > BEST_SIGNAL_MILLIS * 1_000_000) {
                            // for other instances' listeners; the checkpoint and the end carry the rest
                            run.lastBestSignalNanos = now;
                            jobs.bestScore(run.jobId, score);
                            signals.send(run.planId, "best");
                        }
                        checkpointSoon(run, best);
                    },
                    best -> finish(run, best),
                    (id, error) -> fail(run, error));
            if (run.stopRequested) {
                stopRunning(run);
            }
        } catch (Throwable e) {
            fail(run, e);
        }
    }

    /** Stores {@code best} (or a better one arriving meanwhile) once {@link #CHECKPOINT_MILLIS} have passed. */
    private void checkpointSoon(Run run, WeekPlan best) {
        run.unsaved.set(best);
        if (run.checkpointDue.compareAndSet(false, true)) {
            long wait = CHECKPOINT_MILLIS - (System.nanoTime() - run.lastCheckpointNanos) / 1_000_000;
            checkpoints.schedule(() -> checkpoint(run), Math.max(0, wait), TimeUnit.MILLISECONDS);
        }
    }

    private void checkpoint(Run run) {
        run.checkpointDue.set(false);
        WeekPlan best = run.unsaved.getAndSet(null);
        if (best == null || running.get(run.planId) != run) {
            return;
        }
        try {
            PlanView view = PlanView.of(best);
            PlanContent.Content content = this.content.of(best, view, run.pins);
            plans.saveProgress(run.planId, view.score(), travel.source().name().toLowerCase(), content.kpisJson(),
                    content.rows().visits(), content.rows().tours())
                    .ifPresent(version -> {
                        events.stored(run.planId, new PlanEvents.Stored(version, view.score()));
                        signals.send(run.planId, "stored");
                    });
            run.lastCheckpointNanos = System.nanoTime();
        } catch (RuntimeException e) {
            // the final result is stored anyway; a missed checkpoint only delays what readers see
            log.warn("Plan {}: checkpoint not stored", run.planId, e);
        }
    }

    /** Asks a plan's run to stop; the best plan so far is then stored. False when nothing runs. */
    public boolean stop(long planId) {
        Run run = running.get(planId);
        if (run == null) {
            return false;
        }
        run.stopRequested = true;
        boolean wasWaiting;
        synchronized (this) {
            wasWaiting = waiting.remove(run);
        }
        if (wasWaiting) {
            fail(run, new CancellationException("stopped while waiting in the queue"));
            announceQueue();
        } else if (run.job != null) {
            stopRunning(run);
        }
        return true;
    }

    private void stopRunning(Run run) {
        control.submit(() -> {
            run.job.terminateEarly();
            WeekPlan returned;
            try {
                returned = run.job.getFinalBestSolution();
            } catch (CancellationException e) {
                // cancelled before its first step: no callback will come
                fail(run, new CancellationException("stopped before solving began"));
                return;
            } catch (Exception e) {
                return; // the error handler has reported it
            }
            // OptaPlanner 10 hands back the unsolved problem itself when the job was cancelled before it
            // began; otherwise the final callback comes on its consumer thread, maybe after this returns
            if (returned == run.initial) {
                fail(run, new CancellationException("stopped before solving began"));
                return;
            }
            try {
                run.end.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail(run, new IllegalStateException("no final plan 60 s after stopping"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // cannot happen: the end is only ever completed normally
            }
        });
    }

    private void finish(Run run, WeekPlan best) {
        if (!run.ended.compareAndSet(false, true)) {
            return;
        }
        if (run.releasing) {
            handBack(run, best);
            return;
        }
        try {
            PlanView view = PlanView.of(best);
            PlanContent.Content content = this.content.of(best, view, run.pins);
            boolean stored = plans.saveSolution(run.planId, "SOLVED", view.score(),
                    travel.source().name().toLowerCase(), content.kpisJson(), content.rows().visits(),
                    content.rows().tours());
            jobs.finished(run.jobId, run.stopRequested ? "CANCELLED" : "DONE", stored ? null : "plan changed meanwhile");
            events.done(run.planId, new PlanEvents.Done("SOLVED", view.score(), null));
            signals.send(run.planId, "done");
            log.info("Plan {} solved: {}{}", run.planId, view.score(), stored ? "" : " (not stored: plan changed)");
            close(run);
        } catch (Throwable e) {
            recordFailure(run, e);
        }
    }

    /** Ends a run as failed, unless it has ended already (or hands it back when shutting down). */
    private void fail(Run run, Throwable error) {
        if (run.ended.compareAndSet(false, true)) {
            if (run.releasing) {
                handBack(run, null);
            } else {
                recordFailure(run, error);
            }
        }
    }

    /**
     * This instance shuts down: the run's best so far (if any) is stored as a checkpoint, the plan
     * stays SOLVING and its job is handed back for the next instance to continue.
     */
    private void handBack(Run run, WeekPlan best) {
        try {
            if (best != null && best != run.initial) {
                PlanView view = PlanView.of(best);
                PlanContent.Content content = this.content.of(best, view, run.pins);
                plans.saveProgress(run.planId, view.score(), travel.source().name().toLowerCase(), content.kpisJson(),
                        content.rows().visits(), content.rows().tours());
            }
            jobs.release(run.jobId);
            log.info("Plan {}: handed back for another instance or the next start to continue", run.planId);
        } catch (RuntimeException e) {
            log.warn("Plan {}: could not be handed back; it will be continued once its heartbeat is stale",
                    run.planId, e);
        }
        run.closed.set(true);
        run.end.complete(null);
        running.remove(run.planId, run);
    }

    private void recordFailure(Run run, Throwable error) {
        // what the plan shows: a stable code and a sentence; anything internal stays in the log
        String message;
        if (error instanceof CancellationException) {
            log.info("Plan {}: {}", run.planId, error.getMessage());
            message = "STOPPED: " + error.getMessage();
        } else if (error instanceof TravelUnavailableException) {
            log.warn("Plan {}: {}", run.planId, error.getMessage());
            message = "ROADS_UNAVAILABLE: " + error.getMessage();
        } else if (error instanceof Overrun) {
            log.error("Plan {}: {}", run.planId, error.getMessage());
            message = "OVERRUN: " + error.getMessage();
        } else {
            String reference = ProblemHandler.reference();
            log.error("Plan {} failed, reference {}", run.planId, reference, error);
            message = "SOLVER_ERROR: solving failed unexpectedly; the log has the details under reference " + reference;
        }
        try {
            plans.changeStatus(run.planId, null, List.of("SOLVING"), "FAILED", message);
            jobs.finished(run.jobId, "FAILED", String.valueOf(error.getMessage()));
        } catch (RuntimeException e) {
            log.error("Plan {}: could not record the failure (start-up recovery will)", run.planId, e);
        }
        events.done(run.planId, new PlanEvents.Done("FAILED", null, message));
        signals.send(run.planId, "done");
        close(run);
    }

    private void close(Run run) {
        if (!run.closed.compareAndSet(false, true)) {
            return;
        }
        run.end.complete(null);
        // only this run: a re-optimisation may already have started the next one
        running.remove(run.planId, run);
        SolverManager<WeekPlan, Long> manager = run.manager;
        if (manager != null) {
            // closing from the solver's own thread would interrupt it
            control.submit(manager::close);
        }
        Run next = null;
        synchronized (this) {
            if (run.launched) {
                active--;
            }
            if (active < maxConcurrent && !waiting.isEmpty()) {
                next = waiting.removeFirst();
                next.launched = true;
                active++;
            }
        }
        if (next != null) {
            launch(next);
            announceQueue();
        }
    }

    /**
     * The watchdog: a run that overruns its time limit by two minutes is told to stop; one that still has
     * not ended a minute later is ended as failed, so no plan stays SOLVING.
     */
    private void watch() {
        long now = System.nanoTime();
        for (Run run : running.values()) {
            if (!run.launched || run.ended.get()) {
                continue;
            }
            long overrun = (now - run.launchedNanos) / 1_000_000_000L - run.seconds;
            if (overrun > 180) {
                fail(run, new Overrun("the run did not end " + overrun + " s after its time limit and was given up"));
            } else if (overrun > 120 && !run.stopRequested) {
                log.warn("Plan {} runs {} s over its time limit: stopping it", run.planId, overrun);
                run.stopRequested = true;
                if (run.job != null) {
                    stopRunning(run);
                }
            }
        }
    }

    /** This instance's queued and running jobs are alive (see OrphanedRuns). */
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
     * A normal stop (SIGTERM): no new runs; each run stops early, its best is stored and its job handed
     * back (see {@link #handBack}); nothing becomes FAILED.
     */
    @PreDestroy
    void shutdown() {
        synchronized (this) {
            waiting.clear();
            active = Integer.MAX_VALUE / 2; // nothing more is launched
        }
        List<Run> runs = List.copyOf(running.values());
        for (Run run : runs) {
            run.releasing = true;
            run.stopRequested = true;
            SolverJob<WeekPlan, Long> job = run.job;
            if (job != null) {
                job.terminateEarly();
            } else if (run.ended.compareAndSet(false, true)) {
                handBack(run, null); // waiting or still preparing
            }
        }
        for (Run run : runs) {
            try {
                run.end.get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Plan {}: not handed back in time; it will be continued once its heartbeat is stale",
                        run.planId);
            }
        }
        runs.forEach(run -> {
            if (run.manager != null) {
                run.manager.close();
            }
        });
        preparation.shutdownNow();
        control.shutdownNow();
        checkpoints.shutdownNow();
    }
}
