package de.kuzmobil.api.plans;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import org.optaplanner.core.api.solver.SolverJob;
import org.optaplanner.core.api.solver.SolverManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one background solve per plan with OptaPlanner's SolverManager, streams new best scores,
 * stores the best plan so far every few seconds (readers watch it improve) and the final plan. Job state lives in PostgreSQL (solver_job) so a restart can tell
 * what was interrupted; every way out of a run (done, stopped, failed) ends the plan's SOLVING.
 */
@Component
public class SolveJobs {

    private static final Logger log = LoggerFactory.getLogger(SolveJobs.class);

    /** The best plan so far is stored at most this often while solving. */
    static final long CHECKPOINT_MILLIS = 2_000;

    /** One run of one plan; a re-optimisation of the same plan is a new Run. */
    private static final class Run {
        final long planId;
        final long jobId;
        final Map<String, Pin> pins;
        final AtomicReference<WeekPlan> unsaved = new AtomicReference<>();
        final AtomicBoolean checkpointDue = new AtomicBoolean();
        volatile long lastCheckpointNanos = System.nanoTime();
        volatile boolean stopRequested;
        volatile SolverManager<WeekPlan, Long> manager;
        volatile SolverJob<WeekPlan, Long> job;

        Run(long planId, long jobId, Map<String, Pin> pins) {
            this.planId = planId;
            this.jobId = jobId;
            this.pins = pins;
        }
    }

    private final PlanRepository plans;
    private final SolverJobRepository jobs;
    private final PlanContent content;
    private final ProblemLoader loader;
    private final Travel travel;
    private final PlanEvents events;
    // loading and routing run here, one plan at a time, so the HTTP request returns at once
    private final ExecutorService preparation = Executors.newSingleThreadExecutor(daemon("plan-preparation"));
    // stopping and closing wait for solver threads: never on an HTTP or solver thread
    private final ExecutorService control = Executors.newCachedThreadPool(daemon("plan-control"));
    // checkpoints are written here, off the solver's thread
    private final ScheduledExecutorService checkpoints =
            Executors.newSingleThreadScheduledExecutor(daemon("plan-checkpoint"));
    private final Map<Long, Run> running = new ConcurrentHashMap<>();

    public SolveJobs(PlanRepository plans, SolverJobRepository jobs, PlanContent content, ProblemLoader loader,
                     Travel travel, PlanEvents events) {
        this.plans = plans;
        this.jobs = jobs;
        this.content = content;
        this.loader = loader;
        this.travel = travel;
        this.events = events;
    }

    /** Starts solving a plan already stored with status SOLVING. */
    public void start(long planId, LocalDate weekStart, int seconds, Objective objective, Map<String, Pin> pins) {
        long jobId;
        try {
            jobs.failActive(planId, "replaced by a new run");
            jobId = jobs.create(planId, seconds);
        } catch (RuntimeException e) {
            plans.changeStatus(planId, null, List.of("SOLVING"), "FAILED", "could not start: " + e.getMessage());
            throw e;
        }
        Run run = new Run(planId, jobId, pins);
        running.put(planId, run);
        try {
            preparation.submit(() -> prepareAndSolve(run, weekStart, seconds, objective, pins));
        } catch (RuntimeException e) { // rejected: shutting down
            fail(run, e);
        }
    }

    private void prepareAndSolve(Run run, LocalDate weekStart, int seconds, Objective objective,
                                 Map<String, Pin> pins) {
        try {
            if (run.stopRequested) {
                fail(run, new CancellationException("stopped before solving began"));
                return;
            }
            WeekProblem problem = loader.load(weekStart, List.copyOf(pins.values()));
            // waits while the road graph loads: a plan never runs on a half-loaded graph
            WeekPlan initial = WeekPlanFactory.build(problem, travel.matrix(WeekPlanFactory.locations(problem)));
            SolverSettings settings = SolverSettings.defaults().withWeights(objective.weights())
                    .withSpent(Duration.ofSeconds(seconds), Duration.ofSeconds(Math.max(2, seconds / 3)))
                    .withStopRequested(() -> run.stopRequested);
            initial.setWeights(settings.weights());
            run.manager = SolverManager.create(WeekPlanSolver.solverConfig(settings, initial));
            jobs.running(run.jobId);
            long started = System.nanoTime();
            run.job = run.manager.solveAndListen(run.planId, id -> initial,
                    best -> {
                        String score = String.valueOf(best.getScore());
                        events.best(run.planId, new PlanEvents.Best(score, (System.nanoTime() - started) / 1_000_000));
                        jobs.bestScore(run.jobId, score);
                        checkpointSoon(run, best);
                    },
                    best -> finish(run, best, pins),
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
                    .ifPresent(version -> events.stored(run.planId, new PlanEvents.Stored(version, view.score())));
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
        if (run.job != null) {
            stopRunning(run);
        }
        return true;
    }

    private void stopRunning(Run run) {
        control.submit(() -> {
            run.job.terminateEarly();
            try {
                run.job.getFinalBestSolution();
            } catch (CancellationException e) {
                // cancelled before its first step: no callback will come
                fail(run, new CancellationException("stopped before solving began"));
            } catch (Exception e) {
                // the error handler has reported it
            }
        });
    }

    private void finish(Run run, WeekPlan best, Map<String, Pin> pins) {
        try {
            PlanView view = PlanView.of(best);
            PlanContent.Content content = this.content.of(best, view, pins);
            boolean stored = plans.saveSolution(run.planId, "SOLVED", view.score(),
                    travel.source().name().toLowerCase(), content.kpisJson(), content.rows().visits(),
                    content.rows().tours());
            jobs.finished(run.jobId, run.stopRequested ? "CANCELLED" : "DONE", stored ? null : "plan changed meanwhile");
            events.done(run.planId, new PlanEvents.Done("SOLVED", view.score(), null));
            log.info("Plan {} solved: {}{}", run.planId, view.score(), stored ? "" : " (not stored: plan changed)");
        } catch (Throwable e) {
            fail(run, e);
        } finally {
            close(run);
        }
    }

    private void fail(Run run, Throwable error) {
        log.error("Plan {} failed", run.planId, error);
        String message = error instanceof CancellationException || error instanceof TravelUnavailableException
                ? error.getMessage() : "solving failed: " + error.getClass().getSimpleName();
        try {
            plans.changeStatus(run.planId, null, List.of("SOLVING"), "FAILED", message);
            jobs.finished(run.jobId, "FAILED", String.valueOf(error.getMessage()));
        } catch (RuntimeException e) {
            log.error("Plan {}: could not record the failure (start-up recovery will)", run.planId, e);
        }
        events.done(run.planId, new PlanEvents.Done("FAILED", null, message));
        close(run);
    }

    private void close(Run run) {
        // only this run: a re-optimisation may already have started the next one
        running.remove(run.planId, run);
        SolverManager<WeekPlan, Long> manager = run.manager;
        if (manager != null) {
            // closing from the solver's own thread would interrupt it
            control.submit(manager::close);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    void shutdown() {
        running.values().forEach(run -> {
            if (run.manager != null) {
                run.manager.close();
            }
        });
        preparation.shutdownNow();
        control.shutdownNow();
        checkpoints.shutdownNow();
    }
}
